using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class FacebookLegacyPostsReaderTests
{
    [Fact]
    public async Task ReadAsync_LegacyExport_SkipsDescriptionRowAndMapsLifetimeColumns()
    {
        var result = await ExportFixtures.ReadAsync("facebook/legacy-post-level.csv");

        Assert.Equal("facebook-legacy-post-level", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([3, 4], result.Rows.Select(r => r.Line));

        var latte = result.Post("100000000000001_2000000001");
        Assert.Equal(new DateTimeOffset(2020, 9, 4, 15, 30, 0, TimeSpan.Zero), latte.PublishedAt);
        Assert.Equal("#LatteArtFriday: a tulip in oat milk", latte.Text);
        Assert.Equal(ContentTypes.Image, latte.ContentType);
        Assert.Equal((3500L, 2300L, 150L, 12L, 9L, 40L), (latte.Impressions, latte.Reach, latte.Reactions, latte.Comments, latte.Shares, latte.Clicks));
        Assert.Equal("https://www.facebook.com/lumencoffee/posts/2000000001", latte.Permalink);

        var beans = result.Post("100000000000001_2000000002");
        Assert.Equal(new DateTimeOffset(2020, 11, 20, 7, 5, 0, TimeSpan.Zero), beans.PublishedAt);
        Assert.Equal(ContentTypes.Link, beans.ContentType);
        Assert.Equal((2100L, 0L, 55L), (beans.Impressions, beans.Shares, beans.Clicks));
    }
}
