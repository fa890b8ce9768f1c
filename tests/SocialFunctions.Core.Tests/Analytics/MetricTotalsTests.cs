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
}
