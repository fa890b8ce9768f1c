using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Infrastructure.Tests.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Reporting;

/// <summary>The report months of a brand (the reports page): from its first covered month to now, the coming report, over Azurite.</summary>
public sealed class ReportCatalogTests(AzuriteFixture azurite)
{
    private static readonly BrandName Contoso = BrandName.Parse("contoso");

    // Monday 2 November 2026, 10:00 in Paris: October is complete, November is the current month.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly StorageClients _storage = TestStorage.Create(azurite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BrandSettings Settings => BrandSettings.CreateDefault(Contoso) with
    {
        Clock = BrandClock.Find("Europe/Paris"),
        Sender = "reports@contoso.example",
        Recipients = ["cmo@contoso.example"],
    };

    private ReportCatalog Catalog => new(new BrandSettingsTableStore(_storage), new UploadTableLog(_storage), new ReportRunTableStore(_storage), _time);

    [Fact]
    public async Task ListAsync_NeitherSettingsNorUploads_UnknownBrand()
    {
        await Assert.ThrowsAsync<UnknownBrandException>(() => Catalog.ListAsync(Contoso, Ct));
    }

    [Fact]
    public async Task ListAsync_UploadsOnly_FromTheFirstCoveredMonthToNowNewestFirst()
    {
        // Catches: a rejected upload's dates widening the list, the current month marked complete, a wrong coming month.
        await SaveUploadAsync("2026-08-15", UploadStatus.Accepted);
        await SaveUploadAsync("2026-09-03", UploadStatus.Partial);
        await SaveUploadAsync("2026-01-01", UploadStatus.Rejected);

        var view = await Catalog.ListAsync(Contoso, Ct);

        Assert.Equal(["2026-11", "2026-10", "2026-09", "2026-08"], view.Months.Select(m => m.Month.ToString()));
        Assert.Equal([false, true, true, true], view.Months.Select(m => m.Complete));
        Assert.All(view.Months, m => Assert.Null(m.Run));
        var defaults = BrandSettings.CreateDefault(Contoso);
        Assert.Equal(ReportSchedule.DueAt(defaults, ReportMonth.Parse("2026-10")), view.Months[1].DueAt);
        Assert.Equal((Contoso, _time.GetUtcNow(), ReportMonth.Parse("2026-10")), (view.Brand, view.Now, view.Coming));
        Assert.Equal(ReportSchedule.DueAt(defaults, ReportMonth.Parse("2026-10")), view.ComingDueAt);
        Assert.Empty(view.Recipients);
        Assert.Null(view.Sender);
    }

    [Fact]
    public async Task ListAsync_LatestCompleteMonthDelivered_ComingIsTheCurrentMonth_OlderRunsWidenTheList()
    {
        await new BrandSettingsTableStore(_storage).SaveAsync(Settings, Ct);
        var runs = new ReportRunTableStore(_storage);
        var october = ReportRun.Claim(Contoso, ReportMonth.Parse("2026-10"), "r1", _time.GetUtcNow()).MarkSent("graph", [], _time.GetUtcNow(), ["cmo@contoso.example"]);
        Assert.NotNull(await runs.TryCreateAsync(october, Ct));
        Assert.NotNull(await runs.TryCreateAsync(ReportRun.Claim(Contoso, ReportMonth.Parse("2026-07"), "r0", _time.GetUtcNow()).MarkFailed("HTTP 400", _time.GetUtcNow()), Ct));

        var view = await Catalog.ListAsync(Contoso, Ct);

        Assert.Equal(["2026-11", "2026-10", "2026-09", "2026-08", "2026-07"], view.Months.Select(m => m.Month.ToString()));
        Assert.Equal(ReportRunStatus.Sent, view.Months[1].Run!.Status);
        Assert.Equal(ReportRunStatus.Failed, view.Months[4].Run!.Status);
        Assert.Null(view.Months[2].Run);
        Assert.Equal(ReportMonth.Parse("2026-11"), view.Coming);
        Assert.Equal(ReportSchedule.DueAt(Settings, ReportMonth.Parse("2026-11")), view.ComingDueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), view.ComingDueAt); // 1 December, 07:00 in Paris
        Assert.Equal(["cmo@contoso.example"], view.Recipients);
        Assert.Equal("reports@contoso.example", view.Sender);
    }

    [Fact]
    public async Task ListAsync_SettingsOnly_JustTheCurrentMonth()
    {
        await new BrandSettingsTableStore(_storage).SaveAsync(Settings, Ct);

        var view = await Catalog.ListAsync(Contoso, Ct);

        var only = Assert.Single(view.Months);
        Assert.Equal((ReportMonth.Parse("2026-11"), false), (only.Month, only.Complete));
        Assert.Equal(ReportMonth.Parse("2026-10"), view.Coming); // not delivered yet
    }

    [Fact]
    public async Task ListAsync_YearsOfUploads_AtMostTwentyFiveMonths()
    {
        await SaveUploadAsync("2020-01-10", UploadStatus.Accepted);

        var view = await Catalog.ListAsync(Contoso, Ct);

        Assert.Equal(ReportCatalog.MaxMonths, view.Months.Count);
        Assert.Equal(25, view.Months.Count);
        Assert.Equal(ReportMonth.Parse("2024-11"), view.Months[^1].Month);
    }

    private Task SaveUploadAsync(string from, string status) => new UploadTableLog(_storage).SaveAsync(
        new UploadRecord
        {
            Brand = Contoso,
            UploadId = Guid.NewGuid().ToString("N"),
            FileName = $"instagram-{from}.csv",
            ReceivedAt = _time.GetUtcNow(),
            Channel = Channels.Instagram,
            Kind = ExportKind.Posts,
            Status = status,
            From = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            To = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture).AddDays(10),
        },
        Ct);
}
