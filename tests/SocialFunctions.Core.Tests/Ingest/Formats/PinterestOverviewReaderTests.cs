using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class PinterestOverviewReaderTests
{
    [Theory]
    [InlineData("analytics-overview.csv", DailyMetricNames.Impressions, 2, 3133, 1)]
    [InlineData("outbound-clicks-european-resave.csv", DailyMetricNames.Clicks, 2, 27, 0)]
    public async Task ReadAsync_DailyBlock_YieldsOneRowPerDay(string file, string metric, int days, double sum, int rejected)
    {
        var parsed = await ExportParse.ParseAsync("pinterest", file);

        Assert.Equal("pinterest-overview", parsed.Format);
        Assert.Equal(days, parsed.Daily.Count);
        Assert.All(parsed.Daily, d => Assert.Equal(metric, d.Metric));
        Assert.All(parsed.Daily, d => Assert.Equal(Channels.Pinterest, d.Channel));
        Assert.Equal(sum, parsed.Daily.Sum(d => d.Value));
        Assert.Equal(rejected, parsed.Rejected.Count);
        Assert.Empty(parsed.Posts);
        Assert.Equal(new DateOnly(2026, 10, 1), parsed.Daily[0].Date);
    }

    [Fact]
    public async Task ReadAsync_BadValue_RejectsWithLineAndColumn()
    {
        var parsed = await ExportParse.ParseAsync("pinterest", "analytics-overview.csv");

        Assert.Equal(new RejectedRow(9, 2, "Impressions: expected a number, found 'x12'"), Assert.Single(parsed.Rejected));
        Assert.Equal(8, parsed.Rows.OfType<DailyRow>().Last().Line);
    }

    [Fact]
    public async Task ReadAsync_NoDailyBlock_ThrowsNamingWhatWasExpected()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportParse.ParseAsync("pinterest", "missing-daily-block.csv"));

        Assert.Equal("no daily block was found: expected a header row 'Date,<metric>' after the preamble", error.Reason);
    }

    [Theory]
    [InlineData("Impressions", DailyMetricNames.Impressions)]
    [InlineData("Outbound clicks", DailyMetricNames.Clicks)]
    [InlineData("Pin clicks", "pin-clicks")]
    [InlineData("Total audience", DailyMetricNames.Reach)]
    [InlineData("Saves", DailyMetricNames.Saves)]
    [InlineData("Video 95% watched", "video-95-watched")]
    public void MetricName_Header_MapsToDailyMetric(string header, string expected)
    {
        Assert.Equal(expected, PinterestOverviewReader.MetricName(header));
    }
}
