using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XDailyActivityReaderTests
{
    private const string Fixture = "x/daily_tweet_activity_metrics_lumencoffee_20261001_20261006_en.csv";

    /// <summary>
    /// The invented "By day" export (samples/generate/ingest/fixtures.mjs): every stored column of day 1 (each holds a
    /// different number, so a column mapped to another metric fails), the sums of the five days, and day 3's organic
    /// figures kept apart from its larger promoted ones (catches a promoted column read instead of, or added to, the organic).
    /// </summary>
    [Fact]
    public async Task ReadAsync_ByDayExport_StoresTheOrganicColumnsOfEachDay()
    {
        var result = await ExportFixtures.ReadAsync(Fixture);

        Assert.Equal("x-daily-activity", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(
            [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 4), new DateOnly(2026, 10, 5)],
            result.DailyRows.Select(r => r.Values[0].Date));
        Assert.Equal([2, 3, 4, 5, 6], result.DailyRows.Select(r => r.Line));
        Assert.All(result.Daily, d => Assert.Equal(Channels.X, d.Channel));

        var first = result.Daily.Where(d => d.Date == new DateOnly(2026, 10, 1)).ToDictionary(d => d.Metric, d => d.Value);
        Assert.Equal(
            new Dictionary<string, double>
            {
                [DailyMetricNames.PostsCreated] = 3,
                [DailyMetricNames.Impressions] = 2140,
                [DailyMetricNames.Engagements] = 96,
                [DailyMetricNames.Shares] = 4,
                [DailyMetricNames.Comments] = 2,
                [DailyMetricNames.Reactions] = 31,
                [DailyMetricNames.Clicks] = 12,
                [DailyMetricNames.VideoViews] = 57,
                [XDailyActivityReader.FollowsFromPosts] = 1,
            },
            first);

        double Sum(string metric) => result.Daily.Where(d => d.Metric == metric).Sum(d => d.Value);
        Assert.Equal((9d, 9560d, 372d), (Sum(DailyMetricNames.PostsCreated), Sum(DailyMetricNames.Impressions), Sum(DailyMetricNames.Engagements)));

        var promotedDay = result.Daily.Where(d => d.Date == new DateOnly(2026, 10, 3)).ToDictionary(d => d.Metric, d => d.Value);
        Assert.Equal((3905d, 188d, 70d, 35d), (promotedDay[DailyMetricNames.Impressions], promotedDay[DailyMetricNames.Engagements], promotedDay[DailyMetricNames.Reactions], promotedDay[DailyMetricNames.Clicks]));
    }

    /// <summary>Catches the warning about promoted figures lost, sent for days whose promoted cells are all "-", or its days miscounted.</summary>
    [Fact]
    public async Task ReadAsync_PromotedFigures_NamedInOneWarning()
    {
        var result = await ExportFixtures.ReadAsync(Fixture);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("1 day(s) between 2026-10-03 and 2026-10-03 have promoted figures", warning, StringComparison.Ordinal);
        Assert.Contains("only the organic columns were stored", warning, StringComparison.Ordinal);
    }

    /// <summary>Promoted days out of order in the file: the warning counts them and spans the first to the last (catches the range's ends swapped or taken from the file's order).</summary>
    [Fact]
    public async Task ReadAsync_SeveralPromotedDays_WarningSpansThem()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(
            "\"Date\",\"Tweets published\",\"impressions\",\"promoted impressions\"\n" +
            "\"2026-10-05\",\"1\",\"500\",\"90\"\n\"2026-10-02\",\"1\",\"400\",\"80\"\n\"2026-10-03\",\"1\",\"300\",\"-\"\n\"2026-10-04\",\"1\",\"200\",\"70\"\n"));

        Assert.Contains("3 day(s) between 2026-10-02 and 2026-10-05 have promoted figures", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    /// <summary>No warning when every promoted cell is "-" or empty: catches a placeholder taken for a promoted figure.</summary>
    [Fact]
    public async Task ReadAsync_PromotedCellsDashOrEmpty_NoWarning()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(
            "\"Date\",\"Tweets published\",\"impressions\",\"promoted impressions\",\"promoted engagements\"\n\"2026-10-01\",\"1\",\"500\",\"-\",\"\"\n"));

        Assert.Equal(500, result.Daily.Single(d => d.Metric == DailyMetricNames.Impressions).Value);
        Assert.Empty(result.Warnings);
    }

    /// <summary>
    /// Every column the reader stores, one per case, beside the two detection needs: its value must become that day's value
    /// of its metric. Catches a column name misspelt or dropped (its values vanish) and one mapped to the wrong metric
    /// (follows must not become the account's new followers). Written out here, not taken from the reader.
    /// </summary>
    [Theory]
    [InlineData("engagements", DailyMetricNames.Engagements)]
    [InlineData("retweets", DailyMetricNames.Shares)]
    [InlineData("replies", DailyMetricNames.Comments)]
    [InlineData("likes", DailyMetricNames.Reactions)]
    [InlineData("favorites", DailyMetricNames.Reactions)]
    [InlineData("url clicks", DailyMetricNames.Clicks)]
    [InlineData("media views", DailyMetricNames.VideoViews)]
    [InlineData("follows", "follows-from-posts")]
    public async Task ReadAsync_EachStoredColumn_BecomesItsDailyMetric(string column, string metric)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text($"\"Date\",\"Tweets published\",\"impressions\",\"{column}\"\n\"2026-10-01\",\"2\",\"700\",\"41\"\n"));

        Assert.Equal("x-daily-activity", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(
            new Dictionary<string, double> { [DailyMetricNames.PostsCreated] = 2, [DailyMetricNames.Impressions] = 700, [metric] = 41 },
            result.Daily.ToDictionary(d => d.Metric, d => d.Value));
        Assert.All(result.Daily, d => Assert.Equal(new DateOnly(2026, 10, 1), d.Date));
    }

    /// <summary>
    /// Columns that are derived (engagement rate) or parts of engagements without a daily metric of their own are not
    /// stored: catches the filter of stored columns widened (a rate summed as if it were a count).
    /// </summary>
    [Fact]
    public async Task ReadAsync_RateAndEngagementParts_NotStored()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(
            "\"Date\",\"Tweets published\",\"impressions\",\"engagement rate\",\"user profile clicks\",\"detail expands\",\"hashtag clicks\"\n\"2026-10-01\",\"2\",\"700\",\"0.04\",\"9\",\"8\",\"7\"\n"));

        Assert.Equal([DailyMetricNames.Impressions, DailyMetricNames.PostsCreated], result.Daily.Select(d => d.Metric).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// "-" (never seen in an organic column of a real file) or an empty cell is no value, not 0: the day keeps its other
    /// metrics. Catches the placeholder read as 0 or the day rejected for it.
    /// </summary>
    [Theory]
    [InlineData("-")]
    [InlineData("")]
    public async Task ReadAsync_DashOrEmptyOrganicCell_MetricMissingDayKept(string cell)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text($"\"Date\",\"Tweets published\",\"impressions\",\"likes\"\n\"2026-10-01\",\"2\",\"{cell}\",\"6\"\n"));

        Assert.Empty(result.Rejected);
        var row = Assert.Single(result.DailyRows);
        Assert.Equal([(DailyMetricNames.PostsCreated, 2d), (DailyMetricNames.Reactions, 6d)], row.Values.Select(v => (v.Metric, v.Value)));
    }

    /// <summary>Catches a day with an unreadable count stored without it (a partial day) instead of rejected with line, column and what was expected.</summary>
    [Fact]
    public async Task ReadAsync_UnreadableCount_RejectsTheWholeDay()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(
            "\"Date\",\"Tweets published\",\"impressions\",\"likes\"\n\"2026-10-01\",\"2\",\"700\",\"3O\"\n\"2026-10-02\",\"1\",\"650\",\"4\"\n"));

        Assert.Equal(new RejectedRow(2, 4, "likes: expected a number, found '3O'"), Assert.Single(result.Rejected));
        var kept = Assert.Single(result.DailyRows);
        Assert.All(kept.Values, v => Assert.Equal(new DateOnly(2026, 10, 2), v.Date));
    }

    /// <summary>
    /// X writes ISO days; another form (a spreadsheet's re-save, <c>01/10/2026</c>, which could be either January 10 or
    /// October 1) is refused with what was expected, never guessed. Catches the rejection, its column or message lost.
    /// </summary>
    [Theory]
    [InlineData("01/10/2026")]
    [InlineData("2026-10-32")]
    [InlineData("")]
    public async Task ReadAsync_DateNotIso_RejectsRowNamingColumn(string date)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(
            $"\"Date\",\"Tweets published\",\"impressions\"\n\"{date}\",\"2\",\"700\"\n\"2026-10-02\",\"1\",\"650\"\n"));

        Assert.Equal(new RejectedRow(2, 1, $"Date: expected a date like 2021-01-31, found '{date}'"), Assert.Single(result.Rejected));
        Assert.Equal(650, result.Daily.Single(d => d.Metric == DailyMetricNames.Impressions).Value);
    }

    /// <summary>
    /// Recognised only with Date first, Tweets published and impressions: catches each condition dropped, and a name
    /// misspelt. The per-tweet export's header (Tweet id, time) and X Premium's overview (no Tweets published) are not it.
    /// </summary>
    [Theory]
    [InlineData("Date,Tweets published,impressions,engagements", 0.95)]
    [InlineData("DATE,tweets published,Impressions", 0.95)]
    [InlineData("Tweets published,Date,impressions", 0)]
    [InlineData("Date,impressions,engagements", 0)]
    [InlineData("Date,Tweets published,engagements", 0)]
    [InlineData("Tweet id,Tweet permalink,Tweet text,time,impressions,engagements", 0)]
    [InlineData("Date,Impressions,Likes,Engagements,New follows,Create Post", 0)]
    public async Task Match_NeedsDateFirstTweetsPublishedAndImpressions(string header, double score)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(header + "\n2026-10-01,2,700,40\n"), TestContext.Current.CancellationToken);

        Assert.Equal(score, new XDailyActivityReader().Match(probe));
    }

    /// <summary>
    /// Among all readers, the by-day file is this format and the per-tweet file stays X tweet activity: catches either
    /// reader claiming the other's file, or another format outscoring it.
    /// </summary>
    [Theory]
    [InlineData(Fixture, "x-daily-activity")]
    [InlineData("x/tweet-activity-en.csv", "x-tweet-activity")]
    [InlineData("x/premium-overview.csv", "x-premium-overview")]
    public async Task Detect_ByDayAndByTweetFiles_EachItsOwnFormat(string fixture, string expected)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        Assert.Equal(expected, ExportFormatDetector.Default.Detect(probe).Format.Name);
        Assert.Equal(0, new XTweetActivityReader().Match(await ExportFixtures.ProbeAsync(Fixture)));
        Assert.Equal(expected == "x-daily-activity" ? 0.95 : 0, new XDailyActivityReader().Match(probe));
    }
}
