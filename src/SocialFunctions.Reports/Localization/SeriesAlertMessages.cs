using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Series;
using static SocialFunctions.Reports.Localization.AdaptiveCard;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// A series alert as people read it, in the brand's locale: the Teams card (an Adaptive Card 1.5, the newest version
/// Teams renders, wrapped in the Workflows webhook payload
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",...}]}</c>) and the mail
/// sent when the brand has team recipients but no webhook. The card's post table is truncated (oldest rows first) so the
/// whole message stays under <see cref="MaxPayloadBytes"/>.
/// </summary>
public sealed class SeriesAlertMessages : ISeriesAlertWording
{
    /// <summary>Teams rejects messages of about 28 KB; keep a margin for the transport.</summary>
    public const int MaxPayloadBytes = 27 * 1024;

    private const int MaxPostTextLength = 80;

    byte[] ISeriesAlertWording.TeamsPayload(SeriesAlert alert) => BuildPayload(alert);

    ComposedMail ISeriesAlertWording.AlertMail(SeriesAlert alert) => Mail(alert);

    /// <summary>The webhook payload, as UTF-8 JSON bytes no larger than <paramref name="maxBytes"/>.</summary>
    public static byte[] BuildPayload(SeriesAlert alert, int maxBytes = MaxPayloadBytes)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var posts = alert.Health.RecentPosts;
        for (var shown = posts.Count; shown >= 0; shown--)
        {
            var bytes = AdaptiveCard.Message(BuildCard(alert, shown));
            if (bytes.Length <= maxBytes)
            {
                return bytes;
            }
        }

