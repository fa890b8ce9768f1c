using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>What the Meta Business Suite writers (Facebook and Instagram content exports) have in common.</summary>
internal static class MetaExport
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    /// <summary>
    /// <c>Publish time</c>: <c>MM/DD/YYYY HH:MM</c> in the page's zone (the brand's), no zone written. <c>M</c>, <c>d</c> and
    /// <c>H</c> also read two digits, so <c>M/d/yyyy H:mm</c> stands for its <c>MM/dd/yyyy HH:mm</c> forms. Built per file:
    /// a reader keeps it for its rows.
    /// </summary>
    public static string[] PublishTimeFormats =>
    [
        "M/d/yyyy H:mm", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
    ];

    public const string PublishTimeExpected = "a date like 10/27/2026 14:05";

    // Column names: English, Swedish (seen in real exports), Portuguese (Instagram's, from code that reads real Brazilian
    // exports and two rows it quotes: no whole file seen), docs/exports.md. A file may hold both names of a column: Meta
    // writes some rows under the English name and the others under the translated one, each row filling one of the two
    // (every row of the real Swedish files), so a column is all its names together (Column).
    public static string[] PostId => ["Post ID", "Publicerings-id", "Identificação do post"];

    public static string[] PublishTimeNames => ["Publish time", "Publiceringstid", "Horário de publicação"];

    public static string[] PageId => ["Page ID", "Sid-id"];

    public static string[] AccountId => ["Account ID", "Konto-id", "Identificação da conta"];

    public static string[] Title => ["Title", "Titel"];

    public static string[] Description => ["Description", "Beskrivning", "Descrição"];

    public static string[] Permalink => ["Permalink", "Permalänk", "Link permanente"];

    public static string[] PostType => ["Post type", "Inläggstyp", "Tipo de post"];

    public static string[] DataComment => ["Data comment", "Datakommentar", "Comentário de dados"];

    /// <summary>
    /// <c>Date</c>: what the row's metrics cover — the post's lifetime (<c>Lifetime</c>, <c>Livstid</c>, <c>Total</c>), or
    /// one day of it in Meta's breakdown by day (see <see cref="DayRow"/>).
    /// </summary>
    public static string[] Date => ["Date", "Datum", "Data"];

    public static string[] Views => ["Views", "Visningar", "Visualizações"];

    public static string[] Reach => ["Reach", "Räckvidd", "Alcance"];

    public static string[] Reactions => ["Reactions", "Reaktioner"];

    public static string[] Comments => ["Comments", "Kommentarer", "Comentários"];

    public static string[] Shares => ["Shares", "Delningar", "Compartilhamentos"];

    public static string[] Likes => ["Likes", "Gilla-markeringar", "Curtidas"];

    public static string[] Saves => ["Saves", "Sparade objekt", "Salvamentos"];

    public static string[] LinkClicks => ["Link Clicks", "Länkklick"];

    public static string[] TotalClicks => ["Total clicks", "Totalt antal klick"];

    public static string[] OtherClicks => ["Other clicks", "Övriga klick"];

    public static string[] SecondsViewed => ["Seconds viewed", "Sekunder visad"];

    public static string[] ThreeSecondViews => ["3-second video views", "3-sekunders videovisningar"];

    public static string[] ReactionsCommentsShares => ["Reactions, comments and shares", "Reaktioner, kommentarer och delningar"];

    private static string[][] FacebookOnly =>
    [
        PageId, ["Page name", "Sidnamn"], Reactions, TotalClicks, OtherClicks, ["Is crosspost", "Är korspublicering"],
        ["Is share", "Delat"], ReactionsCommentsShares, SecondsViewed, LinkClicks,
    ];

    private static string[][] InstagramOnly =>
    [
        AccountId, ["Account username", "Kontots användarnamn", "Nome de usuário da conta"],
        ["Account name", "Kontonamn", "Nome da conta"], Likes, Saves, ["Follows", "Följer", "Seguimentos"],
    ];

    /// <summary>
    /// Every column named by one of <paramref name="names"/> (a column's English and translated names), as one column in
    /// file order: a row's cell is its first non-empty one (<see cref="TableColumn.Cell"/>), and the column is named as
    /// the first of them is. Absent when none is in the header.
    /// </summary>
    public static TableColumn Column(TableHeader header, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(names);
        var indexes = new SortedSet<int>();
        foreach (var alias in names)
        {
            indexes.UnionWith(header.Find(alias).Indexes);
        }

        return indexes.Count == 0 ? TableColumn.Absent : new TableColumn(header.Names[indexes.Min], [.. indexes]);
    }

    /// <summary>The first of <paramref name="columns"/> (each a column's names) the header has, as <see cref="Column"/> reads it.</summary>
    public static TableColumn FirstColumn(TableHeader header, params string[][] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var names in columns)
        {
            var column = Column(header, names);
            if (column.IsPresent)
            {
                return column;
            }
        }

        return TableColumn.Absent;
    }

    /// <summary>Like <see cref="Column"/>, but a missing column makes the export unreadable (the header's error names it).</summary>
    public static TableColumn RequiredColumn(TableHeader header, params string[] names)
    {
        var column = Column(header, names);
        return column.IsPresent ? column : header.Require(names);
    }

    /// <summary>
    /// Which network a Meta Business Suite content export is from. Columns are user-selectable, so this weighs the
    /// columns only one of them writes and, on a tie, looks at the first post's permalink; null when not such an export.
    /// </summary>
    public static string? Channel(CsvPreview preview)
    {
        if (preview.Records.Count == 0)
        {
            return null;
        }

        var header = new TableHeader(preview.Records[0].Fields, preview.Records[0].Line);
        if (!header.Has(PostId) || !header.Has(PublishTimeNames))
        {
            return null;
        }

        var facebook = FacebookOnly.Count(names => header.Has(names));
        var instagram = InstagramOnly.Count(names => header.Has(names));
        if (facebook != instagram)
        {
            return facebook > instagram ? Channels.Facebook : Channels.Instagram;
        }

        var fields = preview.Records.Count > 1 ? preview.Records[1].Fields : [];
        var link = Column(header, Permalink).Indexes.Where(i => i < fields.Length).Select(i => fields[i]).FirstOrDefault(f => !string.IsNullOrWhiteSpace(f)) ?? string.Empty;
        return link.Contains("instagram.com", StringComparison.OrdinalIgnoreCase) ? Channels.Instagram
            : link.Contains("facebook.com", StringComparison.OrdinalIgnoreCase) ? Channels.Facebook
            : null;
    }

    /// <summary>
    /// The <c>Publish time</c> cell as a UTC instant (the page's local time, taken as the brand's zone);
    /// <paramref name="formats"/> is the reader's copy of <see cref="PublishTimeFormats"/>.
    /// </summary>
    public static DateTimeOffset? PublishTime(TableCells cells, TableColumn column, string[] formats, LocalClock clock) =>
        cells.LocalTime(column, formats, clock, PublishTimeExpected);

    /// <summary>
    /// A row Meta wrote without its post: no <c>Post ID</c>, and a <c>Data comment</c> such as "An error occurred while
    /// computing metadata for content with ID …" (seen in real 2024 exports). Refused with Meta's own words.
    /// </summary>
    public static RejectedRow? FailedRow(ExportTable record, TableColumn postId, TableColumn dataComment)
    {
        if (!postId.IsPresent || !postId.Cell(record, out _).IsWhiteSpace() || !dataComment.IsPresent)
        {
            return null;
        }

        var comment = dataComment.Cell(record, out _).Trim();
        return comment.IsEmpty
            ? null
            : new RejectedRow(record.Line, postId.Index + 1, $"Meta could not export this post (Data comment: '{comment}'); export the period again later");
    }

    /// <summary>
    /// A row of Meta's breakdown by day (one row per post and day, its <c>Date</c> a day instead of <c>Lifetime</c>; such
    /// exports were met by teams reading Swedish and Portuguese ones): the row holds one day of the post, not its totals,
    /// and storing it as the post would keep one day's numbers. Refused, saying what to export instead. A <c>Date</c>
    /// cell with a digit is taken for a day: the lifetime words have none.
    /// </summary>
    public static RejectedRow? DayRow(ExportTable record, TableColumn date)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!date.IsPresent)
        {
            return null;
        }

        var cell = date.Cell(record, out var field).Trim();
        return cell.IndexOfAnyInRange('0', '9') < 0
            ? null
            : new RejectedRow(record.GetFieldLine(field), field + 1, $"{date.Name} '{TableCells.Shorten(cell)}': this row is one day of a post (Meta's breakdown by day), not the post's lifetime totals; export the posts again with their lifetime totals (Date 'Lifetime'), one row per post");
    }

    /// <summary>
    /// Facebook and Instagram <c>Post type</c> values → canonical content types; Swedish (<c>Foton</c>, <c>Videor</c>,
    /// <c>Länkar</c>, <c>IG-bild</c>, <c>IG-reel</c>, <c>IG-carousel</c>) as real Swedish exports write them, beside English
    /// values in the same file.
    /// </summary>
    public static string ContentType(string? postType) => postType?.Trim().ToLowerInvariant() switch
    {
        // Stryker disable once String : equivalent, any other text falls to the last arm, which is Other too
        null or "" => ContentTypes.Other,
        "photos" or "photo" or "ig image" or "image" or "foton" or "ig-bild" => ContentTypes.Image,
        "videos" or "video" or "ig video" or "live" or "live video" or "videor" => ContentTypes.Video,
        "reels" or "reel" or "ig reel" or "ig-reel" or "reel do instagram" => ContentTypes.Reel,
        "links" or "link" or "länkar" => ContentTypes.Link,
        "ig carousel" or "carousel" or "carousel_album" or "album" or "multi-photo" or "ig-carousel" => ContentTypes.Carousel,
        "ig story" or "story" or "stories" => ContentTypes.Story,
        "status" or "text" or "statuses" => ContentTypes.Text,
        _ => ContentTypes.Other,
    };
}
