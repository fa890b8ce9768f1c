using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XPremiumOverviewReaderTests
{
    [Fact]
    public async Task ReadAsync_OverviewExport_OneDailyValuePerMetricAndDay()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-overview.csv");

        Assert.Equal("x-premium-overview", result.Format);
        Assert.Equal(24, result.Daily.Count);
        Assert.All(result.Daily, d => Assert.Equal(Channels.X, d.Channel));

        var day = result.Daily.Where(d => d.Date == new DateOnly(2026, 10, 26)).ToDictionary(d => d.Metric, d => d.Value);
        Assert.Equal(2100, day[DailyMetricNames.Impressions]);
        Assert.Equal(51, day[DailyMetricNames.Reactions]);
        Assert.Equal(7, day[DailyMetricNames.Shares]);
        Assert.Equal(3, day[DailyMetricNames.NewFollowers]);
        Assert.Equal(1, day[DailyMetricNames.Unfollows]);
        Assert.Equal(14, day[DailyMetricNames.ProfileViews]);
        Assert.Equal(80, day["media-views"]);

        Assert.Equal(9, result.Daily.Single(d => d.Date == new DateOnly(2026, 10, 27) && d.Metric == DailyMetricNames.Shares).Value);
        Assert.Equal(5500, result.Daily.Where(d => d.Metric == DailyMetricNames.Impressions).Sum(d => d.Value));
    }

    [Fact]
    public async Task ReadAsync_OtherColumnOrder_SameValues()
    {
        var text = "Impressions,Date,New follows,Likes\n700,\"Mon, Oct 26, 2026\",2,9\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(
            [(DailyMetricNames.Impressions, 700d), (DailyMetricNames.NewFollowers, 2d), (DailyMetricNames.Reactions, 9d)],
            result.Daily.Select(d => (d.Metric, d.Value)).OrderBy(m => m.Metric == DailyMetricNames.Impressions ? 0 : m.Metric == DailyMetricNames.NewFollowers ? 1 : 2));
    }

    [Fact]
    public async Task ReadAsync_BothDateFormsAndShareVintage_OneRowPerDay()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-overview-2025.csv");

        Assert.Equal([new DateOnly(2025, 2, 17), new DateOnly(2026, 8, 15)], result.DailyRows.Select(r => r.Values[0].Date));
        Assert.Equal(6, result.Daily.Single(d => d.Date.Year == 2025 && d.Metric == DailyMetricNames.Shares).Value);
    }
}
