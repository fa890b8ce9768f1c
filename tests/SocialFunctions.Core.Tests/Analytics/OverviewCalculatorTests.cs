using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>
/// <see cref="OverviewCalculator"/> called directly on hand-computed fixtures (UTC brand, report month October 2026, the
/// months before it July–September): which channels have figures, like-for-like changes, shares, the slices' lifts and
/// the advice drawn from them.
/// </summary>
public sealed class OverviewCalculatorTests
{
    private static readonly ReportMonth October = ReportMonth.Parse("2026-10");

    private static ContentOverview For(
        IReadOnlyList<CanonicalPost> posts, IReadOnlyList<string> channels, Dictionary<(string, ReportMonth), MetricTotals>? totals = null, bool comparable = true) =>
        OverviewCalculator.For(
            October,
            BrandClock.Utc,
            new PostTimeline(posts, BrandClock.Utc),
            channels,
            (c, m) => totals is not null && totals.TryGetValue((c, m), out var t) ? t : new MetricTotals(),
            (_, _, _) => comparable);

    private static MetricTotals Sums(long? impressions = null, long? engagements = null)
    {
        var totals = new MetricTotals();
        totals.AddSums(impressions, reach: null, engagements, saves: null, shares: null, clicks: null, videoViews: null);
        return totals;
    }

