using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>Follower growth from the daily account series: the followers basis first, then new followers − unfollows (metrics.md).</summary>
public sealed class FollowerGrowthCalculatorTests
{
    private static readonly ReportMonth October = new(2026, 10);

    [Fact]
    public void For_Followers_LastValueOfTheMonthMinusLastValueOfTheMonthBefore()
    {
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-08-31", 500),  // before the month before: ignored
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-01", 900),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-29", 1000), // last value of September
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-01", 1010),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-30", 1120), // last value of October (none on the 31st)
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-11-01", 5000), // after the period: ignored
        ]);

        Assert.Equal(new FollowerGrowth(120, FollowerGrowthCalculator.FollowersBasis), calculator.For(Channels.Instagram, October));
    }

    [Fact]
    public void For_FollowersOnTheMonthsFirstAndLastDays_Counted()
    {
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-30", 1000),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-31", 1075),
        ]);

        Assert.Equal(new FollowerGrowth(75, "followers"), calculator.For(Channels.Instagram, October));
    }

    [Fact]
    public void For_SeveralMonths_FromTheMonthBeforeTheFirstToTheLast()
    {
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-07-31", 800),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-08-31", 900),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-30", 1000),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-31", 1100),
        ]);

        Assert.Equal(200, calculator.For(Channels.Instagram, new ReportMonth(2026, 9), October).Value);
        Assert.Equal(300, calculator.For(Channels.Instagram, new ReportMonth(2026, 8), October).Value);
    }

    [Fact]
    public void For_NoFollowersValueInTheMonthBefore_NetFollowsInstead()
    {
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.X, DailyMetricNames.Followers, "2026-10-31", 1100),
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-09-30", 1000), // the day before: not in October
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-01", 10),    // first day
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-31", 7),     // last day
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-11-01", 1000), // the day after
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-10-15", 4),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-11-01", 1000),
        ]);

        Assert.Equal(new FollowerGrowth(13, FollowerGrowthCalculator.NetFollowsBasis), calculator.For(Channels.X, October));
    }

    [Fact]
    public void For_NewFollowersWithoutUnfollowsInThePeriod_NoGrowth()
    {
        // New followers alone are a gross figure, not growth: null (not exported), never the gross number.
        var onlyGained = new FollowerGrowthCalculator([Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-05", 10)]);
        var lostOutside = new FollowerGrowthCalculator(
        [
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-05", 10),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-09-05", 3),
        ]);
        var gainedOutside = new FollowerGrowthCalculator(
        [
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-09-05", 10),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-10-05", 3),
        ]);

        Assert.Equal(new FollowerGrowth(null, null), onlyGained.For(Channels.X, October));
        Assert.Equal(new FollowerGrowth(null, null), lostOutside.For(Channels.X, October));
        Assert.Equal(new FollowerGrowth(null, null), gainedOutside.For(Channels.X, October));
    }

    [Fact]
    public void For_OtherChannelsMetricsAndNonFiniteValues_Ignored()
    {
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-30", 1000),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-31", 1050),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-31", double.NaN), // a later NaN does not replace it
            Daily(Channels.Instagram, DailyMetricNames.Reach, "2026-10-31", 99_999),
            Daily(Channels.Facebook, DailyMetricNames.Reach, "2026-10-31", 99_999),
        ]);

        Assert.Equal(50, calculator.For(Channels.Instagram, October).Value);
        Assert.Equal(new FollowerGrowth(null, null), calculator.For(Channels.Facebook, October));
        Assert.Equal([Channels.Instagram], calculator.Channels);
    }

    [Fact]
    public void Channels_EachChannelWithAFollowerSeriesOnce()
    {
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-05", 10),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-10-05", 3),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-05", 3),
        ]);

        Assert.Equal([Channels.Instagram, Channels.X], calculator.Channels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void For_OnlyValueOfTheMonthBeforeOnItsFirstDay_IsTheStart()
    {
        // September's only followers value is on the 1st: it is September's last value (catches `date >= FirstDay` → `>`).
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-01", 1000),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-20", 1040),
        ]);

        Assert.Equal(new FollowerGrowth(40, FollowerGrowthCalculator.FollowersBasis), calculator.For(Channels.Instagram, October));
    }

    [Fact]
    public void For_NetFollows_EveryUnfollowOfTheMonthSummed_LastDayIncluded()
    {
        // 20 new followers − (3 on the 1st + 5 on the 31st) = 12. Catches the unfollows' `<= to` → `< to` (17) and
        // their Sum → Max (15).
        var calculator = new FollowerGrowthCalculator(
        [
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-05", 20),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-10-01", 3),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-10-31", 5),
        ]);

        Assert.Equal(new FollowerGrowth(12, FollowerGrowthCalculator.NetFollowsBasis), calculator.For(Channels.X, October));
    }
}
