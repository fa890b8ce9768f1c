using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Digest;

/// <summary>The weekly digest: when it is due (the brand's local Monday morning, across zones and DST) and what it says.</summary>
public sealed class WeeklyDigestTests
{
    private static readonly TimeOnly Eight = new(8, 0);
    private static readonly DigestWeek W44 = new(new DateOnly(2026, 10, 26)); // Monday 26 Oct – Sunday 1 Nov 2026

    [Fact]
    public void DueAt_Paris_NextMondayAtEightLocal()
    {
        var paris = BrandClock.Find("Europe/Paris");

        // The clocks went back on Sunday 25 October: Monday 26 and 2 November, 08:00 CET is 07:00 UTC; Monday 19 October,
        // 08:00 CEST was 06:00 UTC.
        Assert.Equal(At("2026-11-02T07:00:00Z"), DigestSchedule.DueAt(paris, W44, Eight));
        Assert.Equal(At("2026-10-26T07:00:00Z"), DigestSchedule.DueAt(paris, W44.Previous, Eight));
        Assert.Equal(At("2026-10-19T06:00:00Z"), DigestSchedule.DueAt(paris, W44.Previous.Previous, Eight));
    }

    [Fact]
    public void DueAtAndLatestDue_NoClock_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => DigestSchedule.DueAt(null!, W44, Eight));
        Assert.Throws<ArgumentNullException>(() => DigestSchedule.LatestDue(null!, At("2026-11-02T07:00:00Z"), Eight));
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-02", "2026-03-09T12:00:00Z")] // DST began Sunday 8 March: EDT, UTC−4
    [InlineData("America/New_York", "2026-02-23", "2026-03-02T13:00:00Z")] // still EST, UTC−5
    [InlineData("Pacific/Auckland", "2026-09-21", "2026-09-27T19:00:00Z")] // NZDT from 27 September: UTC+13, Sunday in UTC
    [InlineData("Pacific/Auckland", "2026-09-14", "2026-09-20T20:00:00Z")] // NZST, UTC+12
    [InlineData("Asia/Tokyo", "2026-10-26", "2026-11-01T23:00:00Z")]
    public void DueAt_ZonesAndDstChanges_LocalMondayEight(string zone, string monday, string expectedUtc)
    {
        var week = new DigestWeek(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(At(expectedUtc), DigestSchedule.DueAt(BrandClock.Find(zone), week, Eight));
    }

    [Fact]
    public void LatestDue_OneMinuteBeforeAndAtEight_PreviousThenLastWeek()
    {
        var paris = BrandClock.Find("Europe/Paris");

        Assert.Equal(W44.Previous, DigestSchedule.LatestDue(paris, At("2026-11-02T06:59:00Z"), Eight));
        Assert.Equal(W44, DigestSchedule.LatestDue(paris, At("2026-11-02T07:00:00Z"), Eight));
        Assert.Equal(W44, DigestSchedule.LatestDue(paris, At("2026-11-08T22:00:00Z"), Eight)); // all week long
    }

    [Fact]
    public void LatestDue_SameInstant_TokyoIsOnMondayParisStillOnSunday()
    {
        var instant = At("2026-11-01T23:00:00Z");

        Assert.Equal(W44, DigestSchedule.LatestDue(BrandClock.Find("Asia/Tokyo"), instant, Eight));
        Assert.Equal(W44.Previous, DigestSchedule.LatestDue(BrandClock.Find("Europe/Paris"), instant, Eight));
    }

    [Fact]
    public void DigestWeek_KeyAndParse_RoundTrip()
    {
        Assert.Equal("2026-W44", W44.Key);
        Assert.True(DigestWeek.TryParse("2026-W44", out var parsed));
        Assert.Equal(W44, parsed);
        Assert.False(DigestWeek.TryParse("2026-W54", out _));
        Assert.Throws<ArgumentException>(() => new DigestWeek(new DateOnly(2026, 10, 27)));
    }

    [Fact]
    public void Build_FixtureWeek_PostsAgainstTargetsOverdueExportsAndBestPost()
    {
        var settings = BrandSettings.CreateDefault(BrandName.Parse("acme")) with
        {
            DisplayName = "Acme",
            Clock = BrandClock.Find("Europe/Paris"),
            PostingTargets = new Dictionary<string, double> { [Channels.Instagram] = 5, [Channels.Facebook] = 2, [Channels.TikTok] = 3 },
        };
        CanonicalPost[] posts =
        [
            Post(Channels.Instagram, "i0", "2026-10-25T22:30:00Z", 1000, 500), // Sunday 23:30 in Paris: the week before
            Post(Channels.Instagram, "i1", "2026-10-26T09:00:00Z", 1000, 50),
            Post(Channels.Instagram, "i2", "2026-10-28T09:00:00Z", 1000, 100), // 10 %: the week's best
            Post(Channels.Instagram, "i2", "2026-10-28T09:00:00Z", 1000, 100), // the same post uploaded twice counts once
            Post(Channels.Instagram, "i3", "2026-11-01T22:30:00Z", 1000, 30), // Sunday 23:30 in Paris: still this week
            Post(Channels.Instagram, "i4", "2026-11-01T23:30:00Z", 1000, 900), // Monday 00:30 in Paris: next week
            Post(Channels.Facebook, "f1", "2026-10-27T10:00:00Z", 1000, 20),
        ];
        UploadRecord[] uploads =
        [
            Upload(Channels.Instagram, "2026-10-01", "2026-11-01"),
            Upload(Channels.Facebook, "2026-10-01", "2026-10-20"),
            Upload(Channels.Facebook, "2026-10-21", "2026-11-01", status: UploadStatus.Rejected), // covers nothing
        ];

        var digest = WeeklyDigestBuilder.Build(settings, W44, posts, uploads, new SeriesDetector(new SeriesDetectionOptions()), new DigestOptions(), "https://app.example/?brand=acme");

        Assert.Equal(
            new Dictionary<string, (int, double?)> { [Channels.Instagram] = (3, 5), [Channels.Facebook] = (1, 2), [Channels.TikTok] = (0, 3) },
            digest.Channels.ToDictionary(c => c.Channel, c => (c.Posts, c.Target)));
        Assert.Equal("i2", digest.BestPost?.PostId);
        // Facebook's last accepted post export ends 20 October and, by the coverage page's rule, covers up to
        // CoverageCalculator.PostExportEdgeDays beyond: 23 October, 9 days before Sunday 1 November; TikTok never uploaded.
        Assert.Equal(
            [(Channels.Facebook, (DateOnly?)new DateOnly(2026, 10, 20 + CoverageCalculator.PostExportEdgeDays), 12 - CoverageCalculator.PostExportEdgeDays), (Channels.TikTok, null, 7)],
            digest.OverdueExports.Select(o => (o.Channel, o.LastCovered, o.DaysUncovered)).OrderBy(o => o.Channel, StringComparer.Ordinal).ToArray());
        Assert.Empty(digest.SeriesChanges);
        Assert.Equal(("Acme", "https://app.example/?brand=acme"), (digest.DisplayName, digest.PageUrl));
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
