using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// <see cref="MetaExport"/>'s tables, one alias or format per case, each written out
/// here rather than read from the table, so a misspelt entry fails its own case.
/// </summary>
public sealed class MetaExportTests
{
    /// <summary>
    /// A column only one network writes decides a Meta content export with no permalink to go by; each case fails when
    /// that name is misspelt in <c>FacebookOnly</c>/<c>InstagramOnly</c> (the export is then no Meta export at all).
    /// </summary>
    [Theory]
    [InlineData("Page ID", "facebook-posts")]
    [InlineData("Page name", "facebook-posts")]
    [InlineData("Reactions", "facebook-posts")]
    [InlineData("Total clicks", "facebook-posts")]
    [InlineData("Other clicks", "facebook-posts")]
    [InlineData("Is crosspost", "facebook-posts")]
    [InlineData("Is share", "facebook-posts")]
    [InlineData("Reactions, comments and shares", "facebook-posts")]
    [InlineData("Seconds viewed", "facebook-posts")]
    [InlineData("Link Clicks", "facebook-posts")]
    [InlineData("Account ID", "instagram-posts")]
    [InlineData("Account username", "instagram-posts")]
    [InlineData("Account name", "instagram-posts")]
    [InlineData("Likes", "instagram-posts")]
    [InlineData("Saves", "instagram-posts")]
    [InlineData("Follows", "instagram-posts")]
    public async Task Detect_OneNetworkOnlyColumn_DecidesTheNetwork(string column, string format)
    {
        var text = $"\"Post ID\",\"Publish time\",Views,\"{column}\"\n1,10/02/2026 08:15,100,7\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(format, result.Format);
        Assert.Equal(100, Assert.Single(result.Posts).Impressions);
    }

    /// <summary>
    /// The Swedish names of the network-only columns, in a Swedish export (<c>Publicerings-id</c>, <c>Publiceringstid</c>,
    /// <c>Visningar</c>): each case fails when that name is misspelt in <c>FacebookOnly</c>/<c>InstagramOnly</c>.
    /// </summary>
    [Theory]
    [InlineData("Sid-id", "facebook-posts")]
    [InlineData("Sidnamn", "facebook-posts")]
    [InlineData("Reaktioner", "facebook-posts")]
    [InlineData("Totalt antal klick", "facebook-posts")]
    [InlineData("Övriga klick", "facebook-posts")]
    [InlineData("Är korspublicering", "facebook-posts")]
    [InlineData("Delat", "facebook-posts")]
    [InlineData("Reaktioner, kommentarer och delningar", "facebook-posts")]
    [InlineData("Sekunder visad", "facebook-posts")]
    [InlineData("Länkklick", "facebook-posts")]
    [InlineData("Konto-id", "instagram-posts")]
    [InlineData("Kontots användarnamn", "instagram-posts")]
    [InlineData("Kontonamn", "instagram-posts")]
    [InlineData("Gilla-markeringar", "instagram-posts")]
    [InlineData("Sparade objekt", "instagram-posts")]
    [InlineData("Följer", "instagram-posts")]
    public async Task Detect_SwedishOneNetworkOnlyColumn_DecidesTheNetwork(string column, string format)
    {
        var text = $"Publicerings-id,Publiceringstid,Visningar,\"{column}\"\n1,10/02/2026 08:15,100,7\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(format, result.Format);
        Assert.Equal(100, Assert.Single(result.Posts).Impressions);
    }

    /// <summary>
    /// Each <c>Publish time</c> form that only <c>PublishTimeFormats</c> reads (the fast paths take single-spaced
    /// 24-hour and ISO times): a second space or AM/PM. Each case fails when its format is misspelt, on Facebook and
    /// on Instagram (both readers keep their own copy of the table).
    /// </summary>
    [Theory]
    [InlineData("1/5/2026  9:05", "2026-01-05T08:05:00Z")] // M/d/yyyy H:mm
    [InlineData("10/27/2026  14:05:30", "2026-10-27T13:05:30Z")] // MM/dd/yyyy HH:mm:ss
    [InlineData("10/27/2026 2:05:30 PM", "2026-10-27T13:05:30Z")] // M/d/yyyy h:mm:ss tt
    [InlineData("10/27/2026 2:05 PM", "2026-10-27T13:05:00Z")] // M/d/yyyy h:mm tt
    [InlineData("2026-10-27  14:05", "2026-10-27T13:05:00Z")] // yyyy-MM-dd HH:mm
    [InlineData("2026-10-27T 14:05:30", "2026-10-27T13:05:30Z")] // yyyy-MM-dd'T'HH:mm:ss
    [InlineData("2026-10-27  14:05:30", "2026-10-27T13:05:30Z")] // yyyy-MM-dd HH:mm:ss
    public async Task ReadAsync_PublishTimeOnlyTheFormatsRead_ConvertedFromBrandZone(string publishTime, string expectedUtc)
    {
        var expected = DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture);
        var facebook = await ExportFixtures.ReadAsync(ExportFixtures.Text($"\"Post ID\",\"Page ID\",\"Publish time\",Views\n1,2,{publishTime},5\n"));
        var instagram = await ExportFixtures.ReadAsync(ExportFixtures.Text($"\"Post ID\",\"Account ID\",\"Publish time\",Views\n1,2,{publishTime},5\n"));

