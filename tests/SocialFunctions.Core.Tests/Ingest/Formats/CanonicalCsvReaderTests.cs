using System.Globalization;
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

    // Each row pins one header spelling (written here, not taken from the reader): a misspelt or dropped alias leaves its
    // field empty, or refuses the file, and fails that row.
    [Theory]
    [InlineData("channel,publishedAt,permalink,postId", "reddit,2026-10-01T10:00:00Z,https://r.example/a1,t3_a1", "PostId", "t3_a1")]
    [InlineData("channel,publishedAt,permalink,post_id", "reddit,2026-10-01T10:00:00Z,https://r.example/a1,t3_a1", "PostId", "t3_a1")]
    [InlineData("channel,published_at,postId", "reddit,2026-10-01T10:00:00Z,t3_a1", "PublishedAt", "2026-10-01T10:00:00.0000000+00:00")]
    [InlineData("channel,publishedAt,postId,permalink", "reddit,2026-10-01T10:00:00Z,t3_a1,https://r.example/a1", "Permalink", "https://r.example/a1")]
    [InlineData("channel,publishedAt,postId,text", "reddit,2026-10-01T10:00:00Z,t3_a1,Roast day", "Text", "Roast day")]
    [InlineData("channel,publishedAt,postId,contentType", "reddit,2026-10-01T10:00:00Z,t3_a1,video", "ContentType", "video")]
    [InlineData("channel,publishedAt,postId,content_type", "reddit,2026-10-01T10:00:00Z,t3_a1,video", "ContentType", "video")]
    [InlineData("channel,publishedAt,postId,series", "reddit,2026-10-01T10:00:00Z,t3_a1,Brew Tuesday", "Series", "Brew Tuesday")]
    [InlineData("channel,publishedAt,postId,sourceTimeZone", "reddit,2026-10-01T10:00:00Z,t3_a1,America/Denver", "SourceTimeZone", "America/Denver")]
    [InlineData("channel,publishedAt,postId,source_time_zone", "reddit,2026-10-01T10:00:00Z,t3_a1,America/Denver", "SourceTimeZone", "America/Denver")]
    [InlineData("channel,publishedAt,postId,impressions", "reddit,2026-10-01T10:00:00Z,t3_a1,101", "Impressions", "101")]
    [InlineData("channel,publishedAt,postId,reach", "reddit,2026-10-01T10:00:00Z,t3_a1,102", "Reach", "102")]
    [InlineData("channel,publishedAt,postId,reactions", "reddit,2026-10-01T10:00:00Z,t3_a1,103", "Reactions", "103")]
    [InlineData("channel,publishedAt,postId,comments", "reddit,2026-10-01T10:00:00Z,t3_a1,104", "Comments", "104")]
    [InlineData("channel,publishedAt,postId,shares", "reddit,2026-10-01T10:00:00Z,t3_a1,105", "Shares", "105")]
    [InlineData("channel,publishedAt,postId,saves", "reddit,2026-10-01T10:00:00Z,t3_a1,106", "Saves", "106")]
    [InlineData("channel,publishedAt,postId,clicks", "reddit,2026-10-01T10:00:00Z,t3_a1,107", "Clicks", "107")]
    [InlineData("channel,publishedAt,postId,videoViews", "reddit,2026-10-01T10:00:00Z,t3_a1,108", "VideoViews", "108")]
    [InlineData("channel,publishedAt,postId,video_views", "reddit,2026-10-01T10:00:00Z,t3_a1,108", "VideoViews", "108")]
    [InlineData("channel,publishedAt,postId,watchTimeSeconds", "reddit,2026-10-01T10:00:00Z,t3_a1,12.5", "WatchTimeSeconds", "12.5")]
    [InlineData("channel,publishedAt,postId,watch_time_seconds", "reddit,2026-10-01T10:00:00Z,t3_a1,12.5", "WatchTimeSeconds", "12.5")]
    [InlineData("channel,publishedAt,postId,platformEngagements", "reddit,2026-10-01T10:00:00Z,t3_a1,109", "PlatformEngagements", "109")]
    [InlineData("channel,publishedAt,postId,platform_engagements", "reddit,2026-10-01T10:00:00Z,t3_a1,109", "PlatformEngagements", "109")]
    [InlineData("channel,publishedAt,postId,exportedAt", "reddit,2026-10-01T10:00:00Z,t3_a1,2026-10-30T08:00:00Z", "ExportedAt", "2026-10-30T08:00:00.0000000+00:00")]
    [InlineData("channel,publishedAt,postId,exported_at", "reddit,2026-10-01T10:00:00Z,t3_a1,2026-10-30T08:00:00Z", "ExportedAt", "2026-10-30T08:00:00.0000000+00:00")]
    [InlineData("channel,publishedAt,postId,kind,rangeFrom,rangeTo", "blog,2026-09-01,t3_a1,range,2026-09-01,2026-09-30", "Range", "Range 2026-09-01 2026-09-30")]
    [InlineData("channel,publishedAt,postId,kind,range_from,range_to", "blog,2026-09-01,t3_a1,range,2026-09-01,2026-09-30", "Range", "Range 2026-09-01 2026-09-30")]
    public async Task ReadAsync_EachHeaderSpelling_LandsInItsField(string header, string row, string field, string expected)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{header}\n{row}\n"));

        Assert.Equal("canonical", result.Format);
        Assert.Equal(expected, Field(Assert.Single(result.Posts), field));
    }

    // Times a tool wrote with extra spaces miss the positional ISO reader and are read by the format lists, one row per
    // format (Paris is UTC+2 on 1 October 2026).
    [Theory]
    [InlineData("2026-10-01T 10:00:00", "2026-10-01T08:00:00.0000000+00:00")]
    [InlineData("2026-10-01T 10:00:00.25", "2026-10-01T08:00:00.2500000+00:00")]
    [InlineData("2026-10-01T 10:00", "2026-10-01T08:00:00.0000000+00:00")]
    [InlineData("2026-10-01  10:00:00", "2026-10-01T08:00:00.0000000+00:00")]
    [InlineData("2026-10-01  10:00", "2026-10-01T08:00:00.0000000+00:00")]
    [InlineData("2026 -10-01", "2026-09-30T22:00:00.0000000+00:00")]
    [InlineData("2026-10-01T 10:00:00Z", "2026-10-01T10:00:00.0000000+00:00")]
    [InlineData("2026-10-01T 10:00:00.25+02:00", "2026-10-01T08:00:00.2500000+00:00")]
    [InlineData("2026-10-01T 10:00-03:00", "2026-10-01T13:00:00.0000000+00:00")]
    [InlineData("2026-10-01  10:00:00+02:00", "2026-10-01T08:00:00.0000000+00:00")]
    [InlineData("2026-10-01  10:00-03:00", "2026-10-01T13:00:00.0000000+00:00")]
    [InlineData("2026-10-01T10:00:00.123456789Z", "2026-10-01T10:00:00.1234567+00:00")]
    public async Task ReadAsync_PublishedAtBeyondPlainIso_ReadByTheFormatLists(string cell, string expected)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text($"channel,postId,publishedAt\nreddit,t3_a1,{cell}\n"));

        Assert.Equal(expected, Assert.Single(result.Posts).PublishedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Detect_SnakeCaseHeader_IsCanonical()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text("channel,published_at,post_id\nreddit,2026-10-01T10:00:00Z,t3_a1\n"));

        Assert.Equal("canonical", result.Format);
        Assert.Equal("t3_a1", Assert.Single(result.Posts).PostId);
    }

    [Fact]
    public async Task Detect_ChannelAndPostIdWithoutPublishedAt_IsNotCanonical()
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text("channel,postId,text\nreddit,t3_a1,Roast day\n"), TestContext.Current.CancellationToken);

        string? chosen;
        try
        {
            chosen = ExportFormatDetector.Default.Detect(probe).Format.Name;
        }
        catch (ExportFormatException)
        {
            chosen = null;
        }

        // Without publishedAt the file is not ours (a reader of it would only refuse it); with it, it is (above).
        Assert.NotEqual("canonical", chosen);
    }

    [Fact]
    public async Task ReadAsync_NeitherPostIdNorPermalink_ThrowsNamingColumnAndHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text("channel,publishedAt,text\nreddit,2026-10-01T10:00:00Z,Roast day\n"), ct);

        var error = await Assert.ThrowsAsync<ExportFormatException>(async () =>
        {
            await foreach (var _ in new CanonicalCsvReader().ReadAsync(probe, ExportFixtures.Context, ct))
            {
            }
        });

        Assert.StartsWith("required column 'postId' (or 'permalink') is missing", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["channel", "publishedAt", "text"], error.HeadersSeen);
    }

    [Theory]
    [InlineData("channel,postId,publishedAt\nreddit,1,\n", 2, 3, "publishedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found ''")]
    [InlineData("channel,postId,publishedAt,kind\nreddit,1,2026-10-01T10:00:00Z,weekly\n", 2, 4, "kind: expected posts or range, found 'weekly'")]
    [InlineData("channel,postId,publishedAt,kind,rangeFrom,rangeTo\nblog,1,2026-09-01,range,2026-09-01,\n", 2, 5, "rangeFrom/rangeTo: expected the range's first and last day (yyyy-MM-dd) for kind 'range'")]
    [InlineData("channel,postId,publishedAt,kind,rangeFrom,rangeTo\nblog,1,2026-09-01,range,,2026-09-30\n", 2, 5, "rangeFrom/rangeTo: expected the range's first and last day (yyyy-MM-dd) for kind 'range'")]
    [InlineData("channel,postId,publishedAt,rangeTo,kind\nblog,1,2026-09-01,2026-09-30,range\n", 2, 5, "rangeFrom/rangeTo: expected the range's first and last day (yyyy-MM-dd) for kind 'range'")]
    [InlineData("channel,postId,publishedAt,rangeFrom\nblog,1,2026-09-01,01/09/2026\n", 2, 4, "rangeFrom: expected a day like 2026-10-01, found '01/09/2026'")]
    [InlineData("channel,postId,publishedAt\nreddit,1,0001-01-01T00:30:00\n", 2, 3, "publishedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found '0001-01-01T00:30:00'")]
    [InlineData("channel,postId,publishedAt\nreddit,1,0001-01-01T 00:30:00\n", 2, 3, "publishedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found '0001-01-01T 00:30:00'")]
    [InlineData("channel,postId,publishedAt\nreddit,1,1969-07-20T20:17:40Z\n", 2, 3, "publishedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found '1969-07-20T20:17:40Z'")]
    [InlineData("channel,postId,publishedAt\nreddit,1,3000-01-01T00:00:00\n", 2, 3, "publishedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found '3000-01-01T00:00:00'")]
    [InlineData("channel,postId,publishedAt,exportedAt\nreddit,1,2026-10-01T10:00:00Z,1969-12-31 23:00+00:00\n", 2, 4, "exportedAt: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found '1969-12-31 23:00+00:00'")]
    public async Task ReadAsync_BadKindOrRangeOrEmptyTime_RejectsWithColumnAndExpectation(string text, int line, int column, string message)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(new RejectedRow(line, column, message), Assert.Single(result.Rows));
    }

    [Theory]
    [InlineData("posts")]
    [InlineData("post")]
    [InlineData("POSTS")]
    [InlineData("")]
    public async Task ReadAsync_PostsKindWithRangeAndEmptyOptionalCells_IsAPostWithoutRange(string kind)
    {
        var text = $"channel,postId,publishedAt,kind,rangeFrom,rangeTo,exportedAt,impressions\nblog,1,2026-09-01,{kind},2026-09-01,2026-09-30,,\nblog,2,2026-09-02,{kind},,,,\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Empty(result.Rejected);
        Assert.Equal(2, result.Posts.Count);
        Assert.All(result.Posts, p => Assert.Equal((ExportKind.Posts, (DateOnly?)null, (DateOnly?)null), (p.Kind, p.RangeFrom, p.RangeTo)));
        Assert.All(result.Posts, p => Assert.Equal(ExportFixtures.Context.ExportTime, p.ExportedAt));
        Assert.All(result.Posts, p => Assert.Null(p.Impressions));
    }

    private static string? Field(CanonicalPost post, string field) => field switch
    {
        "PostId" => post.PostId,
        "PublishedAt" => post.PublishedAt.ToString("O", CultureInfo.InvariantCulture),
        "Permalink" => post.Permalink,
        "Text" => post.Text,
        "ContentType" => post.ContentType,
        "Series" => post.Series,
        "SourceTimeZone" => post.SourceTimeZone,
        "Impressions" => post.Impressions?.ToString(CultureInfo.InvariantCulture),
        "Reach" => post.Reach?.ToString(CultureInfo.InvariantCulture),
        "Reactions" => post.Reactions?.ToString(CultureInfo.InvariantCulture),
        "Comments" => post.Comments?.ToString(CultureInfo.InvariantCulture),
        "Shares" => post.Shares?.ToString(CultureInfo.InvariantCulture),
        "Saves" => post.Saves?.ToString(CultureInfo.InvariantCulture),
        "Clicks" => post.Clicks?.ToString(CultureInfo.InvariantCulture),
        "VideoViews" => post.VideoViews?.ToString(CultureInfo.InvariantCulture),
        "WatchTimeSeconds" => post.WatchTimeSeconds?.ToString(CultureInfo.InvariantCulture),
        "PlatformEngagements" => post.PlatformEngagements?.ToString(CultureInfo.InvariantCulture),
        "ExportedAt" => post.ExportedAt?.ToString("O", CultureInfo.InvariantCulture),
        "Range" => FormattableString.Invariant($"{post.Kind} {post.RangeFrom:yyyy-MM-dd} {post.RangeTo:yyyy-MM-dd}"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such field in this test"),
    };
}
