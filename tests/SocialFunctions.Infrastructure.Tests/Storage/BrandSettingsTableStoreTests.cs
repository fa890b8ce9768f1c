using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class BrandSettingsTableStoreTests(AzuriteFixture azurite)
{
    private readonly BrandSettingsTableStore _store = new(TestStorage.Create(azurite));

    private static BrandSettings Full(string brand) => new()
    {
        Brand = BrandName.Parse(brand),
        DisplayName = "Acme « Café »",
        Clock = BrandClock.Find("Europe/Paris"),
        Locale = ReportLocale.French,
        FunnelFocus = FunnelFocus.Conversion,
        Recipients = ["cmo@acme.example.com", "ceo@acme.example.com"],
        Sender = "reports@acme.example.com",
        TeamRecipients = ["social@acme.example.com"],
        PostingTargets = new Dictionary<string, double> { ["instagram"] = 3, ["blog"] = 0.5 },
        SeriesRules =
        [
            new SeriesRule { Name = "Tip Tuesday", Hashtag = "#TipTuesday" },
            new SeriesRule { Name = "Q&A", Pattern = "^Q&A\\b", Channels = ["instagram", "x"] },
        ],
        TeamsWebhookUrl = "https://prod-01.westeurope.logic.azure.com/workflows/abc?sig=s3cret",
        ReportDayOfMonth = 3,
        ReportTime = new TimeOnly(8, 30),
        PaperSize = PaperSize.Letter,
    };

    [Fact]
    public async Task GetAsync_AfterSave_RoundTripsEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = Full("acme");

        await _store.SaveAsync(saved, ct);
        var read = await _store.GetAsync(BrandName.Parse("acme"), ct);

        Assert.NotNull(read);
        Assert.Equal(
            (saved.Brand, saved.DisplayName, saved.Clock, saved.Locale, saved.FunnelFocus, saved.Sender, saved.TeamsWebhookUrl, saved.ReportDayOfMonth, saved.ReportTime, saved.PaperSize),
            (read.Brand, read.DisplayName, read.Clock, read.Locale, read.FunnelFocus, read.Sender, read.TeamsWebhookUrl, read.ReportDayOfMonth, read.ReportTime, read.PaperSize));
        Assert.Equal(saved.Recipients, read.Recipients);
        Assert.Equal(saved.TeamRecipients, read.TeamRecipients);
        Assert.Equal(saved.PostingTargets.OrderBy(kv => kv.Key), read.PostingTargets.OrderBy(kv => kv.Key));
        Assert.Equal(saved.SeriesRules.Count, read.SeriesRules.Count);
        Assert.Equal(saved.SeriesRules[0], read.SeriesRules[0]);
        Assert.Equal(("Q&A", "^Q&A\\b"), (read.SeriesRules[1].Name, read.SeriesRules[1].Pattern));
        Assert.Equal(["instagram", "x"], read.SeriesRules[1].Channels);
    }

    [Fact]
    public async Task GetAsync_UnknownBrand_Null()
    {
        Assert.Null(await _store.GetAsync(BrandName.Parse("nobody"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SaveAsync_Twice_ReplacesSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SaveAsync(Full("acme"), ct);

        await _store.SaveAsync(BrandSettings.CreateDefault(BrandName.Parse("acme")) with { DisplayName = "Renamed" }, ct);
        var read = await _store.GetAsync(BrandName.Parse("acme"), ct);

        Assert.Equal("Renamed", read!.DisplayName);
        Assert.Empty(read.SeriesRules);
        Assert.Null(read.TeamsWebhookUrl);
    }

    [Fact]
    public async Task ListAsync_SeveralBrands_ReturnsEach()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SaveAsync(Full("beta"), ct);
        await _store.SaveAsync(BrandSettings.CreateDefault(BrandName.Parse("alpha")), ct);

        var brands = new List<string>();
        await foreach (var settings in _store.ListAsync(ct))
        {
            brands.Add(settings.Brand);
        }

        Assert.Equal(["alpha", "beta"], brands);
    }
    [Fact]
    public async Task ListAsync_ARowThatNoLongerParses_SkippedAndTheOthersListed()
    {
        // One brand's row edited by hand must not stop the monthly fan-out of every other brand.
        var ct = TestContext.Current.CancellationToken;
        var storage = TestStorage.Create(azurite);
        var store = new BrandSettingsTableStore(storage);
        await store.SaveAsync(BrandSettings.CreateDefault(BrandName.Parse("alpha")), ct);
        await store.SaveAsync(BrandSettings.CreateDefault(BrandName.Parse("gamma")), ct);
        var table = await storage.TableAsync(BrandSettingsTableStore.TableName, ct);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("brand", "beta") { ["Settings"] = "{not json" }, cancellationToken: ct);
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("brand", "delta") { ["Other"] = "no settings" }, cancellationToken: ct);

        // A readable brand row outside the brands' partition is not a brand.
        await store.SaveAsync(BrandSettings.CreateDefault(BrandName.Parse("omega")), ct);
        var omega = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>("brand", "omega", cancellationToken: ct)).Value;
        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("elsewhere", "omega") { ["Settings"] = omega.GetString("Settings") }, cancellationToken: ct);
        await table.DeleteEntityAsync("brand", "omega", cancellationToken: ct);

        var brands = new List<string>();
        await foreach (var settings in store.ListAsync(ct))
        {
            brands.Add(settings.Brand);
        }

        Assert.Equal(["alpha", "gamma"], brands);
    }
}
