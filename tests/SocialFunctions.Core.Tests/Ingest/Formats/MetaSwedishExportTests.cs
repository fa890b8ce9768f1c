using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Meta Business Suite content exports downloaded in Swedish, with the quirks of the real ones (docs/exports.md): Swedish
/// headers and English twins of some columns, each row filling one of the two; publish times still MM/DD/YYYY; post types
/// in both languages; a post written on two rows with part of its metrics on each. Fixtures invented (fixtures.mjs).
/// </summary>
public sealed class MetaSwedishExportTests
{
    private static DateTimeOffset Utc(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

    /// <summary>
    /// Catches a Swedish name misspelt or dropped (the export is unknown, or a metric null), the English twin not read
    /// beside the Swedish name (row 2 rejected for its empty Publicerings-id, its views 0), a Swedish post type mapped
    /// to Other, and a day-first reading of the dates (02/14 is February 14).
    /// </summary>
    [Fact]
    public async Task Facebook_SwedishExport_EveryColumnAndTwinRead()
    {
        var result = await ExportFixtures.ReadAsync("facebook/posts-swedish.csv");

        Assert.Equal("facebook-posts", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(5, result.PostRows.Count);
        var first = result.Post("122700000000000001");
        Assert.Equal((1200L, 800L, 30L, 4L, 2L, 15L, 36L), (first.Impressions, first.Reach, first.Reactions, first.Comments, first.Shares, first.Clicks, first.PlatformEngagements));
        Assert.Equal(("Måndagsrostning", "https://www.facebook.com/lumenkaffe/posts/122700000000000001", ContentTypes.Image), (first.Text, first.Permalink, first.ContentType));
        Assert.Equal(Utc("2026-02-02T07:15:00Z"), first.PublishedAt);

        var twin = result.Post("122700000000000002");
        Assert.Equal((950L, 610L, 12L, 8L), (twin.Impressions, twin.Reach, twin.Reactions, twin.Clicks));
        Assert.Equal(("Vårblandning,\nnu i butik", ContentTypes.Image), (twin.Text, twin.ContentType));
        Assert.Equal(Utc("2026-02-14T16:40:00Z"), twin.PublishedAt);

        var link = result.Post("122700000000000004");
        Assert.Equal((0L, 0L, 2L, ContentTypes.Link), (link.Impressions, link.Reach, link.Clicks, link.ContentType));
    }

    /// <summary>
    /// The post on two rows (views on the first, reach and interactions on the second) is stored whole from its last
    /// row, and the second row's empty views are not taken for views Meta left out: catches the rows not combined (the
    /// stored post then has no views, or no reach), and the missing-views check run before combining (a false warning).
    /// </summary>
    [Fact]
    public async Task Facebook_PostOnTwoRows_LastRowCombinesBothAndWarnsOnce()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.File("facebook/posts-swedish.csv"));

        var rows = result.Posts.Where(p => p.PostId == "122700000000000003").ToList();
        Assert.Equal(2, rows.Count);
        var stored = rows[^1];
        Assert.Equal((5000L, 3100L, 120L, 9L, 6L, 28L, 135L, 41000d), (stored.Impressions, stored.Reach, stored.Reactions, stored.Comments, stored.Shares, stored.Clicks, stored.PlatformEngagements, stored.WatchTimeSeconds));
        Assert.Equal(ContentTypes.Video, stored.ContentType);
        Assert.Equal(
            "posts-swedish.csv: 1 row repeats a post of earlier rows (the first at line 7); Meta writes some posts twice, with part of their metrics on each row. Each such post is stored once, with the larger of its rows' values for each metric.",
            Assert.Single(result.Warnings));
    }

