using System.Globalization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The words about series health, shared by the PDF's series table, the Teams card, the alert mail, the weekly digest and
/// the series API: the status names, the alert titles and the detector's evidence in one sentence, in English and French.
/// </summary>
public sealed class SeriesWords : ISeriesWording
{
    string ISeriesWording.Evidence(SeriesHealth health, TimeZoneInfo? timeZone, ReportLocale locale) => Evidence(health, locale, timeZone);

    /// <summary>"Underperforming" / "Sous-performe" for a <see cref="SeriesStatus"/>; the raw status when unknown.</summary>
    public static string Status(string status, ReportLocale locale) =>
        ReportLabels.For(locale).Statuses.TryGetValue(status, out var word) ? word : status;

    /// <summary>The alert title: "Underperforming: Tips on Instagram", "Sous-performe : Tips sur Instagram", …</summary>
    public static string AlertTitle(string kind, string series, string channel, ReportLocale locale)
    {
        var name = ChannelNames.Of(channel);
        return (kind, locale.Language) switch
        {
            (Core.Alerts.AlertKind.Recovered, ReportLanguage.French) => $"Rétablie : {series} sur {name} est revenue près de sa référence",
            (Core.Alerts.AlertKind.Recovered, _) => $"Recovered: {series} on {name} is back near its baseline",
            (Core.Alerts.AlertKind.Reminder, ReportLanguage.French) => $"Toujours sous la référence : {series} sur {name}",
            (Core.Alerts.AlertKind.Reminder, _) => $"Still underperforming: {series} on {name}",
            (_, ReportLanguage.French) => $"Sous-performe : {series} sur {name}",
            _ => $"Underperforming: {series} on {name}",
        };
    }

    /// <summary>
    /// The detector's evidence in one sentence: "−41 % over 9 posts since 12 Sep; 7 of the 9 below the channel's median
    /// for reels" / "−41 % sur 9 publications depuis le 12 sept. ; 7 sur 9 sous la médiane du réseau pour les reels".
    /// The onset is dated in <paramref name="timeZone"/> (the brand's; UTC when null); digits and month names follow the
    /// locale, never the server's culture.
    /// </summary>
    public static string Evidence(SeriesHealth health, ReportLocale locale, TimeZoneInfo? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(health);
        var fr = locale.Language == ReportLanguage.French;
        var culture = fr ? locale.Culture : CultureInfo.InvariantCulture;
        if (health.RelativeGap is not { } gap || health.OnsetAt is not { } onset || health.Posts == 0)
        {
            return (health.Posts == 0, fr) switch
            {
                (true, true) => "Aucune publication récente à juger",
                (true, false) => "No recent post to judge",
                (false, true) => string.Create(culture, $"Trop peu de publications pour juger : {health.Posts} de la série et {health.BaselinePosts} autres publications du réseau dans la fenêtre"),
                _ => string.Create(culture, $"Too few posts to judge: {health.Posts} of the series and {health.BaselinePosts} other posts of the channel in the window"),
            };
        }

        var zone = timeZone ?? TimeZoneInfo.Utc;
        var start = TimeZoneInfo.ConvertTime(onset, zone);
        var end = health.RecentPosts.Count > 0 ? TimeZoneInfo.ConvertTime(health.RecentPosts[^1].PublishedAt, zone) : start;
        var date = start.ToString(start.Year == end.Year ? "d MMM" : "d MMM yyyy", culture);
        var percent = Percent(gap, culture);
        if (fr)
        {
            var posts = health.Posts == 1 ? "1 publication" : string.Create(culture, $"{health.Posts} publications");
            return string.Create(culture, $"{percent} sur {posts} depuis le {date} ; {health.PostsBelowMedian} sur {health.Posts} sous la médiane du réseau{BasisFrench(health)}");
        }

        var postsEn = health.Posts == 1 ? "1 post" : string.Create(culture, $"{health.Posts} posts");
        return string.Create(culture, $"{percent} over {postsEn} since {date}; {health.PostsBelowMedian} of the {health.Posts} below the channel's median{Basis(health)}");
    }

    private static string Percent(double gap, CultureInfo culture)
    {
        var rounded = Math.Round(gap * 100, MidpointRounding.AwayFromZero);
        var sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "";
        return sign + Math.Abs(rounded).ToString("0", culture) + " %";
    }

    private static string Basis(SeriesHealth health) => health.BaselineBasis switch
    {
        SeriesBaselineBasis.ContentType when health.BaselineContentType is { } type => " for " + TypePlural(type, french: false),
        SeriesBaselineBasis.ContentType => " for their post type",
        SeriesBaselineBasis.AllTypes => " (all post types)",
        SeriesBaselineBasis.Mixed => " (by post type where the channel has enough)",
        _ => "",
    };

    private static string BasisFrench(SeriesHealth health) => health.BaselineBasis switch
    {
        SeriesBaselineBasis.ContentType when health.BaselineContentType is { } type => " pour les " + TypePlural(type, french: true),
        SeriesBaselineBasis.ContentType => " pour leur type de publication",
        SeriesBaselineBasis.AllTypes => " (tous types de publication)",
        SeriesBaselineBasis.Mixed => " (par type de publication là où le réseau en a assez)",
        _ => "",
    };

    /// <summary>The plural of a content type as a sentence uses it: "reels", "link posts" / "reels", "liens".</summary>
    public static string TypePlural(string contentType, bool french) => (contentType, french) switch
    {
        (ContentTypes.Image, false) => "images",
        (ContentTypes.Image, true) => "images",
        (ContentTypes.Video, false) => "videos",
        (ContentTypes.Video, true) => "vidéos",
        (ContentTypes.Carousel, false) => "carousels",
        (ContentTypes.Carousel, true) => "carrousels",
        (ContentTypes.Link, false) => "link posts",
        (ContentTypes.Link, true) => "liens",
        (ContentTypes.Text, false) => "text posts",
        (ContentTypes.Text, true) => "textes",
        (ContentTypes.Reel, _) => "reels",
        (ContentTypes.Story, false) => "stories",
        (ContentTypes.Story, true) => "stories",
        (ContentTypes.Short, false) => "shorts",
        (ContentTypes.Short, true) => "shorts",
        (ContentTypes.Article, false) => "articles",
        (ContentTypes.Article, true) => "articles",
        (_, false) => "posts of that type",
        (_, true) => "publications de ce type",
    };
}
