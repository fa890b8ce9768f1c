using System.Globalization;

namespace SocialFunctions.Core.Series;

/// <summary>
/// The detector's evidence in one plain English sentence, e.g. "−41 % over 9 posts since 12 Sep; 7 of the 9 below the
/// channel's median for reels". The one place these words live: the API, the Teams card, the alert mail and the report call
/// <see cref="Describe"/>. Culture-explicit (invariant digits, English month names), so the server's culture never leaks in.
/// </summary>
public static class SeriesEvidenceFormatter
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <param name="health">A verdict of <see cref="SeriesDetector"/>.</param>
    /// <param name="timeZone">The brand's time zone for the onset date; UTC when null.</param>
    public static string Describe(SeriesHealth health, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(health);
        if (health.RelativeGap is not { } gap || health.OnsetAt is not { } onset || health.Posts == 0)
        {
            return health.Posts == 0
                ? "No recent post to judge"
                : string.Create(Culture, $"Too few posts to judge: {health.Posts} of the series and {health.BaselinePosts} other posts of the channel in the window");
        }

        var zone = timeZone ?? TimeZoneInfo.Utc;
        var start = TimeZoneInfo.ConvertTime(onset, zone);
        var end = health.RecentPosts.Count > 0 ? TimeZoneInfo.ConvertTime(health.RecentPosts[^1].PublishedAt, zone) : start;
        var date = start.ToString(start.Year == end.Year ? "d MMM" : "d MMM yyyy", Culture);
        var posts = health.Posts == 1 ? "1 post" : string.Create(Culture, $"{health.Posts} posts");
        return string.Create(Culture, $"{Percent(gap)} over {posts} since {date}; {health.PostsBelowMedian} of the {health.Posts} below the channel's median{Basis(health)}");
    }

    private static string Percent(double gap)
    {
        var rounded = Math.Round(gap * 100, MidpointRounding.AwayFromZero);
        var sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "";
        return sign + Math.Abs(rounded).ToString("0", Culture) + " %";
    }

    private static string Basis(SeriesHealth health) => health.BaselineBasis switch
    {
        SeriesBaselineBasis.ContentType when health.BaselineContentType is { } type => " for " + TypePlural(type),
        SeriesBaselineBasis.ContentType => " for their post type",
        SeriesBaselineBasis.AllTypes => " (all post types)",
        SeriesBaselineBasis.Mixed => " (by post type where the channel has enough)",
        _ => "",
    };

    private static string TypePlural(string contentType) => contentType switch
    {
        Records.ContentTypes.Image => "images",
        Records.ContentTypes.Video => "videos",
        Records.ContentTypes.Carousel => "carousels",
        Records.ContentTypes.Link => "link posts",
        Records.ContentTypes.Text => "text posts",
        Records.ContentTypes.Reel => "reels",
        Records.ContentTypes.Story => "stories",
        Records.ContentTypes.Short => "shorts",
        Records.ContentTypes.Article => "articles",
        _ => "posts of that type",
    };
}