    private static void AssertClose(double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
        }
        else
        {
            Assert.NotNull(actual);
            Assert.Equal(expected.Value, actual.Value, 12);
        }
    }

    [Fact]
    public void Slices_LiftAgainstTheChannelsOwnRate_MonthPriorAndTogether()
    {
        // Instagram's rate over July–October: 250 / 5,000 = 0.05, so each 1,000-impression post is expected 50 engagements.
        // x's posts have no engagements: expected 0, so its link slice has no lift at all. The video with 0 impressions is
        // left out (no slice of its own).
        var overview = For(
            [
                Post(Channels.Instagram, "r1", "2026-10-05T10:00:00Z", 1000, 100) with { ContentType = ContentTypes.Reel },
                Post(Channels.Instagram, "i1", "2026-10-06T10:00:00Z", 1000, 20) with { ContentType = ContentTypes.Image },
                Post(Channels.Instagram, "v1", "2026-10-07T10:00:00Z", 0, 5) with { ContentType = ContentTypes.Video },
                Post(Channels.Instagram, "r2", "2026-09-07T10:00:00Z", 1000, 60) with { ContentType = ContentTypes.Reel },
                Post(Channels.Instagram, "i2", "2026-09-08T10:00:00Z", 1000, 20) with { ContentType = ContentTypes.Image },
                Post(Channels.Instagram, "c1", "2026-09-09T10:00:00Z", 1000, 50) with { ContentType = ContentTypes.Carousel },
                Post(Channels.X, "l1", "2026-10-08T10:00:00Z", 500, 0) with { ContentType = ContentTypes.Link },
                Post(Channels.X, "l2", "2026-09-10T10:00:00Z", 500, 0) with { ContentType = ContentTypes.Link },
            ],
            [Channels.Instagram, Channels.X]);

        // Two posts each first (by key), then the carousel's one.
        Assert.Equal(["image", "link", "reel", "carousel"], overview.ByContentType.Select(s => s.Key));
        var slices = overview.ByContentType.ToDictionary(s => s.Key);

        // Reel: 100 of 50 expected in October, 60 of 50 before; together 160 of 100, |160 − 100| / √100 = 6.
        AssertSlice(slices["reel"], posts: 1, rate: 0.1, prior: 1, priorRate: 0.06, lift: 1.6, monthLift: 2.0, priorLift: 1.2, z: 6);

        // Image: 20 of 50 in each period; together 40 of 100, |40 − 100| / √100 = 6.
        AssertSlice(slices["image"], posts: 1, rate: 0.02, prior: 1, priorRate: 0.02, lift: 0.4, monthLift: 0.4, priorLift: 0.4, z: 6);

        // Carousel: nothing in October (no rate, no month lift), 50 of 50 before.
        AssertSlice(slices["carousel"], posts: 0, rate: null, prior: 1, priorRate: 0.05, lift: 1.0, monthLift: null, priorLift: 1.0, z: 0);

        // Link: posts with figures but an expected 0 (x's rate is 0): rates 0, no lift, Z 0.
        AssertSlice(slices["link"], posts: 1, rate: 0.0, prior: 1, priorRate: 0.0, lift: null, monthLift: null, priorLift: null, z: 0);
    }

    private static void AssertSlice(ContentSlice s, int posts, double? rate, int prior, double? priorRate, double? lift, double? monthLift, double? priorLift, double z)
    {
        Assert.Equal((posts, prior), (s.Posts, s.PriorPosts));
        AssertClose(rate, s.EngagementRate);
        AssertClose(priorRate, s.PriorEngagementRate);
        AssertClose(lift, s.Lift);
        AssertClose(monthLift, s.MonthLift);
        AssertClose(priorLift, s.PriorLift);
        AssertClose(z, s.Z);
    }

    [Fact]
    public void Slices_WeekdaysAndHourBands_InCalendarOrderWithTheirKeys()
    {
        // Monday 5 October 05:00 to Sunday 11 October 21:00, one post a day, three hours later each day (06:00 is the first
        // hour after the night band). Catches an emptied weekday or band key, `hour < 6` → `hour <= 6`, and the night band lost.
        var overview = For(
            [
                Post(Channels.Instagram, "mon", "2026-10-05T05:00:00Z", 1000, 50),
                Post(Channels.Instagram, "tue", "2026-10-06T06:00:00Z", 1000, 50),
                Post(Channels.Instagram, "wed", "2026-10-07T09:00:00Z", 1000, 50),
                Post(Channels.Instagram, "thu", "2026-10-08T12:00:00Z", 1000, 50),
                Post(Channels.Instagram, "fri", "2026-10-09T15:00:00Z", 1000, 50),
                Post(Channels.Instagram, "sat", "2026-10-10T18:00:00Z", 1000, 50),
                Post(Channels.Instagram, "sun", "2026-10-11T21:00:00Z", 1000, 50),
            ],
            [Channels.Instagram]);

        Assert.Equal(
            ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
            overview.ByWeekday.Select(s => s.Key));
        Assert.Equal(["00-06", "06-09", "09-12", "12-15", "15-18", "18-21", "21-24"], overview.ByHour.Select(s => s.Key));
        Assert.All(overview.ByWeekday.Concat(overview.ByHour), s => Assert.Equal(1, s.Posts));
        Assert.Equal(["00-06", "00-06", "06-09", "06-09", "21-24"], new[] { 0, 5, 6, 8, 23 }.Select(OverviewCalculator.HourBand));
    }

    [Fact]
    public void Advice_ContentTypes_OtherNeverAdvised()
    {
        // Five posts of each type in October and five in September, all on a Monday at 10:00 (weekday and hour slices hold
        // every post: lift 1). Instagram's rate: (1,000 + 200 + 1,000) / 30,000, so each post is expected 220 / 3 engagements.
        // Reels: 1,000 of 733.3 → lift 15/11; images: 200 of 733.3 → 3/11; "other" posts do as well as reels but an
        // unclassified type is no advice (catches `s.Key != Other` → `==`).
        var posts = new List<CanonicalPost>();
        foreach (var (day, period) in new[] { ("2026-10-05", "oct"), ("2026-09-07", "sep") })
        {
            for (var i = 0; i < 5; i++)
            {
                posts.Add(Post(Channels.Instagram, $"reel-{period}-{i}", $"{day}T10:00:00Z", 1000, 100) with { ContentType = ContentTypes.Reel });
                posts.Add(Post(Channels.Instagram, $"image-{period}-{i}", $"{day}T10:00:00Z", 1000, 20) with { ContentType = ContentTypes.Image });
                posts.Add(Post(Channels.Instagram, $"other-{period}-{i}", $"{day}T10:00:00Z", 1000, 100) with { ContentType = ContentTypes.Other });
            }
        }

        var advice = For(posts, [Channels.Instagram]).Advice;

        Assert.Equal(
            [(ContentDimensions.ContentType, "reel", true, 10), (ContentDimensions.ContentType, "image", false, 10)],
            advice.Select(a => (a.Dimension, a.Key, a.More, a.Posts)));
        Assert.Equal(15.0 / 11, advice[0].Lift, 12);
        Assert.Equal(3.0 / 11, advice[1].Lift, 12);
    }

    [Fact]
    public void Total_ChannelsWithFigures_PostsImpressionsOrEngagements()
    {
        // facebook: posts without figures; pinterest: impressions only (daily sums); x: engagements only; tiktok: nothing.
        // With no month comparable, NotComparedMom lists exactly the channels with figures.
        var totals = new Dictionary<(string, ReportMonth), MetricTotals>
        {
            [(Channels.Facebook, October)] = MetricTotals.Of(
                [Post(Channels.Facebook, "a", "2026-10-01T10:00:00Z", null, null), Post(Channels.Facebook, "b", "2026-10-02T10:00:00Z", null, null)]),
            [(Channels.Pinterest, October)] = Sums(impressions: 500),
            [(Channels.X, October)] = Sums(engagements: 7),
        };

        var total = For([], [Channels.Facebook, Channels.Pinterest, Channels.X, Channels.TikTok], totals, comparable: false).Total;

        Assert.NotNull(total);
        Assert.Equal([Channels.Facebook, Channels.Pinterest, Channels.X], total.NotComparedMom);
        Assert.Equal([Channels.Facebook, Channels.Pinterest, Channels.X], total.NotComparedYoy);
        Assert.Equal((2, 500L, 7L), (total.Current.Posts, total.Current.Impressions!.Value, total.Current.Engagements!.Value));
    }

    [Fact]
    public void Total_NoChannelWithFigures_Null()
    {
        var overview = For([], [Channels.TikTok], new() { [(Channels.TikTok, October)] = new MetricTotals() });

        Assert.Null(overview.Total);
        Assert.Empty(overview.EngagementShares);
    }

    [Fact]
    public void Total_ChangesAgainstLastMonthAndLastYear()
    {
        // October 1,200 impressions; September 1,000 (+20 %); October 2025 800 (+50 %). November and October 2027 are decoys
        // for `AddMonths(-1)` → `AddMonths(1)` and `AddMonths(-12)` → `AddMonths(12)`.
        var totals = new Dictionary<(string, ReportMonth), MetricTotals>
        {
            [(Channels.Instagram, October)] = Sums(impressions: 1200),
            [(Channels.Instagram, ReportMonth.Parse("2026-09"))] = Sums(impressions: 1000),
            [(Channels.Instagram, ReportMonth.Parse("2025-10"))] = Sums(impressions: 800),
            [(Channels.Instagram, ReportMonth.Parse("2026-11"))] = Sums(impressions: 600),
            [(Channels.Instagram, ReportMonth.Parse("2027-10"))] = Sums(impressions: 400),
        };

        var total = For([], [Channels.Instagram], totals).Total!;

        AssertClose(0.2, total.Mom[MetricNames.Impressions]);
        AssertClose(0.5, total.Yoy[MetricNames.Impressions]);
        Assert.Empty(total.NotComparedMom);
    }

    [Fact]
    public void Total_NothingComparable_EveryChangeNull()
    {
        var totals = new Dictionary<(string, ReportMonth), MetricTotals>
        {
            [(Channels.Instagram, October)] = Sums(impressions: 1200),
            [(Channels.Instagram, ReportMonth.Parse("2026-09"))] = Sums(impressions: 1000),
        };

        var total = For([], [Channels.Instagram], totals, comparable: false).Total!;

        Assert.Equal(MetricNames.All, total.Mom.Keys);
        Assert.All(total.Mom.Values, Assert.Null);
    }

    [Fact]
    public void EngagementShares_ChannelsWithEngagements_LargestFirstThenByName()
    {
        // instagram and facebook 30 each (a tie: by name), x 0 engagements (no share of nothing).
        var totals = new Dictionary<(string, ReportMonth), MetricTotals>
        {
            [(Channels.Instagram, October)] = Sums(impressions: 1000, engagements: 30),
            [(Channels.X, October)] = Sums(impressions: 100, engagements: 0),
            [(Channels.Facebook, October)] = Sums(impressions: 1000, engagements: 30),
        };

        var overview = For([], [Channels.Instagram, Channels.X, Channels.Facebook], totals);

        Assert.Equal(
            [(Channels.Facebook, 30L, 0.5), (Channels.Instagram, 30L, 0.5)],
            overview.EngagementShares.Select(s => (s.Channel, s.Engagements, s.Share)));
        // The month's history lists engagements of the channels that had some (x's 0 is not listed).
        Assert.Equal(
            new Dictionary<string, long> { [Channels.Facebook] = 30, [Channels.Instagram] = 30 },
            overview.History[^1].EngagementsByChannel);
    }
}