    /// <summary>
    /// Catches a Swedish Instagram name misspelt (Gilla-markeringar, Sparade objekt…), the account read only from the
    /// Swedish twins (row 2's account is under the English names: the export would still be Instagram by its other
    /// columns, so the posts are what is checked), the Swedish IG types, and a repeated post's larger views not kept.
    /// </summary>
    [Fact]
    public async Task Instagram_SwedishExport_EveryColumnReadAndRepeatedPostCombined()
    {
        var result = await ExportFixtures.ReadAsync("instagram/posts-swedish.csv");

        Assert.Equal("instagram-posts", result.Format);
        Assert.Empty(result.Rejected);
        var image = result.Post("17900000000000001");
        Assert.Equal((900L, 700L, 40L, 2L, 1L, 3L), (image.Impressions, image.Reach, image.Reactions, image.Comments, image.Shares, image.Saves));
        Assert.Equal(("Bryggtips ☕", "https://www.instagram.com/p/LumenA1/", ContentTypes.Image), (image.Text, image.Permalink, image.ContentType));
        Assert.Equal(Utc("2026-02-03T06:30:00Z"), image.PublishedAt);
        Assert.Equal(ContentTypes.Carousel, result.Post("17900000000000003").ContentType);
        var reel = result.Posts.Where(p => p.PostId == "17900000000000002").ToList();
        Assert.Equal(2, reel.Count);
        Assert.Equal((4001L, 2600L, 150L, 20L, ContentTypes.Reel), (reel[^1].Impressions, reel[^1].Reach, reel[^1].Reactions, reel[^1].Saves, reel[^1].ContentType));
        Assert.Contains("1 row repeats a post", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    /// <summary>
    /// Each Swedish column name read on its own (no English twin): a case fails when its name is misspelt in
    /// <see cref="MetaExport"/> or wired to another metric.
    /// </summary>
    [Theory]
    [InlineData("Visningar", "views")]
    [InlineData("Räckvidd", "reach")]
    [InlineData("Reaktioner", "reactions")]
    [InlineData("Kommentarer", "comments")]
    [InlineData("Delningar", "shares")]
    [InlineData("Länkklick", "clicks")]
    [InlineData("Totalt antal klick", "clicks")]
    [InlineData("Sekunder visad", "watch")]
    [InlineData("3-sekunders videovisningar", "video-views")]
    [InlineData("Reaktioner, kommentarer och delningar", "engagements")]
    [InlineData("Titel", "text")]
    [InlineData("Beskrivning", "text")]
    [InlineData("Permalänk", "permalink")]
    public async Task Facebook_SwedishColumnAlone_ReadIntoItsMetric(string column, string metric)
    {
        var text = $"Publicerings-id,Sid-id,Publiceringstid,\"{column}\"\n1,2,10/02/2026 08:15,7\n";

        var post = Assert.Single((await ExportFixtures.ReadAsync(ExportFixtures.Text(text))).Posts);

        Assert.Equal("7", Metric(post, metric));
    }

    /// <summary>The Instagram-only Swedish names, each read into its metric (and deciding the network with Konto-id).</summary>
    [Theory]
    [InlineData("Gilla-markeringar", "reactions")]
    [InlineData("Sparade objekt", "saves")]
    [InlineData("Visningar", "views")]
    [InlineData("Räckvidd", "reach")]
    public async Task Instagram_SwedishColumnAlone_ReadIntoItsMetric(string column, string metric)
    {
        var text = $"Publicerings-id,Konto-id,Publiceringstid,\"{column}\"\n1,2,10/02/2026 08:15,7\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal("instagram-posts", result.Format);
        Assert.Equal("7", Metric(Assert.Single(result.Posts), metric));
    }

    /// <summary>
    /// A Swedish <c>Inläggstyp</c> and a failed row under <c>Datakommentar</c> (no Publicerings-id): catches both names
    /// misspelt, and the failed-row test reading only the first of a twin id column (row 3 has its id under Post ID).
    /// </summary>
    [Fact]
    public async Task Facebook_SwedishTypeAndDataComment_ReadAsTheEnglishOnes()
    {
        var text = "Publicerings-id,Sid-id,Publiceringstid,Inläggstyp,Datakommentar,Visningar,Post ID\n"
            + "1,2,10/02/2026 08:15,Videor,,5,\n"
            + ",2,10/02/2026 08:15,Foton,Ett fel uppstod,6,\n"
            + ",2,10/03/2026 08:15,Länkar,Ett fel uppstod,7,3\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(ContentTypes.Video, result.Post("1").ContentType);
        Assert.Equal(ContentTypes.Link, result.Post("3").ContentType);
        Assert.Equal(new RejectedRow(3, 1, "Meta could not export this post (Data comment: 'Ett fel uppstod'); export the period again later"), Assert.Single(result.Rejected));
    }

    /// <summary>
    /// A multi-page export (the real Swedish ones hold 24 to 42 pages or accounts) says how many pages its posts are of,
    /// their ids read from either twin (row 3's page is only under the English name); one page says nothing. Catches the
    /// warning dropped, its count off by the twin, and a warning for a single page.
    /// </summary>
    [Theory]
    [InlineData("Publicerings-id,Sid-id,Publiceringstid,Visningar,\"Page ID\"\n1,7,10/02/2026 08:15,5,\n2,8,10/02/2026 08:15,5,\n3,,10/02/2026 08:15,5,9\n", "multi.csv: the posts are of 3 Facebook pages (Page ID), all stored under this brand; if they are not all the brand's, export each one alone and upload it to its own brand.")]
    [InlineData("Publicerings-id,Konto-id,Publiceringstid,Visningar\n1,7,10/02/2026 08:15,5\n2,8,10/02/2026 08:15,5\n", "multi.csv: the posts are of 2 Instagram accounts (Account ID), all stored under this brand; if they are not all the brand's, export each one alone and upload it to its own brand.")]
    [InlineData("Publicerings-id,Sid-id,Publiceringstid,Visningar\n1,7,10/02/2026 08:15,5\n2,7,10/02/2026 08:15,5\n", null)]
    public async Task ReadAsync_PostsOfSeveralPages_WarnedWithTheirCount(string text, string? warning)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text, "multi.csv"));

        Assert.Empty(result.Rejected);
        Assert.Equal(warning is null ? [] : [warning], result.Warnings);
    }

    private static string? Metric(CanonicalPost post, string metric) => metric switch
    {
        "views" => post.Impressions?.ToString(CultureInfo.InvariantCulture),
        "reach" => post.Reach?.ToString(CultureInfo.InvariantCulture),
        "reactions" => post.Reactions?.ToString(CultureInfo.InvariantCulture),
        "comments" => post.Comments?.ToString(CultureInfo.InvariantCulture),
        "shares" => post.Shares?.ToString(CultureInfo.InvariantCulture),
        "saves" => post.Saves?.ToString(CultureInfo.InvariantCulture),
        "clicks" => post.Clicks?.ToString(CultureInfo.InvariantCulture),
        "watch" => post.WatchTimeSeconds?.ToString(CultureInfo.InvariantCulture),
        "video-views" => post.VideoViews?.ToString(CultureInfo.InvariantCulture),
        "engagements" => post.PlatformEngagements?.ToString(CultureInfo.InvariantCulture),
        "text" => post.Text,
        "permalink" => post.Permalink,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
