using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class Ga4PagesReaderTests
{
    [Fact]
    public async Task ReadAsync_CommentPreamble_YieldsRangeAggregatesPerPage()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages.csv");

        Assert.Equal("ga4-pages", parsed.Format);
        Assert.Equal(2, parsed.Posts.Count);
        var first = parsed.PostRows[0];
        Assert.Equal(11, first.Line);
        Assert.Equal("/blog/pour-over-guide", first.Post.PostId);
        Assert.Equal(Channels.Blog, first.Post.Channel);
        Assert.Equal(1234, first.Post.Impressions);
        Assert.Equal(567, first.Post.Reach);
        Assert.Null(first.Post.Text);
        Assert.Equal(ExportKind.Range, first.Post.Kind);
        Assert.Equal(new DateOnly(2026, 9, 1), first.Post.RangeFrom);
        Assert.Equal(new DateOnly(2026, 10, 31), first.Post.RangeTo);
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 22, 0, 0, TimeSpan.Zero), first.Post.PublishedAt);
        Assert.Equal(2134, parsed.Posts.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task ReadAsync_BadViews_RejectsWithLineAndColumn()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages.csv");

        Assert.Equal(new RejectedRow(13, 2, "Views: expected a number, found 'abc'"), Assert.Single(parsed.Rejected));
    }

    [Fact]
    public async Task ReadAsync_TitleOnlyReport_HashesTitleAndKeepsItAsText()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages-title-only.csv");

        var post = Assert.Single(parsed.Posts);
        Assert.Equal("Pour-over guide – Lumen Coffee", post.Text);
        Assert.StartsWith("h-", post.PostId, StringComparison.Ordinal);
        Assert.Equal(1234, post.Impressions);
    }

    [Fact]
    public async Task ReadAsync_NoDateRange_ThrowsAtHeaderLine()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportParse.ParseAsync("ga4", "missing-date-range.csv"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("the report's date range is unknown", error.Reason, StringComparison.Ordinal);
    }

    private const string Preamble = "# Pages and screens\n# Start date: 20261001\n# End date: 20261031\n";

    /// <summary>Each name GA4 gives the page's path (the post's key): fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Page path and screen class")]
    [InlineData("Page path")]
    [InlineData("Page path + query string")]
    [InlineData("Page location")]
    [InlineData("Landing page")]
    [InlineData("Landing page + query string")]
    public async Task ReadAsync_PathColumnAlias_KeysThePage(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}{column},Views\n/menu,100\n"));

        Assert.Equal("ga4-pages", parsed.Format);
        var post = Assert.Single(parsed.Posts);
        Assert.Equal(("/menu", 100L), (post.PostId, post.Impressions!.Value));
    }

    /// <summary>Each name of the page's title: fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Page title and screen class")]
    [InlineData("Page title")]
    [InlineData("Page title and screen name")]
    public async Task ReadAsync_TitleColumnAlias_KeepsTheTitle(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}Page path,{column},Views\n/menu,Our menu,100\n"));

        Assert.Equal("Our menu", Assert.Single(parsed.Posts).Text);
    }

    /// <summary>Each name of the page's users (reach): fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Active users")]
    [InlineData("Users")]
    [InlineData("Total users")]
    public async Task ReadAsync_ReachColumnAlias_GivesReach(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}Page path,Views,{column}\n/menu,100,80\n"));

        Assert.Equal(80, Assert.Single(parsed.Posts).Reach);
    }

    /// <summary>
    /// Dashed dates in the comments; the totals rows skipped by the path (not by a title that reads "Total"); a second
    /// table after new comment lines ignored. Catches "yyyy-MM-dd", "Grand total" misspelt, the key's fallback turned,
    /// and the second table read.
    /// </summary>
    [Fact]
    public async Task ReadAsync_DashedDatesTotalsAndSecondTable_AsGa4MeansThem()
    {
        var text = "# Pages and screens\n# Start date: 2026-10-01\n# End date: 2026-10-31\nPage path,Page title,Views\n"
            + "/menu,Total,100\nGrand total,,150\nTotal,,150\n/beans,Beans,50\n# Events\n/second-table,Other,7\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(["/menu", "/beans"], parsed.Posts.Select(p => p.PostId));
        Assert.All(parsed.Posts, p => Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (p.RangeFrom, p.RangeTo)));
    }

    /// <summary>GA4's own file starts with its # comments: certain; the same table without them only likely.</summary>
    [Theory]
    [InlineData(Preamble + "Page path,Views\n/menu,100\n", 0.95)]
    [InlineData("Page path,Views\n/menu,100\n", 0.8)]
    [InlineData("Page,Views\n/menu,100\n", 0)]
    public async Task Match_CommentsOrNot_GiveTheConfidence(string text, double expected)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(text), TestContext.Current.CancellationToken);

        Assert.Equal(expected, new Ga4PagesReader().Match(probe));
    }
}
