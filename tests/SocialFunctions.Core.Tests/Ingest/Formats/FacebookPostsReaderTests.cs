using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class FacebookPostsReaderTests
{
    [Theory]
    [InlineData("facebook/posts.csv")]
    [InlineData("facebook/posts-european-resave.csv")]
    public async Task ReadAsync_PostsExport_MapsEveryRowExactly(string fixture)
    {
        var result = await ExportFixtures.ReadAsync(fixture);

        Assert.Equal("facebook-posts", result.Format);
        Assert.Equal(3, result.Posts.Count);
        Assert.Empty(result.Rejected);
        Assert.Equal(14360, result.Posts.Sum(p => p.Impressions));
        Assert.Equal(635, result.Posts.Sum(p => p.Reactions));
        Assert.Equal(227, result.Posts.Sum(p => p.Clicks));

        var tip = result.Post("122100000000000001");
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 7, 30, 0, TimeSpan.Zero), tip.PublishedAt);
        Assert.Equal("Tip Tuesday: bloom your pour-over for 30 s ☕ #TipTuesday", tip.Text);
        Assert.Equal(ContentTypes.Image, tip.ContentType);
        Assert.Equal((4210L, 3120L, 180L, 20L, 15L, 42L, 215L), (tip.Impressions, tip.Reach, tip.Reactions, tip.Comments, tip.Shares, tip.Clicks, tip.PlatformEngagements));
        Assert.Equal(0, tip.WatchTimeSeconds);
        Assert.Null(tip.VideoViews);
        Assert.Null(tip.Saves);
        Assert.Equal(("lumen-coffee", Channels.Facebook, "upload-1", ExportKind.Posts), (tip.Brand, tip.Channel, tip.UploadId, tip.Kind));
        Assert.Equal(ExportFixtures.ReceivedAt, tip.ExportedAt);

        var reel = result.Post("122100000000000002");
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 13, 5, 0, TimeSpan.Zero), reel.PublishedAt);
        Assert.Equal("Behind the Scenes: our roaster Élodie at 6 am.\nFirst batch of the day 🔥\n\nCome say hi!", reel.Text!.ReplaceLineEndings("\n"));
        Assert.Equal(ContentTypes.Reel, reel.ContentType);
        Assert.Equal(20450.5, reel.WatchTimeSeconds);
        Assert.Equal(110, reel.Clicks);

        var link = result.Post("122100000000000003");
        Assert.Equal("Fresh roast calendar", link.Text);
        Assert.Equal(ContentTypes.Link, link.ContentType);
        Assert.Equal((1200L, 0L, 75L, 0L), (link.Impressions, link.Comments, link.Clicks, link.PlatformEngagements));
    }

    [Fact]
    public async Task ReadAsync_MultiLineCaption_RowLinesArePhysicalLines()
    {
        var result = await ExportFixtures.ReadAsync("facebook/posts.csv");

        Assert.Equal([2, 3, 7], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadAsync_TruncatedInsideQuotedCaption_KeepsValidRowsAndRejectsLastAtQuote()
    {
        var result = await ExportFixtures.ReadAsync("facebook/truncated-inside-quoted-caption.csv");

        Assert.Single(result.Posts);
        Assert.Equal(new RejectedRow(3, 5, TableExportReader.TruncatedMessage), Assert.Single(result.Rejected));
    }

    [Fact]
    public async Task ReadAsync_NonNumericViews_RejectsThatRowWithLineColumnAndExpectation()
    {
        var result = await ExportFixtures.ReadAsync("facebook/non-numeric-views.csv");

        Assert.Equal(["122100000000000001", "122100000000000009"], result.Posts.Select(p => p.PostId));
        Assert.Equal(new RejectedRow(3, 18, "Views: expected a number, found 'abc'"), Assert.Single(result.Rejected));
    }

    [Fact]
    public async Task ReadAsync_RequiredColumnRenamed_ThrowsNamingIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var probe = await ExportFixtures.ProbeAsync("facebook/renamed-publish-time-header.csv");

        var error = await Assert.ThrowsAsync<ExportFormatException>(async () =>
        {
            await foreach (var _ in new FacebookPostsReader().ReadAsync(probe, ExportFixtures.Context, ct))
            {
            }
        });

        Assert.Equal(1, error.Line);
        Assert.StartsWith("required column 'Publish time' is missing", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Windows1252File_DecodesAccents()
    {
        var result = await ExportFixtures.ReadAsync("common/windows-1252.csv");

        Assert.Equal("Café crème calendar", Assert.Single(result.Posts).Text);
    }

    [Theory]
    [InlineData("10/27/2026 14:05", "2026-10-27T13:05:00Z")]
    // BrandClock's one DST rule: a time in the spring-forward gap is the instant of the change; a repeated one is the first.
    [InlineData("03/29/2026 02:30", "2026-03-29T01:00:00Z")]
    [InlineData("10/25/2026 02:30", "2026-10-25T00:30:00Z")]
    public async Task ReadAsync_PublishTime_ConvertedFromBrandZone(string publishTime, string expectedUtc)
    {
        var text = $"\"Post ID\",\"Page ID\",\"Publish time\",Views\n1,2,{publishTime},5\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(result.Posts).PublishedAt);
    }

    /// <summary>
    /// Column sets Meta users choose: 38 columns with "Views" twice (the first non-empty counts; both held the same
    /// number in every real file studied), the 2026 vintage in another order with Views beside Impressions and Viewers
    /// for reach, and 230 columns with the ones we read scattered among per-country and per-interval ones.
    /// </summary>
    [Theory]
    [InlineData("facebook/posts-38-columns-duplicated-views.csv", 3, 2150, 1447, 44, "2026-03-02 08:15")]
    [InlineData("facebook/posts-2026-columns.csv", 2, 9450, 4620, 138, "2026-08-03 12:00")]
    [InlineData("facebook/posts-230-columns.csv", 2, 6500, 4900, 130, "2026-10-05 18:00")]
    public async Task ReadAsync_UserChosenColumnSets_MapsByNameInAnyOrder(string fixture, int posts, long impressions, long reach, long reactions, string firstParis)
    {
        var result = await ExportFixtures.ReadAsync(fixture);

        Assert.Equal("facebook-posts", result.Format);
        Assert.Equal(posts, result.Posts.Count);
        Assert.Empty(result.Rejected);
        Assert.Equal(impressions, result.Posts.Sum(p => p.Impressions));
        Assert.Equal(reach, result.Posts.Sum(p => p.Reach));
        Assert.Equal(reactions, result.Posts.Sum(p => p.Reactions));
        Assert.Equal(firstParis, TimeZoneInfo.ConvertTime(result.Posts[0].PublishedAt, ExportFixtures.Paris).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReadAsync_2026Vintage_ReadsSavesInteractionsAndSingularPostTypes()
    {
        var result = await ExportFixtures.ReadAsync("facebook/posts-2026-columns.csv");

        var reel = result.Post("122400000000000001");
        Assert.Equal((ContentTypes.Reel, 9L, 140L, 66000d), (reel.ContentType, reel.Saves, reel.PlatformEngagements, reel.WatchTimeSeconds));
        Assert.Equal(ContentTypes.Image, result.Post("122400000000000002").ContentType);
    }

    [Fact]
    public async Task ReadAsync_RowMetaFailedToExport_RefusedWithMetasComment()
    {
        var result = await ExportFixtures.ReadAsync("facebook/posts-2024-failed-row.csv");

        Assert.Equal(2, result.Posts.Count);
        Assert.Equal(8170, result.Posts.Sum(p => p.Impressions));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((3, 1), (rejected.Line, rejected.Column));
        Assert.StartsWith("Meta could not export this post (Data comment: 'An error occurred while computing metadata for content with ID 990000000000001.')", rejected.Message, StringComparison.Ordinal);
    }

    /// <summary>Each name of the post's text: fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Description")]
    [InlineData("Post message")]
    [InlineData("Message")]
    public async Task ReadAsync_TextColumnAlias_KeepsTheText(string column)
    {
        var text = $"\"Post ID\",\"Page ID\",\"Publish time\",\"{column}\"\n1,2,10/02/2026 08:15,Latte art\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal("Latte art", Assert.Single(result.Posts).Text);
    }
}
