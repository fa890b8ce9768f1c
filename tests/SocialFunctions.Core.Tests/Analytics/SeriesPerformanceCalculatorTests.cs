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

    [Fact]
    public void For_BaselineWindowStartsBaselineDaysBeforeTheMonthsEnd_Inclusive()
    {
        // With a 10-day baseline, 31 October's window is 22–31 October: a post on the 22nd counts, one on the 21st does not.
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "s1", "2026-10-06T10:00:00Z", 1000, 10, series: "Tips"),
            Post(Channels.Instagram, "in", "2026-10-22T00:30:00Z", 1000, 50),
            Post(Channels.Instagram, "out", "2026-10-21T23:30:00Z", 1000, 500),
        ], BrandClock.Utc);

        var performance = Assert.Single(SeriesPerformanceCalculator.For(timeline, new ReportMonth(2026, 10), new TrendReportOptions { BaselineDays = 10, TrendWeeks = 2 }));

        Assert.Equal(0.05, performance.BaselineEngagementRate!.Value, 12);
        Assert.Equal((1000L, 10L), (performance.Impressions!.Value, performance.Engagements!.Value));
        Assert.Equal(-0.8, performance.RelativeGap!.Value, 12);
    }

    [Fact]
    public void For_TrendWeeksEndWithTheWeekOfTheMonthsLastDay_WholeWeekCounted()
    {
        // October 2026 ends on a Saturday: its last trend week runs 26 October – 1 November and counts Sunday's post too.
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "a", "2026-10-18T10:00:00Z", 1000, 10, series: "Tips"), // Sunday of the week before the two
            Post(Channels.Instagram, "b", "2026-10-19T10:00:00Z", 1000, 20, series: "Tips"),
            Post(Channels.Instagram, "c", "2026-10-27T10:00:00Z", 1000, 30, series: "Tips"),
            Post(Channels.Instagram, "d", "2026-11-01T10:00:00Z", 1000, 50, series: "Tips"),
            Post(Channels.Instagram, "e", "2026-11-02T10:00:00Z", 1000, 90, series: "Tips"), // the week after
        ], BrandClock.Utc);

        var performance = Assert.Single(SeriesPerformanceCalculator.For(timeline, new ReportMonth(2026, 10), new TrendReportOptions { TrendWeeks = 2 }));

        Assert.Equal(3, performance.Posts); // the month's posts only
        Assert.Equal([new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 26)], performance.Trend.Select(w => w.WeekStart));
        Assert.Equal([(1, (double?)0.02), (2, 0.04)], performance.Trend.Select(w => (w.Posts, w.EngagementRate)));
        Assert.Null(performance.BaselineEngagementRate); // no other post on the channel
        Assert.Null(performance.RelativeGap);
    }

    [Fact]
    public void For_EachSeriesOfEachChannel_InChannelThenNameOrder()
    {
        var timeline = new PostTimeline(
        [
            Post(Channels.X, "x1", "2026-10-06T10:00:00Z", 1000, 10, series: "Tips"),
            Post(Channels.Instagram, "i1", "2026-10-06T10:00:00Z", 1000, 10, series: "Tips"),
            Post(Channels.Instagram, "i2", "2026-10-07T10:00:00Z", 1000, 10, series: "BTS"),
            Post(Channels.Instagram, "i3", "2026-10-08T10:00:00Z", 1000, 10, series: ""),
            Post(Channels.Facebook, "f1", "2026-10-08T10:00:00Z", 1000, 10, series: "Tips"),
        ], BrandClock.Utc);

        var performances = SeriesPerformanceCalculator.For(timeline, new ReportMonth(2026, 10), new TrendReportOptions());

        Assert.Equal(
            [(Channels.Facebook, "Tips"), (Channels.Instagram, "BTS"), (Channels.Instagram, "Tips"), (Channels.X, "Tips")],
            performances.Select(p => (p.Channel, p.Series)));
        Assert.Empty(SeriesPerformanceCalculator.For(timeline, new ReportMonth(2026, 9), new TrendReportOptions()));
    }

    [Fact]
    public void For_SeriesOnAChannelNotKnown_ListedAfterTheKnownChannels()
    {
        // A channel outside the known list sorts after every known one (catches its order `int.MaxValue` → -1).
        var timeline = new PostTimeline(
        [
            Post("mastodon", "m1", "2026-10-06T10:00:00Z", 1000, 20, series: "Weekly"),
            Post(Channels.Reddit, "r1", "2026-10-07T10:00:00Z", 1000, 20, series: "AMA"),
        ], BrandClock.Utc);

        var performance = SeriesPerformanceCalculator.For(timeline, new ReportMonth(2026, 10), new TrendReportOptions());

        Assert.Equal([(Channels.Reddit, "AMA"), ("mastodon", "Weekly")], performance.Select(p => (p.Channel, p.Series)));
    }
}
