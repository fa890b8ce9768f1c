using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class LinkedInContentReaderTests
{
    [Theory]
    [InlineData("content.xls", 3, 2, 17, 0)]
    [InlineData("content-resaved.xlsx", 2, 0, 6, 0)]
    public async Task ReadAsync_Workbook_YieldsPostsDailyAndRejections(string file, int posts, int rejectedPosts, int daily, int rejectedDaily)
    {
        var parsed = await ExportParse.ParseAsync("linkedin", file);

        Assert.Equal("linkedin-content", parsed.Format);
        Assert.Equal(posts, parsed.Posts.Count);
        Assert.Equal(daily, parsed.Daily.Count);
        Assert.Equal(rejectedPosts + rejectedDaily, parsed.Rejected.Count);
        Assert.All(parsed.Posts, p => Assert.Equal(Channels.LinkedIn, p.Channel));
    }

    [Fact]
    public async Task ReadAsync_Workbook_RowsAreItsPostsAndItsMetricDays()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        // Three posts (the boosted one's Organic/Sponsored/Total rows count once) and three metric days.
        Assert.Equal(3, parsed.PostRows.Count);
        Assert.Equal(3, parsed.DailyRows.Count);
        Assert.Equal([6, 6, 5], parsed.DailyRows.Select(r => r.Values.Count));
    }

    [Fact]
    public async Task ReadAsync_BoostedPost_CountsOnceFromTotalRow()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        var boosted = Assert.Single(parsed.PostRows, r => r.Post.PostId == "urn:li:activity:7240000000000000002");
        Assert.Equal(6, boosted.Line);
        Assert.Equal(2000, boosted.Post.Impressions);
        Assert.Equal(30, boosted.Post.Reactions);
        Assert.Equal(45, boosted.Post.Clicks);
        Assert.Equal(3, boosted.Post.Comments);
        Assert.Equal(1, boosted.Post.Shares);
        Assert.Equal(ContentTypes.Video, boosted.Post.ContentType);
        Assert.Equal(3900, parsed.Posts.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task ReadAsync_NoteRowAboveHeader_MapsFieldsAndUtcDates()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        var first = parsed.PostRows[0];
        Assert.Equal(3, first.Line);
        Assert.Equal("urn:li:activity:7240000000000000001", first.Post.PostId);
        Assert.Equal("Tip: grind size matters ☕", first.Post.Text);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 0, 0, 0, TimeSpan.Zero), first.Post.PublishedAt);
        Assert.Equal("https://www.linkedin.com/feed/update/urn:li:activity:7240000000000000001", first.Post.Permalink);
        Assert.Equal(ContentTypes.Image, first.Post.ContentType);
        Assert.Equal(1200, first.Post.Impressions);
        Assert.Equal(45, first.Post.Reactions);
        Assert.Null(first.Post.Reach);
        Assert.Equal("lumen-coffee", first.Post.Brand);
        Assert.Equal("upload-1", first.Post.UploadId);
        Assert.Equal(ExportParse.ReceivedAt, first.Post.ExportedAt);
        Assert.Equal("We are hiring ☕\nBased in Lyon.", parsed.Posts[^1].Text);
        Assert.Equal(ContentTypes.Article, parsed.Posts[^1].ContentType);
    }

    [Theory]
    [InlineData(7, 15, "Likes: expected a number, found 'abc'")]
    [InlineData(8, 6, "Created date: expected a date MM/DD/YYYY, found '2026/13/45'")]
    public async Task ReadAsync_BadCell_RejectsRowWithLineColumnAndExpectation(int line, int column, string message)
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        Assert.Contains(new RejectedRow(line, column, message), parsed.Rejected);
    }

    [Fact]
    public async Task ReadAsync_MetricsSheet_PrefersTotalColumns()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        var impressions = parsed.Daily.Where(d => d.Metric == DailyMetricNames.Impressions).ToList();
        Assert.Equal([150d, 200d, 300d], impressions.Select(d => d.Value));
        Assert.Equal(new DateOnly(2026, 10, 1), impressions[0].Date);
        Assert.Equal(80, parsed.Daily.Single(d => d.Metric == DailyMetricNames.Reach && d.Date == new DateOnly(2026, 10, 1)).Value);
        Assert.DoesNotContain(parsed.Daily, d => d.Metric == DailyMetricNames.Clicks && d.Date == new DateOnly(2026, 10, 3));
    }

    [Fact]
    public async Task ReadAsync_ResavedXlsx_ReadsTypedDatesAndOlderSharesHeader()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content-resaved.xlsx");

        var first = parsed.PostRows[0];
        Assert.Equal(2, first.Line);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 0, 0, 0, TimeSpan.Zero), first.Post.PublishedAt);
        Assert.Equal(4, first.Post.Shares);
        Assert.Equal(2120, parsed.Posts[1].Impressions);
        Assert.Equal(100, parsed.Daily.Single(d => d.Metric == DailyMetricNames.Impressions).Value);
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNotAWorkbook_ThrowsNotASpreadsheet()
    {
        var probe = await ExportParse.ProbeAsync("linkedin", "not-a-spreadsheet.xlsx");

        var error = await Assert.ThrowsAsync<ExportFormatException>(async () =>
        {
            await foreach (var _ in new LinkedInContentReader().ReadAsync(probe, ExportParse.Context, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal("not a spreadsheet: it is a zip archive without xl/workbook.xml.", error.Reason);
        Assert.Equal(0, new LinkedInContentReader().Match(probe));
        Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));
    }

    [Fact]
    public async Task ReadAsync_RequiredColumnRenamed_ThrowsNamingColumnAndHeaderRow()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportParse.ParseAsync("linkedin", "renamed-created-date-header.xlsx"));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("sheet 'All posts': required column 'Created date' is missing; the header has: Post title, Post link, Post type", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Publish date", error.HeadersSeen);
    }

    [Theory]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:activity:7240000000000000001", "urn:li:activity:7240000000000000001")]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:share:7111/", "urn:li:share:7111")]
    [InlineData("https://www.linkedin.com/posts/lumen-coffee_tip", "h-")]
    public void LinkedInPostId_Link_UsesUrnElseHash(string link, string expectedStart)
    {
        Assert.StartsWith(expectedStart, LinkedInContentReader.LinkedInPostId(link), StringComparison.Ordinal);
    }
}
