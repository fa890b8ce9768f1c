using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.LocalServer;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Web;

/// <summary>
/// The page's files and the API it needs, over HTTP on the local server with Azurite and a fake clock (1 Dec 2026):
/// what a browser receives at <c>/</c>, and the answers of the brand list, coverage, rule preview and report months.
/// </summary>
public sealed class WebPageApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private string _outbox = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var prefix = AzuriteFixture.UniqueName("p")[..12];
        _outbox = Path.Combine(Path.GetTempPath(), "sf-outbox-" + prefix);
        _app = LocalServerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Storage:Prefix"] = prefix,
                ["Outbox:Path"] = _outbox,
                ["Scheduling:TimersEnabled"] = "false",
                ["Scheduling:QueuesEnabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        });
        await _app.StartAsync(Ct);
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First().TrimEnd('/') + "/") };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true); // the report test sends a mail: leave no outbox behind in the temp folder
        }
    }

    [Fact]
    public async Task Root_Browser_GetsThePageWithItsSecurityPolicyAndRevalidatesByETag()
    {
        using var page = await _client.GetAsync("", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var again = new HttpRequestMessage(HttpMethod.Get, "");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using var notModified = await _client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var script = await _client.GetAsync("api.js", Ct);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("x-functions-key", await script.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("nope.js")]
    [InlineData("api")]
    [InlineData("WebAssets.cs")]
    public async Task Root_UnknownFile_IsA404ProblemNotThePage(string path)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListBrands_TwoBrands_ListsThemByDisplayNameWithLocale()
    {
        await PutAsync("zeta", new { displayName = "Alpha Roasters", locale = "fr", timeZone = "Europe/Paris" });
        await PutAsync("alpha", new { displayName = "Zeta Tea" });

        var brands = (await _client.GetFromJsonAsync<JsonElement>("api/brands", Ct)).GetProperty("brands");

        Assert.Equal(["zeta", "alpha"], brands.EnumerateArray().Select(b => b.GetProperty("brand").GetString()));
        Assert.Equal(("Alpha Roasters", "fr", "Europe/Paris"), (brands[0].GetProperty("displayName").GetString(), brands[0].GetProperty("locale").GetString(), brands[0].GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task Coverage_OneXExportToOctober_CoversItAndSaysNovemberIsDue()
    {
        await PutAsync("cov", new { timeZone = "Europe/Paris" });
        await UploadAsync("cov", RepositoryPaths.Samples("exports", "account_overview_analytics_2026-09-01_2026-10-31.csv"));

        var overview = await _client.GetFromJsonAsync<JsonElement>("api/brands/cov/coverage?from=2026-09-15&to=2026-11-10", Ct);
        var x = overview.GetProperty("channels").EnumerateArray().Single();

        Assert.Equal(("2026-12-01", "2026-11"), (overview.GetProperty("today").GetString(), overview.GetProperty("reportMonth").GetString()));
        Assert.Equal("x", x.GetProperty("channel").GetString());
        Assert.Equal("""[{"from":"2026-09-15","to":"2026-10-31"}]""", x.GetProperty("covered").GetRawText());
        Assert.Equal("""[{"from":"2026-11-01","to":"2026-11-10"}]""", x.GetProperty("gaps").GetRawText());
        Assert.Equal(47, x.GetProperty("coveredDays").GetInt32());
        Assert.Equal("2026-10-31", x.GetProperty("lastCoveredDay").GetString());
        Assert.True(x.GetProperty("exportDue").GetBoolean());
        Assert.Equal("""[{"from":"2026-11-01","to":"2026-11-30"}]""", x.GetProperty("reportMonthGaps").GetRawText());
    }

    [Theory]
    [InlineData("from=2026-13-01", "Invalid from.")]
    [InlineData("from=2026-11-01&to=2026-10-01", "Invalid window.")]
    [InlineData("from=2020-01-01&to=2026-01-01", "Invalid window.")]
    public async Task Coverage_BadWindow_Is400NamingIt(string query, string title)
    {
        using var response = await _client.GetAsync($"api/brands/cov/coverage?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task PreviewRules_InvalidRuleBetweenTwo_TakesNothingSaysWhyAndFirstMatchStillWins()
    {
        await PutAsync("rules", new { timeZone = "Europe/Paris" });
        await UploadAsync("rules", RepositoryPaths.Samples("exports", "Oct-01-2025_Oct-31-2026_1784140000012345.csv"));
        var body = new
        {
            seriesRules = new object[]
            {
                new { name = "Tips", hashtag = "#TipTuesday" },
                new { name = "Broken", pattern = "(" },
                new { name = "Tips again", pattern = "(?i)#tiptuesday" },
                new { name = "Latte", hashtag = "#LatteArtFriday", channels = new[] { "instagram" } },
            },
        };

        using var response = await _client.PostAsJsonAsync("api/brands/rules/series/preview", body, Ct);
        var rules = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("rules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(rules[0].GetProperty("posts").GetInt32() > 0);
        Assert.Equal(rules[0].GetProperty("posts").GetInt32(), rules[0].GetProperty("channels").GetProperty("instagram").GetInt32());
        Assert.Equal(3, rules[0].GetProperty("examples").GetArrayLength());
        Assert.Equal(0, rules[1].GetProperty("posts").GetInt32());
        Assert.Contains("is not a valid regular expression", rules[1].GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, rules[2].GetProperty("posts").GetInt32()); // every #TipTuesday post went to the first rule
        Assert.True(rules[3].GetProperty("posts").GetInt32() > 0);
        Assert.Empty(rules[3].GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task PreviewRules_NotJson_Is415AndNoRules400()
    {
        using var text = await _client.PostAsync("api/brands/rules/series/preview", new StringContent("x", Encoding.UTF8, "text/plain"), Ct);
        using var empty = await _client.PostAsync("api/brands/rules/series/preview", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, HttpStatusCode.BadRequest), (text.StatusCode, empty.StatusCode));
    }

    [Fact]
    public async Task Reports_SentOctober_ListsMonthsWithTheRunAndItsRecipients()
    {
        await PutAsync("rep", new { timeZone = "Europe/Paris", recipients = new[] { "cmo@rep.example" }, sender = "reports@rep.example" });
        await UploadAsync("rep", RepositoryPaths.Samples("exports", "account_overview_analytics_2026-09-01_2026-10-31.csv"));
        using (var sent = await _client.PostAsync("api/brands/rep/reports/2026-10/send", null, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var catalog = await _client.GetFromJsonAsync<JsonElement>("api/brands/rep/reports", Ct);
        var months = catalog.GetProperty("months").EnumerateArray().ToList();

        Assert.Equal(["2026-12", "2026-11", "2026-10", "2026-09"], months.Select(m => m.GetProperty("month").GetString()));
        Assert.False(months[0].GetProperty("complete").GetBoolean());
        Assert.Equal("2026-11", catalog.GetProperty("coming").GetString());
        var october = months[2].GetProperty("run");
        Assert.Equal("sent", october.GetProperty("status").GetString());
        Assert.Equal(["cmo@rep.example"], october.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, months[1].GetProperty("run").ValueKind);
    }

    [Fact]
    public async Task PreviewReport_OpenMonthAndUnknownBrand_Are422And404_CompleteMonthIsAnInlinePdf()
    {
        await PutAsync("pdf", new { timeZone = "Europe/Paris" });
        await UploadAsync("pdf", RepositoryPaths.Samples("exports", "account_overview_analytics_2026-09-01_2026-10-31.csv"));

        using var open = await _client.GetAsync("api/brands/pdf/reports/2026-12/preview", Ct);
        using var unknown = await _client.GetAsync("api/brands/nobody/reports/2026-10/preview", Ct);
        using var pdf = await _client.GetAsync("api/brands/pdf/reports/2026-10/preview", Ct);
        using var download = await _client.GetAsync("api/brands/pdf/reports/2026-10/preview?download=true", Ct);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound), (open.StatusCode, unknown.StatusCode));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Ct))[..4]), StringComparison.Ordinal);
        Assert.Null(pdf.Content.Headers.ContentDisposition);
        Assert.Equal("pdf-2026-10.pdf", download.Content.Headers.ContentDisposition?.FileName);
    }

    private async Task PutAsync(string brand, object settings)
    {
        using var response = await _client.PutAsJsonAsync($"api/brands/{brand}", settings, Ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task UploadAsync(string brand, string path)
    {
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, Ct));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await _client.PostAsync($"api/brands/{brand}/exports?filename={Uri.EscapeDataString(Path.GetFileName(path))}", content, Ct);
        response.EnsureSuccessStatusCode();
    }
}