        Assert.Equal(("facebook-posts", "instagram-posts"), (facebook.Format, instagram.Format));
        Assert.Empty(facebook.Rejected);
        Assert.Empty(instagram.Rejected);
        Assert.Equal(expected, Assert.Single(facebook.Posts).PublishedAt);
        Assert.Equal(expected, Assert.Single(instagram.Posts).PublishedAt);
    }

    /// <summary>Every <c>Post type</c> Meta writes, each case failing when its value is misspelt or moved to another type.</summary>
    [Theory]
    [InlineData(null, ContentTypes.Other)]
    [InlineData(" ", ContentTypes.Other)]
    [InlineData("Photos", ContentTypes.Image)]
    [InlineData("photo", ContentTypes.Image)]
    [InlineData("IG image", ContentTypes.Image)]
    [InlineData("Image", ContentTypes.Image)]
    [InlineData("Videos", ContentTypes.Video)]
    [InlineData("Video", ContentTypes.Video)]
    [InlineData("IG video", ContentTypes.Video)]
    [InlineData("Live", ContentTypes.Video)]
    [InlineData("Live video", ContentTypes.Video)]
    [InlineData("Reels", ContentTypes.Reel)]
    [InlineData("Reel", ContentTypes.Reel)]
    [InlineData("IG reel", ContentTypes.Reel)]
    [InlineData("Links", ContentTypes.Link)]
    [InlineData("Link", ContentTypes.Link)]
    [InlineData("IG carousel", ContentTypes.Carousel)]
    [InlineData("Carousel", ContentTypes.Carousel)]
    [InlineData("CAROUSEL_ALBUM", ContentTypes.Carousel)]
    [InlineData("Album", ContentTypes.Carousel)]
    [InlineData("Multi-photo", ContentTypes.Carousel)]
    [InlineData("IG story", ContentTypes.Story)]
    [InlineData("Story", ContentTypes.Story)]
    [InlineData("Stories", ContentTypes.Story)]
    [InlineData("Status", ContentTypes.Text)]
    [InlineData("Text", ContentTypes.Text)]
    [InlineData("Statuses", ContentTypes.Text)]
    [InlineData("Foton", ContentTypes.Image)]
    [InlineData("IG-bild", ContentTypes.Image)]
    [InlineData("Videor", ContentTypes.Video)]
    [InlineData("IG-reel", ContentTypes.Reel)]
    [InlineData("Länkar", ContentTypes.Link)]
    [InlineData("IG-carousel", ContentTypes.Carousel)]
    [InlineData("Event", ContentTypes.Other)]
    public void ContentType_EveryMetaPostType_MapsToItsCanonicalType(string? postType, string expected)
    {
        Assert.Equal(expected, MetaExport.ContentType(postType));
    }

    /// <summary>
    /// With as many network-only columns of each side, the first post's permalink decides; a permalink of neither network,
    /// or none at all (header only), leaves the export undecided rather than guessed (catches "facebook.com" misspelt, the
    /// last test turned to Facebook, and the data row read when there is none).
    /// </summary>
    [Theory]
    [InlineData("\"Post ID\",\"Publish time\",Permalink,\"Page ID\",Likes\n1,10/02/2026 08:15,https://www.facebook.com/p/1,2,3\n", Channels.Facebook)]
    [InlineData("\"Post ID\",\"Publish time\",Permalink,\"Page ID\",Likes\n1,10/02/2026 08:15,https://www.INSTAGRAM.com/p/1,2,3\n", Channels.Instagram)]
    [InlineData("\"Post ID\",\"Publish time\",Permalink,\"Page ID\",Likes\n1,10/02/2026 08:15,https://example.com/p/1,2,3\n", null)]
    [InlineData("\"Post ID\",\"Publish time\",Permalink\n", null)]
    [InlineData("\"Post ID\",\"Publish time\",Views,Permalink\n1,10/02/2026 08:15,5\n", null)]
    [InlineData("\"Post ID\",Views\n1,5\n", null)]
    [InlineData("Publicerings-id,Publiceringstid,Permalänk,Sid-id,Likes\n1,10/02/2026 08:15,https://www.instagram.com/p/1,2,3\n", Channels.Instagram)]
    [InlineData("Publicerings-id,Publiceringstid,Permalänk,Permalink,Sid-id,Likes\n1,10/02/2026 08:15,,https://www.facebook.com/p/1,2,3\n", Channels.Facebook)]
    public void Channel_TiedColumns_PermalinkDecidesOrNothing(string head, string? expected)
    {
        Assert.Equal(expected, MetaExport.Channel(CsvPreview.Parse(head)));
    }

    /// <summary>
    /// A post with an ID and a <c>Data comment</c> is read (only a row without its post is Meta's failure), and a row with
    /// neither is refused for its missing ID, not with an empty comment: catches the failed-row test's conditions loosened.
    /// </summary>
    [Fact]
    public async Task ReadAsync_DataCommentBesideAPostOrEmpty_NotTakenForMetasFailure()
    {
        var text = "\"Post ID\",\"Page ID\",\"Publish time\",Views,\"Data comment\"\n1,2,10/02/2026 08:15,5,Boosted\n,2,10/02/2026 08:15,6,\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(5, Assert.Single(result.Posts).Impressions);
        Assert.Equal(new RejectedRow(3, 1, "Post ID: expected a value, found an empty cell"), Assert.Single(result.Rejected));
    }
}
