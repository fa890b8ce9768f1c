using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class InstagramPostsReaderTests
{
    [Fact]
    public async Task ReadAsync_CurrentExport_MapsViewsLikesSaves()
    {
        var result = await ExportFixtures.ReadAsync("instagram/posts.csv");

        Assert.Equal("instagram-posts", result.Format);
        Assert.Equal(3, result.Posts.Count);
        Assert.Equal(25400, result.Posts.Sum(p => p.Impressions));
        Assert.Equal(1240, result.Posts.Sum(p => p.Reactions));
        Assert.Equal(253, result.Posts.Sum(p => p.Saves));
        Assert.All(result.Posts, p => Assert.Null(p.Clicks));

        var latte = result.Post("18000000000000001");
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 6, 15, 0, TimeSpan.Zero), latte.PublishedAt);
        Assert.Equal((ContentTypes.Image, "#LatteArtFriday rosetta on oat 🌿"), (latte.ContentType, latte.Text));
        Assert.Equal((5200L, 4100L, 210L, 12L, 18L, 25L), (latte.Impressions, latte.Reach, latte.Reactions, latte.Shares, latte.Comments, latte.Saves));

        Assert.Equal(ContentTypes.Reel, result.Post("18000000000000002").ContentType);
        Assert.Equal("Behind the Scenes: cupping session, café crème & crème brûlée notes", result.Post("18000000000000002").Text);

        var carousel = result.Post("18000000000000003");
        Assert.Equal(new DateTimeOffset(2026, 10, 29, 11, 0, 0, TimeSpan.Zero), carousel.PublishedAt);
        Assert.Equal((ContentTypes.Carousel, 0L), (carousel.ContentType, carousel.Shares));
    }

    [Fact]
    public async Task ReadAsync_Pre2025Export_ImpressionsOrPlaysBecomeImpressions()
    {
        var result = await ExportFixtures.ReadAsync("instagram/posts-pre-2025.csv");

        Assert.Equal("instagram-posts", result.Format);
        var photo = result.Post("17900000000000001");
        Assert.Equal((3100L, (long?)null), (photo.Impressions!.Value, photo.VideoViews));
        Assert.Equal(new DateTimeOffset(2024, 3, 10, 9, 0, 0, TimeSpan.Zero), photo.PublishedAt);

        var reel = result.Post("17900000000000002");
        Assert.Equal((9800L, 9800L, 7200L), (reel.Impressions, reel.VideoViews, reel.Reach));
    }

    [Theory]
    [InlineData("https://www.instagram.com/p/DAbc001/", "instagram-posts")]
    [InlineData("https://www.facebook.com/lumencoffee/posts/1", "facebook-posts")]
    public async Task Detect_OnlySharedMetaColumns_PermalinkDecidesNetwork(string permalink, string format)
    {
        var text = $"\"Post ID\",\"Publish time\",Permalink,Views,Reach,Comments\n1,10/02/2026 08:15,{permalink},100,80,3\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(format, result.Format);
        Assert.Equal(100, Assert.Single(result.Posts).Impressions);
    }

    [Fact]
    public async Task Detect_InstagramColumnsWithoutAccountColumns_StillInstagram()
    {
        var text = "\"Post ID\",\"Publish time\",Views,Likes,Saves,Follows\n1,10/02/2026 08:15,100,5,2,0\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal("instagram-posts", result.Format);
        Assert.Equal((5L, 2L), (Assert.Single(result.Posts).Reactions!.Value, result.Posts[0].Saves!.Value));
    }

    /// <summary>
    /// <c>Caption</c> is the text's other name; Views counts before Impressions; a present but empty views column means 0;
    /// Meta's failed row is refused with its comment. Catches the alias misspelt, the fallback order turned, the 0 dropped
    /// and <c>Data comment</c> misspelt.
    /// </summary>
    [Fact]
    public async Task ReadAsync_CaptionViewsFirstEmptyViewsAndFailedRow_EachAsMetaMeansIt()
    {
        var text = "\"Post ID\",\"Account ID\",\"Publish time\",Caption,Views,Impressions,\"Data comment\"\n"
            + "1,9,10/02/2026 08:15,Latte art,100,90,\n"
            + "2,9,10/02/2026 09:15,Beans,,,\n"
            + ",9,10/02/2026 10:15,,,,An error occurred\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal("instagram-posts", result.Format);
        Assert.Equal(("Latte art", 100L), (result.Post("1").Text, result.Post("1").Impressions!.Value));
        Assert.Equal(0, result.Post("2").Impressions);
        Assert.Equal(new RejectedRow(4, 1, "Meta could not export this post (Data comment: 'An error occurred'); export the period again later"), Assert.Single(result.Rejected));
    }

    /// <summary>
    /// Any one of Views, Impressions or Plays present but empty means 0 shown (Meta's "not applicable"); none present means
    /// unknown. Each case catches one of the three presence tests dropped from the condition.
    /// </summary>
    [Theory]
    [InlineData("Views", 0L)]
    [InlineData("Impressions", 0L)]
    [InlineData("Plays", 0L)]
    [InlineData("Reach", null)]
    public async Task ReadAsync_OnlyOneShownColumnAndEmpty_ZeroShown(string column, long? expected)
    {
        var text = $"\"Post ID\",\"Account ID\",\"Publish time\",{column}\n1,9,10/02/2026 08:15,\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(expected, Assert.Single(result.Posts).Impressions);
    }
}
