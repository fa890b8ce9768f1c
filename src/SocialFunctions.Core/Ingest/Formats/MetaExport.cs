using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>What the Meta Business Suite writers (Facebook and Instagram content exports) have in common.</summary>
internal static class MetaExport
{
    /// <summary><c>Publish time</c>: <c>MM/DD/YYYY HH:MM</c> in the page's zone (the brand's), no zone written.</summary>
    public static readonly string[] PublishTimeFormats =
    [
        "MM/dd/yyyy HH:mm", "M/d/yyyy HH:mm", "M/d/yyyy H:mm", "MM/dd/yyyy HH:mm:ss", "M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
    ];

    public const string PublishTimeExpected = "a date like 10/27/2026 14:05";

    /// <summary>Facebook and Instagram <c>Post type</c> values → canonical content types.</summary>
    public static string ContentType(string? postType) => postType?.Trim().ToLowerInvariant() switch
    {
        null or "" => ContentTypes.Other,
        "photos" or "photo" or "ig image" or "image" => ContentTypes.Image,
        "videos" or "video" or "ig video" => ContentTypes.Video,
        "reels" or "reel" or "ig reel" => ContentTypes.Reel,
        "links" or "link" => ContentTypes.Link,
        "ig carousel" or "carousel" or "carousel_album" or "album" => ContentTypes.Carousel,
        "ig story" or "story" or "stories" => ContentTypes.Story,
        "status" or "text" or "statuses" => ContentTypes.Text,
        _ => ContentTypes.Other,
    };
}
