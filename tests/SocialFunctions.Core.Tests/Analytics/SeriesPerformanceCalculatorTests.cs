using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class SeriesPerformanceCalculatorTests
{
    [Fact]
    public void For_Series_BaselineIsChannelsOtherPostsOverTrailing90Days()
    {
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "s1", "2026-10-06T10:00:00Z", 1000, 20, series: "Tip Tuesday"),
            Post(Channels.Instagram, "s2", "2026-10-13T10:00:00Z", 1000, 40, series: "Tip Tuesday"),
            Post(Channels.Instagram, "o1", "2026-10-07T10:00:00Z", 2000, 100),
            Post(Channels.Instagram, "o2", "2026-08-10T10:00:00Z", 1000, 60),                    // within 90 days of 31 Oct (from 3 Aug)
            Post(Channels.Instagram, "o3", "2026-07-20T10:00:00Z", 5000, 500),                   // before the window
            Post(Channels.Instagram, "b1", "2026-09-01T10:00:00Z", 1000, 40, series: "BTS"),     // another series counts in the baseline
            Post(Channels.Facebook, "f1", "2026-10-08T10:00:00Z", 1000, 500),                    // another channel does not
        ], BrandClock.Utc);

        var performance = Assert.Single(SeriesPerformanceCalculator.For(timeline, new ReportMonth(2026, 10), new TrendReportOptions()));

        Assert.Equal(("Tip Tuesday", "instagram", 2), (performance.Series, performance.Channel, performance.Posts));
        Assert.Equal(60.0 / 2000, performance.EngagementRate!.Value, 12);
        Assert.Equal(200.0 / 4000, performance.BaselineEngagementRate!.Value, 12);
        Assert.Equal(-0.4, performance.RelativeGap!.Value, 12);
        Assert.Equal(8, performance.Trend.Count);
        Assert.Equal(new DateOnly(2026, 9, 7), performance.Trend[0].WeekStart);
        Assert.Equal(new DateOnly(2026, 10, 26), performance.Trend[7].WeekStart);
        Assert.Equal(
            [(0, (double?)null), (0, null), (0, null), (0, null), (1, 0.02), (1, 0.04), (0, null), (0, null)],
            performance.Trend.Select(w => (w.Posts, w.EngagementRate)).ToArray());
    }
}
