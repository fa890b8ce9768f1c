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
    [InlineData("Engagement", DailyMetricNames.Engagements)]
    [InlineData("Engagements", DailyMetricNames.Engagements)]
    [InlineData("Engaged audience", "engaged-audience")]
    [InlineData("Video views", DailyMetricNames.VideoViews)]
    [InlineData("Video starts", DailyMetricNames.VideoViews)]
    [InlineData("Followers", DailyMetricNames.Followers)]
    public void MetricName_Header_MapsToDailyMetric(string header, string expected)
    {
        Assert.Equal(expected, PinterestOverviewReader.MetricName(header));
    }

    private const string Preamble = "Analytics overview\n\"Oct 1, 2026 - Oct 3, 2026\"\nClaimed accounts,All Pins\n\nDate,Impressions\n";

    /// <summary>Each form of a day in the daily block, one per entry of <c>DateFormats</c>: fails when that one is misspelt.</summary>
    [Theory]
    [InlineData("2026-10-01")]
    [InlineData("2026-10-01T00:00:00")]
    [InlineData("2026-10-01 00:00:00")]
    [InlineData("10/1/2026")]
    [InlineData("10/01/2026")]
    [InlineData("\"Oct 1, 2026\"")]
    [InlineData("\"October 1, 2026\"")]
    [InlineData("1 Oct 2026")]
    public async Task ReadAsync_DayInEachForm_ReadAsThatDay(string day)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}{day},12\n"));

        Assert.Equal("pinterest-overview", parsed.Format);
        var daily = Assert.Single(parsed.Daily);
        Assert.Equal((new DateOnly(2026, 10, 1), 12d), (daily.Date, daily.Value));
    }

    /// <summary>
    /// The estimate note keeps the block open, anything else ends it: catches the note's prefix misspelt or its test
    /// inverted (the day after the note lost, or the top-pins rows read as days).
    /// </summary>
    [Fact]
    public async Task ReadAsync_NoteInsideBlockThenTopPins_ReadsDaysUpToTheSectionOnly()
    {
        var text = Preamble + "2026-10-01,12\nData starting from 2026-10-02 is estimated\n2026-10-02,5\n"
            + "Top Pins\n2026-10-03,99\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal([12d, 5d], parsed.Daily.Select(d => d.Value));
        Assert.Empty(parsed.Rejected);
    }

    /// <summary>An empty day is no value and no refusal: catches <c>||</c> → <c>&amp;&amp;</c> and the branch removed.</summary>
    [Fact]
    public async Task ReadAsync_EmptyDay_NoValueAndNoRejection()
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(Preamble + "2026-10-01,\n2026-10-02,7\n"));

        Assert.Empty(parsed.Rejected);
        Assert.Equal(2, parsed.DailyRows.Count);
        Assert.Equal(new DateOnly(2026, 10, 2), Assert.Single(parsed.Daily).Date);
    }

    /// <summary>
    /// A daily block of a rate (a real account exported one file per metric, "engagement-rate" among them) is refused at its
    /// header, naming the counts to export: today's code stored the ratios as a metric "engagement-rate" the report would sum.
    /// </summary>
    [Fact]
    public async Task ReadAsync_RateAsDailyMetric_RefusedAtItsHeaderNamingTheCounts()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportParse.ParseAsync("pinterest", "engagement-rate.csv"));

        Assert.Equal((6, 2), (error.Line, error.Column));
        Assert.StartsWith("the daily block holds 'Engagement rate', a rate the report derives from the counts and does not store: choose the metric Impressions", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>Which headers are rates: catches the suffix test inverted or the name not normalized (spaces, case).</summary>
    [Theory]
    [InlineData("Engagement rate", true)]
    [InlineData("Pin click rate", true)]
    [InlineData("Outbound click RATE", true)]
    [InlineData("Save rate", true)]
    [InlineData("Engagements", false)]
    [InlineData("Outbound clicks", false)]
    [InlineData("Total audience", false)]
    public void IsRate_Header_TellsRatesFromCounts(string header, bool expected)
    {
        Assert.Equal(expected, PinterestOverviewReader.IsRate(header));
    }
}
