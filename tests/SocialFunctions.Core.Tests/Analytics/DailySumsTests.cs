using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>A daily-only channel's figures (Pinterest's overview): sums of the period's days, reach never summed, missing stays null.</summary>
public sealed class DailySumsTests
{
    private static readonly ReportMonth October = new(2026, 10);

    [Fact]
    public void Of_SumsTheDaysOfThePeriodInclusive()
    {
        var sums = new DailySums(
        [
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-09-30", 1_000_000), // the day before
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-01", 100),       // first day
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-15", 50.4),
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-31", 200),       // last day
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-11-01", 1_000_000), // the day after
            Daily(Channels.Pinterest, DailyMetricNames.Reach, "2026-10-01", 80),
            Daily(Channels.Pinterest, DailyMetricNames.VideoViews, "2026-10-02", 7),
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-20", double.NaN),   // unreadable: skipped
        ]);

        var totals = sums.Of(Channels.Pinterest, October, October);

        Assert.Equal(350, totals.Impressions); // 350.4 rounded
        Assert.Null(totals.Reach);             // a day's audience overlaps the next day's
        Assert.Equal(7, totals.VideoViews);
        Assert.Null(totals.Engagements);
        Assert.Equal(0, totals.Posts);
        Assert.True(sums.Has(Channels.Pinterest, October, October));
        Assert.False(sums.Has(Channels.Pinterest, new ReportMonth(2026, 8), new ReportMonth(2026, 8)));
        Assert.Equal(1_000_350, sums.Of(Channels.Pinterest, new ReportMonth(2026, 9), October).Impressions);
    }

    [Fact]
    public void Of_EngagementsFromTheDailyTotal_ElseTheSumOfItsComponents()
    {
        var components = new DailySums(
        [
            Daily(Channels.Pinterest, DailyMetricNames.Reactions, "2026-10-03", 4),
            Daily(Channels.Pinterest, DailyMetricNames.Comments, "2026-10-03", 1),
            Daily(Channels.Pinterest, DailyMetricNames.Shares, "2026-10-03", 2),
            Daily(Channels.Pinterest, DailyMetricNames.Saves, "2026-10-04", 10),
            Daily(Channels.Pinterest, DailyMetricNames.Clicks, "2026-10-05", 20),
        ]);
        var total = new DailySums(
        [
            Daily(Channels.Pinterest, DailyMetricNames.Engagements, "2026-10-03", 99),
            Daily(Channels.Pinterest, DailyMetricNames.Saves, "2026-10-04", 10),
        ]);

        var fromComponents = components.Of(Channels.Pinterest, October, October);
        Assert.Equal(37, fromComponents.Engagements);
        Assert.Equal((10L, 2L, 20L), (fromComponents.Saves!.Value, fromComponents.Shares!.Value, fromComponents.Clicks!.Value));
        Assert.True(components.Has(Channels.Pinterest, October, October)); // engagements alone are enough

        Assert.Equal(99, total.Of(Channels.Pinterest, October, October).Engagements);
    }

    [Fact]
    public void Of_ChannelWithoutSeries_AllNull()
    {
        var sums = new DailySums([Daily(Channels.Pinterest, DailyMetricNames.Reach, "2026-10-03", 4)]);

        var totals = sums.Of(Channels.Facebook, October, October);

        Assert.Equal((null, null, null, null), (totals.Impressions, totals.Engagements, totals.Saves, totals.VideoViews));
        Assert.False(sums.Has(Channels.Facebook, October, October));
        Assert.False(sums.Has(Channels.Pinterest, October, October)); // reach alone is not a figure of the channel
        Assert.Equal([Channels.Pinterest], sums.Channels);
    }
}
