using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class MetaDailyReaderTests
{
    [Theory]
    [InlineData("meta/instagram-reach-daily.csv", Channels.Instagram, DailyMetricNames.Reach, "2026-10-01", 22623)]
    [InlineData("meta/facebook-follows-daily.csv", Channels.Facebook, DailyMetricNames.NewFollowers, "2026-09-29", 11)]
    public async Task ReadAsync_Utf16DailyFile_ChannelAndMetricFromMetricName(string fixture, string channel, string metric, string firstDay, double sum)
    {
        var result = await ExportFixtures.ReadAsync(fixture);

        Assert.Equal("meta-daily", result.Format);
        Assert.Equal(3, result.Daily.Count);
        Assert.Empty(result.Rejected);
        Assert.All(result.Daily, d => Assert.Equal((channel, metric, "lumen-coffee", "upload-1"), (d.Channel, d.Metric, d.Brand, d.UploadId)));
        Assert.Equal(DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture), result.Daily[0].Date);
        Assert.Equal(sum, result.Daily.Sum(d => d.Value));
        Assert.Equal([4, 5, 6], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadAsync_NonNumericValue_RejectsThatDayOnly()
    {
        var result = await ExportFixtures.ReadAsync("meta/non-numeric-value.csv");

        Assert.Equal([7928d, 6575d], result.Daily.Select(d => d.Value));
        Assert.Equal(new RejectedRow(5, 2, "Primary: expected a number, found 'n.a.'"), Assert.Single(result.Rejected));
    }

    [Fact]
    public async Task ReadAsync_MetricNameWithoutChannel_ThrowsAtMetricLine()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportFixtures.ReadAsync("meta/metric-name-without-channel.csv"));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("'Views' does not say whether it is Facebook or Instagram", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NoMetricNameLine_ThrowsAtFirstValue()
    {
        var text = "\"Date\",\"Primary\"\n\"2026-10-01T00:00:00\",\"7928\"\n";

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportFixtures.ReadAsync(ExportFixtures.Text(text)));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.StartsWith("expected the metric name line", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Instagram reach", "x.csv", Channels.Instagram, DailyMetricNames.Reach)]
    [InlineData("Facebook follows", "x.csv", Channels.Facebook, DailyMetricNames.NewFollowers)]
    [InlineData("Instagram profile visits", "x.csv", Channels.Instagram, DailyMetricNames.ProfileViews)]
    [InlineData("Views", "Instagram_views.csv", Channels.Instagram, DailyMetricNames.Impressions)]
    [InlineData("Facebook link clicks", "x.csv", Channels.Facebook, DailyMetricNames.Clicks)]
    [InlineData("Instagram Watch time (min)", "x.csv", Channels.Instagram, "watch-time-min")]
    public void ParseMetricName_Names_MapToChannelAndMetric(string name, string fileName, string channel, string metric)
    {
        Assert.Equal((channel, metric), MetaDailyReader.ParseMetricName(name, fileName, null));
    }
}
