namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XPremiumContentReaderTests
{
    [Fact]
    public async Task ReadAsync_ContentExport_MapsAndTimesPostsFromSnowflakeIds()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-content.csv");

        Assert.Equal("x-premium-content", result.Format);
        Assert.Equal(3, result.Posts.Count);
        Assert.Empty(result.Rejected);

        var tip = result.Post("2115009355576258617");
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 9, 15, 0, TimeSpan.Zero), tip.PublishedAt);
        Assert.Equal((1830L, 44L, 97L, 6L, 5L, 5L, 9L), (tip.Impressions, tip.Reactions, tip.PlatformEngagements, tip.Saves, tip.Shares, tip.Comments, tip.Clicks));
        Assert.Equal("https://x.com/lumencoffee/status/2115009355576258617", tip.Permalink);

        var roast = result.Post("2112590290744258617");
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 17, 2, 30, TimeSpan.Zero), roast.PublishedAt);
        Assert.Equal("Roasting day, smell that? ☕", roast.Text);
        Assert.Equal(1, roast.Shares);
        Assert.Null(roast.Clicks);
    }

    [Fact]
    public async Task ReadAsync_IdFromAnotherDay_PublishedAtMidnightInBrandZone()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-content.csv");

        Assert.Equal(new DateTimeOffset(2026, 10, 21, 22, 0, 0, TimeSpan.Zero), result.Post("1849000000000000099").PublishedAt);
    }

    /// <summary>2025 files: "Link", "Share", "Url clicks", "Detail expands", dates like "Mon Feb 17 2025".</summary>
    [Fact]
    public async Task ReadAsync_2025Vintage_OlderHeadersAndDates()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-content-2025.csv");

        Assert.Equal("x-premium-content", result.Format);
        Assert.Equal(2, result.Posts.Count);
        var first = result.Posts[0];
        Assert.Equal(new DateTimeOffset(2025, 2, 17, 9, 30, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(("https://x.com/lumencoffee/status/1", 5L, 5L), (first.Permalink, first.Shares, first.Clicks));
        Assert.Equal(1300, result.Posts.Sum(p => p.Impressions));
    }

    /// <summary>
    /// Every column name the reader knows (each vintage's spelling), one per case, in an otherwise current header: the
    /// column's value must land in its field. Catches one name misspelt or dropped (the field is left empty or, for
    /// shares, loses its share of the sum) and one name read into another field. Written out here, not taken from the
    /// reader, so a mutated name cannot pass.
    /// </summary>
    [Theory]
    [InlineData("Post Link", "Post Link")]
    [InlineData("Post Link", "Link")]
    [InlineData("Shares", "Shares")]
    [InlineData("Shares", "Share")]
    [InlineData("URL Clicks", "URL Clicks")]
    [InlineData("URL Clicks", "Url clicks")]
    [InlineData("URL Clicks", "URL clicks")]
    [InlineData("Post text", "Post text")]
    [InlineData("Impressions", "Impressions")]
    [InlineData("Likes", "Likes")]
    [InlineData("Engagements", "Engagements")]
    [InlineData("Bookmarks", "Bookmarks")]
    [InlineData("Replies", "Replies")]
    [InlineData("Reposts", "Reposts")]
    [InlineData("Video views", "Video views")]
    public async Task ReadAsync_EachColumnName_LandsInItsField(string column, string name)
    {
        string[] current = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "Replies", "Reposts", "URL Clicks", "Video views"];
        current[Array.IndexOf(current, column)] = name;
        var file = ExportFixtures.Text(string.Join(',', current) + "\n2115009355576258617,\"Tue, Oct 27, 2026\",Warm your cup first,https://x.com/lumencoffee/status/2115009355576258617,1001,102,103,104,105,106,107,108,109\n");

        var result = await ExportFixtures.ReadAsync(file);

        Assert.Equal("x-premium-content", result.Format);
        Assert.Empty(result.Rejected);
        var post = Assert.Single(result.Posts);
        Assert.Equal(
            ("2115009355576258617", "https://x.com/lumencoffee/status/2115009355576258617", "Warm your cup first", new DateTimeOffset(2026, 10, 27, 9, 15, 0, TimeSpan.Zero)),
            (post.PostId, post.Permalink, post.Text, post.PublishedAt));
        Assert.Equal(
            ((long?)1001, (long?)102, (long?)103, (long?)104, (long?)(105 + 107), (long?)106, (long?)108, (long?)109),
            (post.Impressions, post.Reactions, post.PlatformEngagements, post.Saves, post.Shares, post.Comments, post.Clicks, post.VideoViews));
    }
}
