using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class CanonicalCsvReaderTests
{
    [Fact]
    public async Task ReadAsync_RedditPosts_MapsFieldsAndHashesMissingIds()
    {
        var result = await ExportFixtures.ReadAsync("canonical/reddit-posts.csv");

        Assert.Equal("canonical", result.Format);
        Assert.Equal(3, result.Posts.Count);
        Assert.All(result.Posts, p => Assert.Equal(Channels.Reddit, p.Channel));

        var curve = result.Posts[0];
        Assert.Equal(PostIds.FromPermalink("https://www.reddit.com/r/Coffee/comments/abc123/our_roast_curve/"), curve.PostId);
        Assert.Equal(new DateTimeOffset(2026, 10, 12, 16, 0, 0, TimeSpan.Zero), curve.PublishedAt);
        Assert.Equal((5400L, 230L, 41L, 12L), (curve.Impressions, curve.Reactions, curve.Comments, curve.Clicks));
        Assert.Null(curve.Shares);
        Assert.Null(curve.Reach);
        Assert.Equal(ContentTypes.Text, curve.ContentType);

        var grinder = result.Post("t3_def456");
        Assert.Equal(new DateTimeOffset(2026, 10, 19, 8, 30, 0, TimeSpan.Zero), grinder.PublishedAt);
        Assert.Equal("Dialing in a new grinder, step by step", grinder.Text);
        Assert.Equal(ContentTypes.Image, grinder.ContentType);

        var local = result.Post("t3_ghi789");
        Assert.Equal(new DateTimeOffset(2026, 10, 21, 7, 0, 0, TimeSpan.Zero), local.PublishedAt);
        Assert.Equal(ContentTypes.Other, local.ContentType);
        Assert.Null(local.Impressions);
    }

    [Fact]
    public async Task ReadAsync_UnknownChannel_RejectsRow()
    {
        var result = await ExportFixtures.ReadAsync("canonical/reddit-posts.csv");

        Assert.Equal(
            new RejectedRow(4, 1, "channel: expected one of facebook, instagram, x, linkedin, tiktok, youtube, pinterest, blog, reddit, found 'myspace'"),
            Assert.Single(result.Rejected));
    }

    [Theory]
    [InlineData("channel,postId,publishedAt,contentType\nreddit,1,2026-10-01T10:00:00Z,meme\n", 2, 4, "contentType: expected one of image, video, carousel, link, text, reel, story, short, article, other, found 'meme'")]
    [InlineData("channel,postId,publishedAt\nreddit,1,yesterday\n", 2, 3, "publishedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found 'yesterday'")]
    [InlineData("channel,postId,publishedAt,impressions\nreddit,1,2026-10-01T10:00:00Z,lots\n", 2, 4, "impressions: expected a number, found 'lots'")]
    public async Task ReadAsync_BadCell_RejectsWithColumnAndExpectation(string text, int line, int column, string message)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(new RejectedRow(line, column, message), Assert.Single(result.Rows));
    }

    [Fact]
    public async Task ReadAsync_RangeRows_CarryRange()
    {
        var text = "channel,permalink,publishedAt,kind,rangeFrom,rangeTo,impressions\nblog,https://lumen.coffee/blog/v60,2026-09-01,range,2026-09-01,2026-10-31,880\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        var post = Assert.Single(result.Posts);
        Assert.Equal((ExportKind.Range, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)), (post.Kind, post.RangeFrom!.Value, post.RangeTo!.Value));
        Assert.Equal(Channels.Blog, post.Channel);
    }

    [Fact]
    public async Task ReadAsync_MissingPublishedAtColumn_Throws()
    {
        var ct = TestContext.Current.CancellationToken;
        var probe = await ExportFixtures.ProbeAsync("canonical/missing-published-at.csv");

        var error = await Assert.ThrowsAsync<ExportFormatException>(async () =>
        {
            await foreach (var _ in new CanonicalCsvReader().ReadAsync(probe, ExportFixtures.Context, ct))
            {
            }
        });

        Assert.StartsWith("required column 'publishedAt' is missing", error.Reason, StringComparison.Ordinal);
    }
}
