using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class MetricTotalsTests
{
    [Fact]
    public void EngagementRate_OnlyPostsWithBoth_SumsNotAverages()
    {
        var totals = MetricTotals.Of(
        [
            Post(Channels.Instagram, "a", "2026-10-01T00:00:00Z", 100, 10),   // 0.10
            Post(Channels.Instagram, "b", "2026-10-01T00:00:00Z", 900, 9),     // 0.01
            Post(Channels.Instagram, "c", "2026-10-01T00:00:00Z", 500, null),  // impressions only: not in the rate
            Post(Channels.Instagram, "d", "2026-10-01T00:00:00Z", null, 50),   // engagements only: not in the rate
        ]);

        Assert.Equal(19.0 / 1000, totals.EngagementRate!.Value, 12);
        Assert.Equal(1500, totals.Impressions);
        Assert.Equal(69, totals.Engagements);
        Assert.Equal(4, totals.Posts);
    }

    [Fact]
    public void Metrics_NoPostProvidesThem_NullNotZero()
    {
        var metrics = MetricTotals.Of([Post(Channels.TikTok, "a", "2026-10-01T00:00:00Z", null, null)]).ToMetrics(null);

        Assert.Equal(1, metrics.Posts);
        Assert.Null(metrics.Impressions);
        Assert.Null(metrics.Engagements);
        Assert.Null(metrics.EngagementRate);
        Assert.Null(metrics.Ctr);
    }

    [Fact]
    public void Change_PreviousZeroOrMissing_Null()
    {
        Assert.Null(MetricNames.Change(10, 0));
        Assert.Null(MetricNames.Change(10, null));
        Assert.Null(MetricNames.Change(null, 10));
        Assert.Equal(-0.25, MetricNames.Change(75, 100));
    }

    [Fact]
    public void RateBasis_NoPostWithBoth_Null_ElseTheSums()
    {
        // Catches `_hasRate ? … : null` → always the sums ((0, 0) for nothing).
        Assert.Null(MetricTotals.Of([Post(Channels.X, "a", "2026-10-01T00:00:00Z", 100, null)]).RateBasis);
        Assert.Equal((30L, 600L), MetricTotals.Of(
        [
            Post(Channels.X, "a", "2026-10-01T00:00:00Z", 100, 10),
            Post(Channels.X, "b", "2026-10-01T00:00:00Z", 500, 20),
        ]).RateBasis);
    }

    [Fact]
    public void Rates_ZeroImpressions_NullNotInfinity()
    {
        // Engagements and clicks over 0 impressions: catches `_hasRate && _rateImpressions > 0` → `||` or `>= 0` (and the same in Ctr).
        var totals = MetricTotals.Of([Post(Channels.X, "a", "2026-10-01T00:00:00Z", 0, 5, clicks: 3)]);

        Assert.Null(totals.EngagementRate);
        Assert.Null(totals.Ctr);
        Assert.Equal((8L, 3L), (totals.Engagements!.Value, totals.Clicks!.Value)); // clicks are engagements too
    }

    [Fact]
    public void WatchTime_SummedOverPosts()
    {
        // 60 s + 90 s: catches `(WatchTimeSeconds ?? 0) + watch` → `0 + watch` (the last post's only).
        var totals = MetricTotals.Of(
        [
            Post(Channels.YouTube, "a", "2026-10-01T00:00:00Z", 100, 1) with { WatchTimeSeconds = 60 },
            Post(Channels.YouTube, "b", "2026-10-01T00:00:00Z", 100, 1),
            Post(Channels.YouTube, "c", "2026-10-01T00:00:00Z", 100, 1) with { WatchTimeSeconds = 90 },
        ]);

        Assert.Equal(150.0, totals.WatchTimeSeconds);
    }

    [Fact]
    public void AddSums_CountsAndRates_NoPost()
    {
        // A daily-only month: 50 engagements and 10 clicks over 1,000 impressions. Catches `_hasRate = true` / `_hasCtr = true` → false.
        var totals = new MetricTotals();
        totals.AddSums(impressions: 1000, reach: 800, engagements: 50, saves: null, shares: 4, clicks: 10, videoViews: null);

        Assert.Equal((0, 1000L, 800L, 50L, 4L, 10L), (totals.Posts, totals.Impressions!.Value, totals.Reach!.Value, totals.Engagements!.Value, totals.Shares!.Value, totals.Clicks!.Value));
        Assert.Equal(0.05, totals.EngagementRate!.Value, 12);
        Assert.Equal(0.01, totals.Ctr!.Value, 12);
    }

    [Fact]
    public void Add_OtherTotals_SumsCountsRatesAndWatchTime()
    {
        // Two channels' totals combined: ER (10 + 5 + 20 + 15) / 1,000 (clicks are engagements) and CTR (5 + 15) / (200 + 800);
        // watch time 40 + 20 s.
        // Catches `if (other._hasCtr)` negated or `_hasCtr = false`, `+=` → `-=` on the CTR sums, and `(WatchTimeSeconds ?? 0)` → `0`.
        var first = MetricTotals.Of([Post(Channels.X, "a", "2026-10-01T00:00:00Z", 200, 10, clicks: 5) with { WatchTimeSeconds = 40 }]);
        var second = MetricTotals.Of([Post(Channels.LinkedIn, "b", "2026-10-01T00:00:00Z", 800, 20, clicks: 15) with { WatchTimeSeconds = 20 }]);

        var merged = new MetricTotals();
        merged.Add(first);
        merged.Add(second);

        Assert.Equal((2, 1000L, 50L, 20L), (merged.Posts, merged.Impressions!.Value, merged.Engagements!.Value, merged.Clicks!.Value));
        Assert.Equal(0.05, merged.EngagementRate!.Value, 12);
        Assert.Equal(0.02, merged.Ctr!.Value, 12);
        Assert.Equal(60.0, merged.WatchTimeSeconds);
    }

    [Fact]
    public void Add_OtherWithoutClicks_KeepsCtrOfTheFirst()
    {
        // The second set has no post with clicks: its impressions must not dilute the CTR (catches `if (other._hasCtr)` → `if (!other._hasCtr)`).
        var merged = new MetricTotals();
        merged.Add(MetricTotals.Of([Post(Channels.X, "a", "2026-10-01T00:00:00Z", 200, 10, clicks: 5)]));
        merged.Add(MetricTotals.Of([Post(Channels.X, "b", "2026-10-01T00:00:00Z", 800, 20)]));

        Assert.Equal(5.0 / 200, merged.Ctr!.Value, 12);
    }

    [Fact]
    public void ValueOf_UnknownMetric_RefusedNamingIt()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => MetricNames.ValueOf(new MetricTotals().ToMetrics(null), "likes"));

        Assert.Equal("likes", refused.ActualValue);
        Assert.StartsWith("Unknown metric.", refused.Message, StringComparison.Ordinal);
    }
}