        throw new InvalidOperationException($"The alert card for series '{alert.Health.Series}' exceeds {maxBytes} bytes even without its post table.");
    }

    /// <summary>The card itself (the <c>content</c> of the attachment), showing the last <paramref name="postsShown"/> posts.</summary>
    public static JsonObject BuildCard(SeriesAlert alert, int postsShown)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var health = alert.Health;
        var words = Words.For(alert.Locale);
        var facts = new JsonArray();
        foreach (var (title, value) in Facts(alert))
        {
            facts.Add(new JsonObject { ["title"] = title, ["value"] = value });
        }

        var body = new JsonArray
        {
            Text(SeriesWords.AlertTitle(alert.Kind, Inert(health.Series), health.Channel, alert.Locale), size: "Large", weight: "Bolder", color: alert.Kind == AlertKind.Recovered ? "Good" : "Attention"),
            Text(string.Format(alert.Locale.Culture, words.Subtitle, Inert(alert.BrandDisplayName)), isSubtle: true),
            Text(SeriesWords.Evidence(health, alert.Locale, alert.TimeZone), weight: "Bolder"),
            new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
        };

        var shown = health.RecentPosts.Skip(Math.Max(0, health.RecentPosts.Count - postsShown)).ToArray();
        if (shown.Length > 0)
        {
            body.Add(Text(words.LatestPosts, weight: "Bolder"));
            body.Add(PostTable(shown, alert.Locale, words));
        }

        if (shown.Length < health.RecentPosts.Count)
        {
            body.Add(Text(string.Format(alert.Locale.Culture, words.OlderPostsNotShown, health.RecentPosts.Count - shown.Length), isSubtle: true));
        }

        return AdaptiveCard.Card(body, [OpenUrl(words.SeriesData, alert.SeriesUrl), OpenUrl(ReportLinkTitle(alert), alert.ReportUrl)]);
    }

    /// <summary>The alert as a mail to the social team: the title, the same facts as the card, and the same two links.</summary>
    public static ComposedMail Mail(SeriesAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var words = Words.For(alert.Locale);
        var subject = SeriesWords.AlertTitle(alert.Kind, alert.Health.Series, alert.Health.Channel, alert.Locale);
        var html = new StringBuilder();
        html.Append("<h2>").Append(WebUtility.HtmlEncode(subject)).Append("</h2><p>")
            .Append(WebUtility.HtmlEncode(string.Format(alert.Locale.Culture, words.Subtitle, alert.BrandDisplayName))).Append("</p><p><strong>")
            .Append(WebUtility.HtmlEncode(SeriesWords.Evidence(alert.Health, alert.Locale, alert.TimeZone))).Append("</strong></p><table>");
        foreach (var (title, value) in Facts(alert))
        {
            html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(title)).Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
        }

        html.Append("</table><p><a href=\"").Append(WebUtility.HtmlEncode(alert.SeriesUrl)).Append("\">").Append(WebUtility.HtmlEncode(words.SeriesData))
            .Append("</a> · <a href=\"").Append(WebUtility.HtmlEncode(alert.ReportUrl)).Append("\">").Append(WebUtility.HtmlEncode(ReportLinkTitle(alert)))
            .Append("</a></p>");
        return new ComposedMail(subject, html.ToString());
    }

    private static IEnumerable<(string Title, string Value)> Facts(SeriesAlert alert)
    {
        var health = alert.Health;
        var words = Words.For(alert.Locale);
        var culture = alert.Locale.Culture;
        yield return (words.RecentEr, Percent(health.RecentEngagementRate, "0.00", alert.Locale));
        yield return (words.BaselineEr, Percent(health.BaselineEngagementRate, "0.00", alert.Locale));
        yield return (words.Gap, health.RelativeGap is { } gap
            ? (gap >= 0 ? "+" : "−") + Math.Abs(gap * 100).ToString("0", culture) + " %"
            : words.NotAvailable);
        yield return (words.Posts, string.Format(culture, words.PostsValue, health.Posts, health.BaselinePosts));
        yield return (words.Confidence, Percent(health.Confidence, "0", alert.Locale));
        yield return (words.Since, health.Since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? words.NotAvailable);
    }

    private static string ReportLinkTitle(SeriesAlert alert) =>
        string.Format(alert.Locale.Culture, Words.For(alert.Locale).Report, new ReportFormatter(alert.Locale).Month(alert.ReportMonth));

    private static JsonObject PostTable(IReadOnlyList<SeriesPostPoint> posts, ReportLocale locale, Words words)
    {
        var rows = new JsonArray { Row(true, words.Date, words.Impressions, words.Er, words.Post) };
        foreach (var post in posts)
        {
            rows.Add(Row(
                false,
                post.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                post.Impressions.ToString("N0", locale.Culture),
                Percent(post.EngagementRate, "0.00", locale),
                PostLabel(post)));
        }

        return new JsonObject
        {
            ["type"] = "Table",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = false,
            ["columns"] = new JsonArray
            {
                new JsonObject { ["width"] = 2 },
                new JsonObject { ["width"] = 2 },
                new JsonObject { ["width"] = 1 },
                new JsonObject { ["width"] = 4 },
            },
            ["rows"] = rows,
        };
    }

    private static JsonObject Row(bool header, params string[] cells)
    {
        var array = new JsonArray();
        foreach (var cell in cells)
        {
            array.Add(new JsonObject { ["type"] = "TableCell", ["items"] = new JsonArray { Text(cell, size: "Small", weight: header ? "Bolder" : null) } });
        }

        return new JsonObject { ["type"] = "TableRow", ["cells"] = array };
    }

    private static string PostLabel(SeriesPostPoint post)
    {
        var text = string.IsNullOrWhiteSpace(post.Text) ? post.PostId : post.Text.ReplaceLineEndings(" ").Trim();
        if (text.Length > MaxPostTextLength)
        {
            text = string.Concat(text.AsSpan(0, MaxPostTextLength - 1), "…");
        }

        // Markdown links are the only way to link inside a TextBlock; brackets in the label would break the link.
        return post.Permalink is { } link && Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"[{Inert(EscapeLinkText(text))}]({uri.AbsoluteUri})"
            : Inert(text);
    }

    private static string EscapeLinkText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '[' or ']' ? '\'' : c);
        }

        return builder.ToString();
    }

    private static string Percent(double? value, string format, ReportLocale locale) =>
        value is { } v ? (v * 100).ToString(format, locale.Culture) + " %" : Words.For(locale).NotAvailable;

    private sealed record Words(
        string Subtitle, string RecentEr, string BaselineEr, string Gap, string Posts, string PostsValue, string Confidence, string Since,
        string NotAvailable, string LatestPosts, string OlderPostsNotShown, string Date, string Impressions, string Er, string Post, string SeriesData, string Report)
    {
        private static readonly Words English = new(
            "{0} · engagement rate of the series' posts since it turned weak vs the channel's other posts (last 90 days)",
            "Recent ER", "Baseline ER", "Gap", "Posts", "{0} since the onset, {1} baseline", "Confidence", "Since",
            "n/a", "Latest posts", "{0} older posts not shown.", "Date", "Impressions", "ER", "Post", "Series data", "Report {0}");

        private static readonly Words French = new(
            "{0} · taux d'engagement des publications de la série depuis son décrochage comparé aux autres publications du réseau (90 derniers jours)",
            "Taux récent", "Taux de référence", "Écart", "Publications", "{0} depuis le décrochage, {1} de référence", "Confiance", "Depuis",
            "n.d.", "Dernières publications", "{0} publications plus anciennes non affichées.", "Date", "Impressions", "Taux", "Publication", "Données des séries", "Rapport {0}");

        public static Words For(ReportLocale locale) => locale.Language == ReportLanguage.French ? French : English;
    }
}
