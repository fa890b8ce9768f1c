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
}
