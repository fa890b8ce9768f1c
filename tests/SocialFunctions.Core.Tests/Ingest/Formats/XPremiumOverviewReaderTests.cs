using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
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

    /// <summary>
    /// Every column the reader knows, one per case, beside the columns detection needs: its value must become that day's
    /// value of its metric. Catches one column name misspelt or dropped (its values vanish) and one mapped to the wrong
    /// metric. Written out here, not taken from the reader, so a mutated name cannot pass.
    /// </summary>
    [Theory]
    [InlineData("Impressions", DailyMetricNames.Impressions)]
    [InlineData("Likes", DailyMetricNames.Reactions)]
    [InlineData("Engagements", DailyMetricNames.Engagements)]
    [InlineData("Bookmarks", DailyMetricNames.Saves)]
    [InlineData("Shares", DailyMetricNames.Shares)]
    [InlineData("Share", DailyMetricNames.Shares)]
    [InlineData("Reposts", DailyMetricNames.Shares)]
    [InlineData("New follows", DailyMetricNames.NewFollowers)]
    [InlineData("Unfollows", DailyMetricNames.Unfollows)]
    [InlineData("Replies", DailyMetricNames.Comments)]
    [InlineData("Profile visits", DailyMetricNames.ProfileViews)]
    [InlineData("Create Post", "posts-created")]
    [InlineData("Video views", DailyMetricNames.VideoViews)]
    [InlineData("Media views", "media-views")]
    [InlineData("URL Clicks", DailyMetricNames.Clicks)]
    public async Task ReadAsync_EachMetricColumn_BecomesItsDailyMetric(string column, string metric)
    {
        // Detection needs Impressions and one of New follows, Unfollows, Create Post, Profile visits.
        var columns = new List<string> { "Date", column };
        var values = new List<string> { "\"Mon, Oct 26, 2026\"", "41" };
        if (column != "Impressions")
        {
            columns.Add("Impressions");
            values.Add("700");
        }

        if (column != "Unfollows")
        {
            columns.Add("Unfollows");
            values.Add("3");
        }

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(string.Join(',', columns) + "\n" + string.Join(',', values) + "\n"));

        Assert.Equal("x-premium-overview", result.Format);
        Assert.Empty(result.Rejected);
        var day = result.Daily.ToDictionary(d => d.Metric, d => d.Value);
        Assert.Equal(columns.Count - 1, day.Count);
        Assert.Equal(41, day[metric]);
        Assert.All(result.Daily, d => Assert.Equal(new DateOnly(2026, 10, 26), d.Date));
    }

    /// <summary>
    /// Recognised with a date, impressions and any one of the account columns, never beside a post id: catches each
    /// account column's name misspelt and each condition dropped.
    /// </summary>
    [Theory]
    [InlineData("Date,Impressions,New follows", 0.9)]
    [InlineData("Date,Impressions,Unfollows", 0.9)]
    [InlineData("Date,Impressions,Create Post", 0.9)]
    [InlineData("Date,Impressions,Profile visits", 0.9)]
    [InlineData("Date,Impressions,Likes", 0)]
    [InlineData("Date,Likes,New follows", 0)]
    [InlineData("Day,Impressions,New follows", 0)]
    [InlineData("Post id,Date,Impressions,New follows", 0)]
    public async Task Match_NeedsDateImpressionsAndAnAccountColumn(string header, double score)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(header + "\n\"Mon, Oct 26, 2026\",700,2,1\n"), TestContext.Current.CancellationToken);

        Assert.Equal(score, new XPremiumOverviewReader().Match(probe));
    }

    /// <summary>A column the reader does not know is skipped, not looked up: catches the filter of known columns dropped.</summary>
    [Fact]
    public async Task ReadAsync_UnknownColumn_Ignored()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text("Date,Impressions,Engagement rate,New follows\n\"Mon, Oct 26, 2026\",700,0.04,2\n"));

        Assert.Equal([(DailyMetricNames.Impressions, 700d), (DailyMetricNames.NewFollowers, 2d)], result.Daily.Select(d => (d.Metric, d.Value)).OrderBy(m => m.Metric, StringComparer.Ordinal));
    }

    /// <summary>Catches the unreadable date's rejection losing its line, column or message.</summary>
    [Fact]
    public async Task ReadAsync_UnreadableDate_RejectsRowNamingColumn()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text("Impressions,Date,New follows\n700,someday,2\n800,\"Mon, Oct 26, 2026\",3\n"));

        Assert.Equal(new RejectedRow(2, 2, "Date: expected a date like Tue, Oct 27, 2026, found 'someday'"), Assert.Single(result.Rejected));
        Assert.Equal(800, result.Daily.Single(d => d.Metric == DailyMetricNames.Impressions).Value);
    }

    /// <summary>Catches a row with an unreadable count stored without it instead of rejected.</summary>
    [Fact]
    public async Task ReadAsync_UnreadableCount_RejectsRow()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text("Date,Impressions,New follows\n\"Mon, Oct 26, 2026\",7 hundred,2\n"));

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((2, 2), (rejected.Line, rejected.Column));
        Assert.StartsWith("Impressions: expected a number", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(result.DailyRows);
    }
}
