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

    private static string[] FacebookOnly =>
        ["Page ID", "Page name", "Reactions", "Total clicks", "Other clicks", "Is crosspost", "Is share", "Reactions, comments and shares", "Seconds viewed", "Link Clicks"];

    private static string[] InstagramOnly => ["Account ID", "Account username", "Account name", "Likes", "Saves", "Follows"];

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
        if (!header.Has("Post ID") || !header.Has("Publish time"))
        {
            return null;
        }

        var facebook = FacebookOnly.Count(name => header.Has(name));
        var instagram = InstagramOnly.Count(name => header.Has(name));
        if (facebook != instagram)
        {
            return facebook > instagram ? Channels.Facebook : Channels.Instagram;
        }

        var permalink = header.Find("Permalink");
        var link = permalink.IsPresent && preview.Records.Count > 1 && permalink.Index < preview.Records[1].Fields.Length
            ? preview.Records[1].Fields[permalink.Index]
            : string.Empty;
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
        if (!postId.IsPresent || !record.GetSpan(postId.Index).IsWhiteSpace() || !dataComment.IsPresent)
        {
            return null;
        }

        var comment = record.GetSpan(dataComment.Index).Trim();
        return comment.IsEmpty
            ? null
            : new RejectedRow(record.Line, postId.Index + 1, $"Meta could not export this post (Data comment: '{comment}'); export the period again later");
    }

    /// <summary>Facebook and Instagram <c>Post type</c> values → canonical content types.</summary>
    public static string ContentType(string? postType) => postType?.Trim().ToLowerInvariant() switch
    {
        // Stryker disable once String : equivalent, any other text falls to the last arm, which is Other too
        null or "" => ContentTypes.Other,
        "photos" or "photo" or "ig image" or "image" => ContentTypes.Image,
        "videos" or "video" or "ig video" or "live" or "live video" => ContentTypes.Video,
        "reels" or "reel" or "ig reel" => ContentTypes.Reel,
        "links" or "link" => ContentTypes.Link,
        "ig carousel" or "carousel" or "carousel_album" or "album" or "multi-photo" => ContentTypes.Carousel,
        "ig story" or "story" or "stories" => ContentTypes.Story,
        "status" or "text" or "statuses" => ContentTypes.Text,
        _ => ContentTypes.Other,
    };
}
