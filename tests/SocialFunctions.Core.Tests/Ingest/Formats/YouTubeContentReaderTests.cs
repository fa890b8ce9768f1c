using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class YouTubeContentReaderTests
{
    [Theory]
    [InlineData("Content 2026-09-01_2026-10-31 Lumen Coffee.zip", 2, 0, "2026-09-01", "2026-10-31")]
    [InlineData("table-data-european-resave_2026-09-01_2026-10-31.csv", 1, 0, "2026-09-01", "2026-10-31")]
    [InlineData("Table data.csv", 2, 1, "2026-09-29", "2026-11-05")]
    public async Task ReadAsync_Fixture_YieldsRangeAggregatesSkippingTotal(string file, int posts, int rejected, string from, string to)
    {
        var parsed = await ExportParse.ParseAsync("youtube", file);

        Assert.Equal("youtube-content", parsed.Format);
        Assert.Equal(posts, parsed.Posts.Count);
        Assert.Equal(rejected, parsed.Rejected.Count);
        Assert.DoesNotContain(parsed.Posts, p => p.PostId == "Total");
        var first = parsed.Posts[0];
        Assert.Equal(ExportKind.Range, first.Kind);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), first.RangeFrom);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), first.RangeTo);
        Assert.Equal("dQ3kLm9xP2A", first.PostId);
        Assert.Equal(72900d, first.WatchTimeSeconds);
        Assert.Equal(15000, first.Impressions);
        Assert.Equal(1000, first.VideoViews);
        Assert.Equal(new DateTimeOffset(2026, 9, 28, 22, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(ContentTypes.Video, first.ContentType);
    }

    [Fact]
    public async Task ReadAsync_IdWithLeadingSpace_TrimsItAndMarksShort()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Content 2026-09-01_2026-10-31 Lumen Coffee.zip");

        var second = parsed.PostRows[1];
        Assert.Equal(4, second.Line);
        Assert.Equal("-fR8tYu1ZqE", second.Post.PostId);
        Assert.Equal("Pour-over in 4 minutes", second.Post.Text);
        Assert.Equal(ContentTypes.Short, second.Post.ContentType);
        Assert.Equal(18900d, second.Post.WatchTimeSeconds);
        Assert.Null(second.Post.Reactions);
    }

    [Fact]
    public async Task ReadAsync_NewerColumns_MapsThumbnailImpressionsAndEngagement()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "table-data-european-resave_2026-09-01_2026-10-31.csv");

        var post = Assert.Single(parsed.Posts);
        Assert.Equal(30, post.Reactions);
        Assert.Equal(5, post.Comments);
        Assert.Equal(2, post.Shares);
    }

    [Fact]
    public async Task ReadAsync_BadViews_RejectsWithLineAndColumn()
    {
        var parsed = await ExportParse.ParseAsync("youtube", "Table data.csv");

        Assert.Equal(new RejectedRow(5, 5, "Views: expected a number, found 'abc'"), Assert.Single(parsed.Rejected));
    }
}
