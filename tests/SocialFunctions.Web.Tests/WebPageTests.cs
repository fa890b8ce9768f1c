using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialFunctions.Testing;
using UglyToad.PdfPig;

namespace SocialFunctions.Web.Tests;

/// <summary>
/// The team's web page end to end, as a social media manager uses it: in headless Chromium against the local server
/// and Azurite. Each test asserts what a person would see — the words on the page, the files the browser receives,
/// the mail in the outbox — and that the page logged no error and axe-core finds no WCAG A/AA violation.
/// </summary>
public sealed partial class WebPageTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebSession _web = null!;

    private IPage Page => _web.Page;

    public async ValueTask InitializeAsync() => _web = await WebSession.StartAsync(azurite);

    public async ValueTask DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task FromExportsToSentReport_PageAlone_CreatesBrandUploadsWritesPlanPreviewsDownloadsAndSends()
    {
        var violations = new List<string>();

        // Start page → create the brand with the form.
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("From exports to a sent report");
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create the brand" }).ClickAsync();
        await Page.GetByLabel("Display name").FillAsync("Lumen Coffee Roasters");
        await Expect(Page.GetByLabel("Brand name in links")).ToHaveValueAsync("lumen-coffee-roasters");
        await Page.GetByLabel("Time zone").FillAsync("Europe/Paris");
        await Page.GetByLabel("Recipients").FillAsync("cmo@lumen-coffee.example\nceo@lumen-coffee.example");
        await Page.GetByLabel("Sender mailbox").FillAsync("social-reports@lumen-coffee.example");
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("01-new-brand");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the brand" }).ClickAsync();

        // Upload: drop three exports at once, one of them not an export.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Upload exports");
        await DropFilesAsync(
            RepositoryPaths.Samples("exports", "Oct-01-2025_Oct-31-2026_1784140000012345.csv"),
            RepositoryPaths.Samples("exports", "Oct-01-2025_Oct-31-2026_108234567890123.csv"),
            RepositoryPaths.TestData("common", "unknown-headers.csv"));
        await Expect(Page.Locator("#status")).ToHaveTextAsync("3 file(s) done: 2 accepted, 0 partly accepted, 1 rejected.");
        var instagram = Upload("Oct-01-2025_Oct-31-2026_1784140000012345.csv");
        await Expect(instagram).ToContainTextAsync("Accepted");
        await Expect(instagram).ToContainTextAsync("instagram-posts");
        await Expect(instagram.Locator("dd").Nth(1)).ToHaveTextAsync("Instagram");
        await Expect(instagram).ToContainTextAsync(new Regex("160 read, 0 refused"));
        var bad = Upload("unknown-headers.csv");
        await Expect(bad).ToContainTextAsync("Rejected");
        await Expect(bad.GetByRole(AriaRole.Table)).ToContainTextAsync("unknown export format; headers seen: 'Post ID'");
        await Expect(bad.Locator("tbody tr td").First).ToHaveTextAsync("1");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Latest 3 of 3 uploads" })).ToBeVisibleAsync();
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("02-upload-results");

        // Settings: a series rule previews the stored posts it takes while it is typed, then is saved.
        await Nav("Brand settings").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a rule" }).ClickAsync();
        await Page.Locator("#f-rule-0-name").FillAsync("Tip Tuesday");
        await Page.Locator("#f-rule-0-value").FillAsync("#TipTuesday");
        await Expect(Page.Locator("#f-rule-0-preview")).ToContainTextAsync(new Regex(@"Takes \d+ posts \(Facebook \d+, Instagram \d+\)"));
        await Page.Locator("#f-rule-0-value").FillAsync("(");
        await Page.Locator("#f-rule-0-kind").SelectOptionAsync("pattern");
        await Expect(Page.Locator("#f-rule-0-preview")).ToContainTextAsync("Not valid yet:");
        await Page.Locator("#f-rule-0-kind").SelectOptionAsync("hashtag");
        await Page.Locator("#f-rule-0-value").FillAsync("#TipTuesday");
        await Expect(Page.Locator("#f-rule-0-preview")).ToContainTextAsync("Takes");
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("03-settings-rule-preview");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.Locator(".saved")).ToContainTextAsync(new Regex(@"Settings saved\. \d+ stored posts changed series\."));

        // Coverage and series.
        await Nav("Coverage").ClickAsync();
        await Expect(Page.Locator(".coverage-row h2")).ToHaveTextAsync(["Facebook", "Instagram"]);
        await Expect(Page.Locator(".coverage-row").First).ToContainTextAsync("data up to");
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("04-coverage");
        await Nav("Series").ClickAsync();
        var tipTuesday = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tip Tuesday" }).First;
        await Expect(tipTuesday).ToContainTextAsync(new Regex("Healthy|Underperforming|Not enough data"));
        await Expect(Page.Locator(".suggestion").First).ToBeVisibleAsync();
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("05-series");

        // Reports: October, its headlines, the pivot plan, the PDF previewed and downloaded, then sent.
        await Nav("Reports").ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^October 2026") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Report for October 2026" })).ToBeFocusedAsync();
        await Expect(Page.Locator(".insights li").First).ToBeVisibleAsync();
        await Page.GetByLabel("How the team plans to pivot after October 2026").FillAsync("We pause Latte Art Friday.\n- Zephyrblend launch moves to week 46");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the pivot plan" }).ClickAsync();
        await Expect(Page.Locator(".month-panel .saved")).ToHaveTextAsync("Pivot plan for October 2026 saved.");

        var preview = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Preview the PDF" }).ClickAsync(),
            r => r.Url.Contains("/api/brands/lumen-coffee-roasters/reports/2026-10/preview", StringComparison.Ordinal));
        Assert.Equal(200, preview.Status);
        Assert.Equal("application/pdf", (await preview.AllHeadersAsync())["content-type"]);
        await Expect(Page.Locator("iframe.pdf-frame")).ToHaveAttributeAsync("title", "Report PDF for October 2026");

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" }).ClickAsync());
        Assert.Equal("lumen-coffee-roasters-2026-10.pdf", download.SuggestedFilename);
        var pdfPath = Path.Combine(WebSession.Artifacts, "lumen-coffee-roasters-2026-10.pdf");
        await download.SaveAsAsync(pdfPath);
        using (var pdf = PdfDocument.Open(pdfPath))
        {
            // The plan typed on the page is in the PDF the browser downloaded.
            Assert.Contains(pdf.GetPages(), p => p.GetWords().Any(w => w.Text.Contains("Zephyrblend", StringComparison.Ordinal)));
        }

        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("06-report-preview");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send now to cmo@lumen-coffee.example, ceo@lumen-coffee.example…" }).ClickAsync();
        await Expect(Page.Locator("#confirm-text")).ToHaveTextAsync("Send the October 2026 report to cmo@lumen-coffee.example, ceo@lumen-coffee.example now?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send now", Exact = true }).ClickAsync();
        var delivery = Page.Locator(".month-panel .delivery");
        await Expect(delivery).ToContainTextAsync("Sent 1 Dec 2026, 10:00 to cmo@lumen-coffee.example, ceo@lumen-coffee.example.");
        await Expect(delivery).ToBeFocusedAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^October 2026") })).ToContainTextAsync("Sent");
        var history = Page.GetByRole(AriaRole.Table, new() { Name = "Report runs, newest first" });
        await Expect(history.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("October 2026");
        await Expect(history).ToContainTextAsync("cmo@lumen-coffee.example, ceo@lumen-coffee.example");
        Assert.Single(Directory.GetFiles(_web.OutboxPath, "*.eml"));
        violations.AddRange(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("07-report-sent");

        Assert.Equal([], violations.Distinct());
        Assert.Empty(_web.Problems);
    }

    [Fact]
    public async Task Upload_KeyboardOnlyInFrench_ReachesChooseFilesInOrderAndReadsLineAndColumn()
    {
        await _web.PutBrandAsync("brulerie", new { displayName = "Brûlerie du Canal", locale = "fr", timeZone = "Europe/Paris" });
        await Page.GotoAsync("/#/brulerie/upload");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer des exports");
        Assert.Equal("fr", await Page.Locator("html").GetAttributeAsync("lang"));

        // Tab order: skip link, product, brand picker, new brand, the five sections, then the page's first control.
        var order = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            order.Add(await Page.EvaluateAsync<string>("() => (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent || document.activeElement.id).trim()"));
        }

        Assert.Equal(
            ["Aller au contenu", "SocialFunctions", "Choisir une marque…Brûlerie du Canal (brulerie)", "Nouvelle marque", "Import", "Couverture", "Séries", "Rapports", "Réglages de la marque", "Choisir des fichiers"],
            order);

        var chooser = await Page.RunAndWaitForFileChooserAsync(() => Page.Keyboard.PressAsync("Enter"));
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync([RepositoryPaths.TestData("facebook", "non-numeric-views.csv"), RepositoryPaths.TestData("instagram", "posts.csv")]);
        await Expect(Page.Locator("#status")).ToHaveTextAsync("2 fichier(s) traité(s) — acceptés : 1, acceptés en partie : 1, refusés : 0.");
        var partial = Upload("non-numeric-views.csv");
        await Expect(partial).ToContainTextAsync("Accepté en partie");
        var error = partial.GetByRole(AriaRole.Row).Filter(new() { HasText = "Views" });
        await Expect(error.Locator("td")).ToHaveTextAsync(["3", "18", "Views: expected a number, found 'abc'"]);

        // The skip link (first in the tab order) takes keyboard users straight to the content, and stays on the page.
        await Page.ReloadAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Importer des exports");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await Page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.EndsWith("#/brulerie/upload", Page.Url, StringComparison.Ordinal);

        Assert.Empty(await _web.AccessibilityViolationsAsync());
        await _web.ScreenshotAsync("08-upload-keyboard-fr");
        Assert.Empty(_web.Problems);
    }

    [Fact]
    public async Task Settings_WebhookAndBadAddress_MasksTheSecretAndPointsAtTheField()
    {
        await _web.PutBrandAsync("lumen", new { displayName = "Lumen", timeZone = "Europe/Paris" });
        await Page.GotoAsync("/#/lumen/settings");
        await Page.GetByLabel("Teams webhook").FillAsync("https://contoso.webhook.office.com/workflows/abc?sig=TOPSECRET123");
        await Page.GetByLabel("Recipients").FillAsync("cmo@lumen.example\nnot-an-address");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        var summary = Page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Recipients: 'not-an-address' is not an email address.");
        await Expect(Page.GetByLabel("Recipients")).ToHaveAttributeAsync("aria-invalid", "true");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(Page.GetByLabel("Recipients")).ToBeFocusedAsync();
        await _web.ScreenshotAsync("09-settings-errors");

        await Page.GetByLabel("Recipients").FillAsync("cmo@lumen.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.Locator(".saved")).ToHaveTextAsync("Settings saved.");
        await Expect(Page.Locator(".webhook .masked")).ToContainTextAsync("https://contoso.webhook.office.com…");
        Assert.DoesNotContain("TOPSECRET123", await Page.ContentAsync(), StringComparison.Ordinal);

        // Saving again keeps the stored webhook (the masked value means "keep it").
        await Page.ReloadAsync();
        await Page.GetByLabel("Display name").FillAsync("Lumen Coffee");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Page.Locator(".saved")).ToHaveTextAsync("Settings saved.");
        await Expect(Page.Locator(".webhook .masked")).ToContainTextAsync("https://contoso.webhook.office.com…");
        Assert.DoesNotContain("TOPSECRET123", await Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await _web.AccessibilityViolationsAsync());
        Assert.Empty(_web.Problems);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private ILocator Nav(string name) => Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private ILocator Upload(string fileName) => Page.Locator("li.upload").Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = fileName, Exact = true }) });

    /// <summary>Drops files on the drop zone as a person dragging them from a file manager does: a real drop event with a DataTransfer.</summary>
    private async Task DropFilesAsync(params string[] paths)
    {
        var files = paths.Select(p => new { name = Path.GetFileName(p), data = Convert.ToBase64String(File.ReadAllBytes(p)) }).ToArray();
        var dataTransfer = await Page.EvaluateHandleAsync(
            """
            (files) => {
              const transfer = new DataTransfer();
              for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.data), c => c.charCodeAt(0))], f.name));
              return transfer;
            }
            """,
            files);
        await Page.DispatchEventAsync("#dropzone", "dragenter", new { dataTransfer });
        await Page.DispatchEventAsync("#dropzone", "drop", new { dataTransfer });
    }
}
