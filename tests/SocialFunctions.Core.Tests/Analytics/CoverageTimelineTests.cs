using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>
/// The coverage page's answer (<see cref="CoverageTimeline"/>): window defaults and bounds, per-channel runs, the latest
/// upload, and when an export is due. Today is 10 December 2026 (UTC brand), so the report month is November.
/// </summary>
public sealed class CoverageTimelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly BrandName Acme = BrandName.Parse("acme");

    private static UploadRecord RangeUpload(string channel, string from, string to, string receivedUtc, string status = UploadStatus.Accepted) =>
        Upload(channel, from, to, status, ExportKind.Range) with { ReceivedAt = DateTimeOffset.Parse(receivedUtc, System.Globalization.CultureInfo.InvariantCulture) };

    private static Task<CoverageOverview> BuildAsync(IReadOnlyList<UploadRecord> log, DateOnly? from = null, DateOnly? to = null, BrandSettings? settings = null) =>
        new CoverageTimeline(new OneBrand(settings), new Uploads(log), new FakeTimeProvider(Now)).BuildAsync(Acme, from, to, CancellationToken.None);

    // x, then instagram, then facebook: the answer lists them in the channels' own order.
    private static readonly UploadRecord[] Log =
    [
        RangeUpload(Channels.X, "2026-11-05", "2026-12-10", "2026-12-10T06:00:00Z"),
        RangeUpload(Channels.Instagram, "2026-11-01", "2026-12-02", "2026-12-03T00:00:00Z"),
        RangeUpload(Channels.Facebook, "2026-11-01", "2026-11-10", "2026-11-15T00:00:00Z"),
        RangeUpload(Channels.Facebook, "2026-11-08", "2026-12-03", "2026-12-04T00:00:00Z"),
        RangeUpload(Channels.Facebook, "2026-12-04", "2026-12-09", "2026-12-09T00:00:00Z", UploadStatus.Rejected),
    ];

    [Fact]
    public async Task BuildAsync_DefaultWindow_ThreeMonthsBeforeThisOneUpToToday()
    {
        // Catches `AddMonths(-3)` → `AddMonths(3)` (the window would end before it starts).
        var overview = await BuildAsync(Log);

        Assert.Equal((new DateOnly(2026, 12, 10), new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 10), ReportMonth.Parse("2026-11")),
            (overview.Today, overview.From, overview.To, overview.ReportMonth));
        Assert.Equal(Acme, overview.Brand);
    }

    [Fact]
    public async Task BuildAsync_BrandZone_TodayIsTheBrandsLocalDay()
    {
        // 12:00 UTC on 10 December is 01:00 on 11 December in Auckland (UTC+13): catches the settings read replaced by the default (UTC).
        var settings = BrandSettings.CreateDefault(Acme) with { Clock = BrandClock.Find("Pacific/Auckland") };

        var overview = await BuildAsync(Log, settings: settings);

        Assert.Equal((new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 11)), (overview.Today, overview.To));
    }

    [Fact]
    public async Task BuildAsync_GivenWindow_IsKept()
    {
        // Catches `from ?? …` or `to ?? today` answering the default whatever is given.
        var overview = await BuildAsync(Log, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 5));

        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 5)), (overview.From, overview.To));
        var facebook = overview.Channels.Single(c => c.Channel == Channels.Facebook);
        Assert.Equal([new DateRange(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 3))], facebook.Covered);
        Assert.Equal([new DateRange(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 5))], facebook.Gaps);
        Assert.Equal(14, facebook.CoveredDays);
    }

    [Fact]
    public async Task BuildAsync_OneDayWindow_Accepted_EndBeforeStart_Refused()
    {
        // Catches `last < first` → `last <= first` (one day refused), and the check turned off or reversed.
        var day = new DateOnly(2026, 11, 15);
        var oneDay = await BuildAsync(Log, day, day);
        Assert.Equal((day, day), (oneDay.From, oneDay.To));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => BuildAsync(Log, day, day.AddDays(-1)));
        Assert.Equal("The window ends (2026-11-14) before it starts (2026-11-15).", refused.Message);
    }

    [Fact]
    public async Task BuildAsync_WindowOf731Days_Accepted_OneMore_Refused()
    {
        // [first, first + 730] is 731 days: the longest window. Catches `>=` → `>` or `<`, and `last - first` → `last + first`.
        var first = new DateOnly(2025, 1, 1);
        var longest = await BuildAsync(Log, first, first.AddDays(CoverageTimeline.MaxWindowDays - 1));
        Assert.Equal(first.AddDays(730), longest.To);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => BuildAsync(Log, first, first.AddDays(CoverageTimeline.MaxWindowDays)));
        Assert.Equal("The window spans more than 731 days; ask for a shorter one.", refused.Message);
    }

    [Fact]
    public async Task BuildAsync_Channels_InChannelOrder_WithTheirRunsAndLatestUpload()
    {
        var overview = await BuildAsync(Log);

        Assert.Equal([Channels.Facebook, Channels.Instagram, Channels.X], overview.Channels.Select(c => c.Channel));
        var facebook = overview.Channels[0];

        // Accepted facebook exports cover 1 November to 3 December; the rejected one (4–9 December) covers nothing.
        Assert.Equal([new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 3))], facebook.Covered);
        Assert.Equal(
            [new DateRange(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)), new DateRange(new DateOnly(2026, 12, 4), new DateOnly(2026, 12, 10))],
            facebook.Gaps);
        Assert.Equal(30 + 3, facebook.CoveredDays);
        Assert.Equal(new DateOnly(2026, 12, 3), facebook.LastCoveredDay);

        // The later of its two accepted uploads; not the rejected one (9 December), nor x's (10 December).
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero), facebook.LastUploadAt);
    }

    [Fact]
    public async Task BuildAsync_ExportDue_DataOlderThanSevenDaysOrReportMonthGaps()
    {
        var overview = (await BuildAsync(Log)).Channels.ToDictionary(c => c.Channel);

        // facebook: data to 3 December, exactly 7 days before today, and November whole → not due.
        Assert.False(overview[Channels.Facebook].ExportDue);
        Assert.Empty(overview[Channels.Facebook].ReportMonthGaps);

        // instagram: data to 2 December, 8 days old, November whole → due because stale.
        Assert.True(overview[Channels.Instagram].ExportDue);
        Assert.Empty(overview[Channels.Instagram].ReportMonthGaps);

        // x: data up to today, but 1–4 November uncovered → due because of the report month's gap.
        Assert.True(overview[Channels.X].ExportDue);
        Assert.Equal([new DateRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 4))], overview[Channels.X].ReportMonthGaps);
    }

    [Fact]
    public async Task BuildAsync_NoUploads_NoChannels()
    {
        var overview = await BuildAsync([]);

        Assert.Empty(overview.Channels);
    }
}
