using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Ports;
using static SocialFunctions.Reports.Localization.AdaptiveCard;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// The weekly status digest as the social team reads it, in the brand's language: a mail and a Teams card (Adaptive Card
/// 1.5 in the Workflows webhook payload) with the same five parts — posts against targets per channel, series whose
/// status changed, overdue exports, the week's best post, and the link to the team's page. Every text from users or
/// exports is HTML-encoded in the mail; post texts are shortened in the card so it stays under Teams' size limit.
/// </summary>
public sealed class WeeklyDigestMessages : IDigestWording
{
    private const int MaxPostTextLength = 140;


    ComposedMail IDigestWording.DigestMail(WeeklyDigest digest) => Mail(digest);

    byte[] IDigestWording.TeamsPayload(WeeklyDigest digest) => Payload(digest);

    public static string Subject(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var words = Words.For(digest.Locale);
        return string.Format(digest.Locale.Culture, words.Subject, digest.DisplayName, WeekNumber(digest.Week), Range(digest));
    }

    public static ComposedMail Mail(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var words = Words.For(digest.Locale);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif;color:#1f2933\">");
        html.Append("<h2>").Append(Encode(Subject(digest))).Append("</h2>");

        html.Append("<h3>").Append(Encode(words.PostsHeading)).Append("</h3>");
        if (digest.Channels.Count == 0)
        {
            html.Append("<p>").Append(Encode(words.NoPosts)).Append("</p>");
        }
        else
        {
            html.Append("<table cellpadding=\"4\"><tr><th align=\"left\">").Append(Encode(words.Channel)).Append("</th><th align=\"right\">")
                .Append(Encode(words.Posts)).Append("</th><th align=\"right\">").Append(Encode(words.Target)).Append("</th><th align=\"left\"></th></tr>");
            foreach (var channel in digest.Channels)
            {
                html.Append("<tr><td>").Append(Encode(ChannelNames.Of(channel.Channel))).Append("</td><td align=\"right\">")
                    .Append(channel.Posts.ToString("N0", digest.Locale.Culture)).Append("</td><td align=\"right\">")
                    .Append(Encode(channel.Target is { } t ? t.ToString("0.#", digest.Locale.Culture) : "—")).Append("</td><td>")
                    .Append(Encode(TargetWord(channel, words))).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h3>").Append(Encode(words.SeriesHeading)).Append("</h3>");
        AppendList(html, SeriesLines(digest), words.NoSeriesChanges);
        html.Append("<h3>").Append(Encode(words.OverdueHeading)).Append("</h3>");
        AppendList(html, OverdueLines(digest), words.NothingOverdue);
        html.Append("<h3>").Append(Encode(words.BestHeading)).Append("</h3>");
        if (BestLine(digest) is { } best)
        {
            html.Append("<p>").Append(Encode(best));
            if (digest.BestPost?.Permalink is { } link && IsWebLink(link))
            {
                html.Append(" — <a href=\"").Append(Encode(link)).Append("\">").Append(Encode(words.OpenPost)).Append("</a>");
            }

            html.Append("</p>");
        }
        else
        {
            html.Append("<p>").Append(Encode(words.NoBestPost)).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(Encode(digest.PageUrl)).Append("\">").Append(Encode(words.OpenPage)).Append("</a></p>");
        html.Append("</body></html>");
        return new ComposedMail(Subject(digest), html.ToString());
    }

    public static byte[] Payload(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var words = Words.For(digest.Locale);
        var culture = digest.Locale.Culture;
        var facts = new JsonArray();
        foreach (var channel in digest.Channels)
        {
            var value = channel.Target is { } t
                ? $"{channel.Posts.ToString("N0", culture)} / {t.ToString("0.#", culture)} · {TargetWord(channel, words)}"
                : channel.Posts.ToString("N0", culture);
            facts.Add(new JsonObject { ["title"] = ChannelNames.Of(channel.Channel), ["value"] = value });
        }

        var body = new JsonArray
        {
            Text(Subject(digest), size: "Large", weight: "Bolder"),
            Text(words.PostsHeading, weight: "Bolder"),
            digest.Channels.Count == 0 ? Text(words.NoPosts, isSubtle: true) : new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            Text(words.SeriesHeading, weight: "Bolder"),
        };
        AddLines(body, SeriesLines(digest), words.NoSeriesChanges);
        body.Add(Text(words.OverdueHeading, weight: "Bolder"));
        AddLines(body, OverdueLines(digest), words.NothingOverdue);
        body.Add(Text(words.BestHeading, weight: "Bolder"));
        body.Add(Text(BestLine(digest) is { } best ? Inert(best) : words.NoBestPost, isSubtle: digest.BestPost is null));
        var actions = new JsonArray { OpenUrl(words.OpenPage, digest.PageUrl) };
        if (digest.BestPost?.Permalink is { } permalink && IsWebLink(permalink))
        {
            actions.Add(OpenUrl(words.OpenPost, permalink));
        }

        return Message(Card(body, actions));
    }

    private static string TargetWord(DigestChannel channel, Words words) => channel.Target is { } target
        ? channel.Posts >= target ? words.OnTarget : string.Format(CultureInfo.InvariantCulture, words.Behind, Math.Ceiling(target - channel.Posts))
        : words.NoTarget;

    private static List<string> SeriesLines(WeeklyDigest digest) =>
    [
        .. digest.SeriesChanges.Select(change =>
        {
            var before = change.Before is { } b ? SeriesWords.Status(b, digest.Locale) : Words.For(digest.Locale).New;
            var after = SeriesWords.Status(change.After, digest.Locale);
            var fr = digest.Locale.Language == ReportLanguage.French;
            return $"{change.Series} {(fr ? "sur" : "on")} {ChannelNames.Of(change.Channel)}{(fr ? " : " : ": ")}{before} → {after} — {SeriesWords.Evidence(change.Health, digest.Locale, digest.Clock.Zone)}";
        }),
    ];

    private static List<string> OverdueLines(WeeklyDigest digest)
    {
        var words = Words.For(digest.Locale);
        return
        [
            .. digest.OverdueExports.Select(o => o.LastCovered is { } last
                ? string.Format(digest.Locale.Culture, words.OverdueSince, ChannelNames.Of(o.Channel), ShortDate(last, digest.Locale), o.DaysUncovered)
                : string.Format(digest.Locale.Culture, words.NeverExported, ChannelNames.Of(o.Channel))),
        ];
    }

    private static string? BestLine(WeeklyDigest digest)
    {
        if (digest.BestPost is not { } post)
        {
            return null;
        }

        var text = string.IsNullOrWhiteSpace(post.Text) ? post.PostId : post.Text.ReplaceLineEndings(" ").Trim();
        if (text.Length > MaxPostTextLength)
        {
            text = string.Concat(text.AsSpan(0, MaxPostTextLength - 1), "…");
        }

        var format = new ReportFormatter(digest.Locale);
        var rate = format.Rate(post.EngagementRate).Replace('\u00A0', ' ');
        var words = Words.For(digest.Locale);
        return $"{ChannelNames.Of(post.Channel)} · {ShortDate(digest.Clock.LocalDate(post.PublishedAt), digest.Locale)} · {string.Format(digest.Locale.Culture, words.Rate, rate)} · {format.Count(post.Impressions).Replace('\u00A0', ' ')} impressions · “{text}”";
    }

    private static string WeekNumber(DigestWeek week) => week.Key[^2..].TrimStart('0');

    private static string Range(WeeklyDigest digest) => $"{ShortDate(digest.Week.Monday, digest.Locale)} – {ShortDate(digest.Week.Sunday, digest.Locale)}";

    private static string ShortDate(DateOnly date, ReportLocale locale) =>
        date.ToString(locale.Language == ReportLanguage.French ? "d MMM" : "d MMM", locale.Culture);

    private static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void AppendList(StringBuilder html, List<string> lines, string none)
    {
        if (lines.Count == 0)
        {
            html.Append("<p>").Append(Encode(none)).Append("</p>");
            return;
        }

        html.Append("<ul>");
        foreach (var line in lines)
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void AddLines(JsonArray body, List<string> lines, string none)
    {
        if (lines.Count == 0)
        {
            body.Add(Text(none, isSubtle: true));
        }

        foreach (var line in lines)
        {
            body.Add(Text("• " + Inert(line)));
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private sealed record Words(
        string Subject, string PostsHeading, string NoPosts, string Channel, string Posts, string Target, string OnTarget, string Behind, string NoTarget,
        string SeriesHeading, string NoSeriesChanges, string New, string OverdueHeading, string NothingOverdue, string OverdueSince, string NeverExported,
        string BestHeading, string NoBestPost, string OpenPost, string OpenPage, string Rate)
    {
        private static readonly Words English = new(
            "{0} · weekly social status, week {1} ({2})",
            "Posts last week against targets", "No post was published and no channel has a target.", "Channel", "Posts", "Target", "on target", "{0} short", "no target",
            "Series whose status changed", "No series changed status this week.", "new",
            "Exports overdue", "Every channel's exports cover the week.", "{0}: the last export covers up to {1}, {2} days before the week ended — upload a new export.",
            "{0}: no export uploaded yet — upload one.",
            "Best post of the week", "No post of the week has enough impressions to rank.", "Open the post", "Open the team page", "ER {0}");

        private static readonly Words French = new(
            "{0} · point social hebdomadaire, semaine {1} ({2})",
            "Publications de la semaine face aux objectifs", "Aucune publication et aucun objectif de canal.", "Canal", "Publications", "Objectif", "objectif atteint", "{0} de moins", "sans objectif",
            "Séries dont le statut a changé", "Aucune série n'a changé de statut cette semaine.", "nouvelle",
            "Exports en retard", "Les exports de chaque canal couvrent la semaine.", "{0} : le dernier export s'arrête au {1}, {2} jours avant la fin de la semaine — importez un nouvel export.",
            "{0} : aucun export importé — importez-en un.",
            "Meilleure publication de la semaine", "Aucune publication de la semaine n'a assez d'impressions pour être classée.", "Voir la publication", "Ouvrir la page de l'équipe", "taux d'engagement {0}");

        public static Words For(ReportLocale locale) => locale.Language == ReportLanguage.French ? French : English;
    }
}
