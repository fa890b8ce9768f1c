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

    /// <summary>Insights files as Meta writes them: UTF-16 with a TAB "sep=", two blocks naming the channel mid-name
    /// under older "Date,&lt;metric&gt;" headers, and a European re-save with semicolons and a trailing ';' on the title.</summary>
    [Theory]
    [InlineData("meta/Reach.csv", "facebook/reach", 2, 710)]
    [InlineData("meta/New likes and follows.csv", "facebook/new-followers instagram/new-followers", 5, 23)]
    [InlineData("meta/Follows-resaved.csv", "facebook/new-followers", 3, 9)]
    public async Task ReadAsync_InsightsVintages_OneRowPerDayWithChannelFromTheName(string fixture, string series, int days, double sum)
    {
        var result = await ExportFixtures.ReadAsync(fixture);

        Assert.Equal("meta-daily", result.Format);
        Assert.Equal(days, result.DailyRows.Count);
        Assert.Empty(result.Rejected);
        Assert.Equal(series, string.Join(' ', result.Daily.Select(d => $"{d.Channel}/{d.Metric}").Distinct()));
        Assert.Equal(sum, result.Daily.Sum(d => d.Value));
        Assert.Equal(new DateOnly(2026, 10, 1), result.Daily[0].Date);
    }

    [Fact]
    public async Task ReadAsync_BareMetricName_RefusedUnlessTheUploadNamesTheChannel()
    {
        var refused = await Assert.ThrowsAsync<ExportFormatException>(() => ExportFixtures.ReadAsync("meta/Views.csv"));
        Assert.Contains("?channel=facebook or ?channel=instagram", refused.Reason, StringComparison.Ordinal);

        var result = await ExportFixtures.ReadAsync(ExportFixtures.File("meta/Views.csv"), hints: new Core.Ingest.Pipeline.UploadHints(Channel: Channels.Instagram));

        // Four days, one with an empty value: a day with nothing to store, never a 0.
        Assert.Equal(4, result.DailyRows.Count);
        Assert.Equal([120d, 95d, 143d], result.Daily.Select(d => d.Value));
        Assert.All(result.Daily, d => Assert.Equal((Channels.Instagram, DailyMetricNames.Impressions), (d.Channel, d.Metric)));
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

    [Theory]
    [InlineData("New Instagram followers", Channels.Instagram, DailyMetricNames.NewFollowers)]
    [InlineData("Facebook Page new likes", Channels.Facebook, DailyMetricNames.NewFollowers)]
    [InlineData("Facebook Page visits", Channels.Facebook, DailyMetricNames.ProfileViews)]
    [InlineData("Viewers", Channels.Facebook, DailyMetricNames.Reach)]
    public void ParseMetricName_ChannelInsideOrHinted_MapsToChannelAndMetric(string name, string channel, string metric)
    {
        Assert.Equal((channel, metric), MetaDailyReader.ParseMetricName(name, "x.csv", Channels.Facebook));
    }

    /// <summary>Each form of <c>Date</c>, one per entry of <c>DateFormats</c>: fails when that one is misspelt.</summary>
    [Theory]
    [InlineData("2026-10-01T01:00:00")]
    [InlineData("2026-10-01")]
    [InlineData("2026-10-01 01:00:00")]
    [InlineData("10/01/2026")]
    public async Task ReadAsync_DateInEachForm_ReadAsThatDay(string date)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"Instagram reach\n\"Date\",\"Primary\"\n{date},12\n"));

        Assert.Equal("meta-daily", parsed.Format);
        Assert.Empty(parsed.Rejected);
        var daily = Assert.Single(parsed.Daily);
        Assert.Equal((new DateOnly(2026, 10, 1), 12d), (daily.Date, daily.Value));
    }

    /// <summary>
    /// Every metric name Meta writes, bare (the channel then from the file name): each case fails when its name is misspelt
    /// in the table or the file name's "facebook" is no longer read.
    /// </summary>
    [Theory]
    [InlineData("Reach", DailyMetricNames.Reach)]
    [InlineData("Viewers", DailyMetricNames.Reach)]
    [InlineData("Views", DailyMetricNames.Impressions)]
    [InlineData("Impressions", DailyMetricNames.Impressions)]
    [InlineData("Follows", DailyMetricNames.NewFollowers)]
    [InlineData("New follows", DailyMetricNames.NewFollowers)]
    [InlineData("New followers", DailyMetricNames.NewFollowers)]
    [InlineData("Page likes", DailyMetricNames.NewFollowers)]
    [InlineData("New likes", DailyMetricNames.NewFollowers)]
    [InlineData("Followers", DailyMetricNames.Followers)]
    [InlineData("Total followers", DailyMetricNames.Followers)]
    [InlineData("Follower count", DailyMetricNames.Followers)]
    [InlineData("Unfollows", DailyMetricNames.Unfollows)]
    [InlineData("Visits", DailyMetricNames.ProfileViews)]
    [InlineData("Profile visits", DailyMetricNames.ProfileViews)]
    [InlineData("Page visits", DailyMetricNames.ProfileViews)]
    [InlineData("Interactions", DailyMetricNames.Engagements)]
    [InlineData("Content interactions", DailyMetricNames.Engagements)]
    [InlineData("Engagements", DailyMetricNames.Engagements)]
    [InlineData("Link clicks", DailyMetricNames.Clicks)]
    [InlineData("Clicks", DailyMetricNames.Clicks)]
    [InlineData("Video views", DailyMetricNames.VideoViews)]
    [InlineData("Plays", DailyMetricNames.VideoViews)]
    public void ParseMetricName_EveryBareName_MapsToItsMetric(string name, string metric)
    {
        Assert.Equal((Channels.Facebook, metric), MetaDailyReader.ParseMetricName(name, "page-facebook-2026.csv", null));
    }

    /// <summary>
    /// A day that is not a date, or has none, is refused with what was expected; neither is taken for a new metric name
    /// (catches the refusal's text emptied and the title test's loop or empty-cell answer changed).
    /// </summary>
    [Fact]
    public async Task ReadAsync_DayNotADateOrEmpty_RejectedNotTakenForAMetricName()
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text("Instagram reach\n\"Date\",\"Primary\"\n2026-10-01,12\nyesterday,5\n,7\n2026-10-02,3\n"));

        Assert.Equal([new RejectedRow(4, 1, "Date: expected a date like 2026-10-01T00:00:00, found 'yesterday'"), new RejectedRow(5, 1, "Date: expected a date like 2026-10-01T00:00:00, found ''")], parsed.Rejected);
        Assert.All(parsed.Daily, d => Assert.Equal((Channels.Instagram, DailyMetricNames.Reach), (d.Channel, d.Metric)));
        Assert.Equal([12d, 3d], parsed.Daily.Select(d => d.Value));
    }

    /// <summary>
    /// A file of the metric line and header only (a period with no days), and a re-saved header alone, are still Meta daily
    /// files with no rows, not unknown formats: catches the record counts of the detection raised by one.
    /// </summary>
    [Theory]
    [InlineData("Instagram reach\n\"Date\",\"Primary\"\n")]
    [InlineData("\"Date\";\"Primary\"\n")]
    public async Task Detect_NoDays_MetaDailyWithNoRows(string text)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal("meta-daily", parsed.Format);
        Assert.Empty(parsed.Rows);
    }
}
