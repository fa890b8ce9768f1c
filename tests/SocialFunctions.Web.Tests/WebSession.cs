using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using SocialFunctions.LocalServer;
using SocialFunctions.Testing;

namespace SocialFunctions.Web.Tests;

/// <summary>
/// One test's world: the local server on a free loopback port over the assembly's Azurite (a storage prefix and an
/// outbox of its own, time from a <see cref="FakeTimeProvider"/>), and a page in headless Debian Chromium driven by
/// Playwright (never a downloaded browser). Console errors and page errors are collected, screenshots kept under
/// <c>out/web-tests/</c>. Everything is stopped on dispose.
/// </summary>
internal sealed class WebSession : IAsyncDisposable
{
    /// <summary>1 December 2026, 09:00 UTC: October and November 2026 are over in Europe/Paris.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // The flags the closed network needs: no sandbox (root in CI), no GPU, nothing that phones home.
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;

    private WebSession(WebApplication app, string outbox, IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page, Uri address)
    {
        _app = app;
        OutboxPath = outbox;
        _playwright = playwright;
        _browser = browser;
        _context = context;
        Page = page;
        Address = address;
        Api = new HttpClient { BaseAddress = address };
        page.Console += (_, message) =>
        {
            // Chromium logs every non-2xx answer as "Failed to load resource"; the tests assert on the answers themselves.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Problems.Add($"page error: {error}");

        // Playwright turns on file-chooser interception when the first listener is attached, without waiting for the
        // browser to confirm: attached here, it is on long before a key press opens the chooser.
        page.FileChooser += (_, _) => { };
    }

    public IPage Page { get; }

    public Uri Address { get; }

    /// <summary>For setting up data directly through the API (the page itself never sees this client).</summary>
    public HttpClient Api { get; }

    public string OutboxPath { get; }

    /// <summary>Console errors and warnings (a missing translation warns) and uncaught page errors.</summary>
    public List<string> Problems { get; } = [];

    public static string Artifacts { get; } = Path.Combine(RepositoryPaths.Root, "out", "web-tests");

    public static async Task<WebSession> StartAsync(AzuriteFixture azurite, string locale = "en-GB")
    {
        var prefix = AzuriteFixture.UniqueName("w")[..12];
        var outbox = Path.Combine(Path.GetTempPath(), "sf-web-outbox-" + prefix);
        var app = LocalServerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Storage:Prefix"] = prefix,
                ["Outbox:Path"] = outbox,
                ["Scheduling:TimersEnabled"] = "false",
                ["Scheduling:QueuesEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First().TrimEnd('/') + "/");

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = locale,
            TimezoneId = "Europe/Paris",
            AcceptDownloads = true,
        });
        // Waits, not speed targets: a loaded 2-core CI machine may take seconds to ingest or render (Playwright's
        // expectations otherwise give up after 5 s).
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(Artifacts);
        return new WebSession(app, outbox, playwright, browser, context, page, address);
    }

    /// <summary>Debian's chromium (CHROMIUM_PATH overrides); ./run.sh test installs it with apt-get.</summary>
    public static string ChromiumPath()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        return candidates.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException("Debian's chromium is not installed: run ./run.sh test (it installs it with apt-get) or apt-get install chromium, or set CHROMIUM_PATH.");
    }

    /// <summary>Creates a brand through the API, as a colleague would have before.</summary>
    public async Task PutBrandAsync(string brand, object settings)
    {
        using var response = await Api.PutAsJsonAsync($"api/brands/{brand}", settings);
        response.EnsureSuccessStatusCode();
    }

    public async Task UploadAsync(string brand, string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        using var response = await Api.PostAsync($"api/brands/{brand}/exports?filename={Uri.EscapeDataString(Path.GetFileName(path))}", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A full-page screenshot kept as a test artifact.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });

    /// <summary>The axe-core (WCAG 2 A/AA) violations of the page as it is now, one line each.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return [.. result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(' ', n.Target)))})")];
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
    }
}
