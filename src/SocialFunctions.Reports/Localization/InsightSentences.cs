using System.Globalization;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// Words the insights Core chose (<see cref="Insight.Kind"/> and its numbers) as the sentences a leader reads first, in
/// English and French. Percentages carry a space before the sign in both languages; numbers follow the locale.
/// </summary>
public sealed class InsightSentences : IInsightWording
{
    string IInsightWording.Sentence(Insight insight, ReportMonth month, ReportLocale locale) => Sentence(insight, month, locale);

    public static string Sentence(Insight insight, ReportMonth month, ReportLocale locale)
    {
        ArgumentNullException.ThrowIfNull(insight);
        var fr = locale.Language == ReportLanguage.French;
        var c = locale.Culture;
        var channel = insight.Channel is { } id ? ChannelNames.Of(id) : string.Empty;
        var previous = month.AddMonths(-1);
        double value = insight.Value ?? 0, reference = insight.Reference ?? 0, change = insight.Change ?? 0;
        return insight.Kind switch
        {
            InsightKind.Total => Total(insight.Totals, month, c, fr),
            InsightKind.MetricMove when fr =>
                $"{Capitalize(Label(insight.Metric!, true))} {channel} en {(change > 0 ? "hausse" : "baisse")} de {Percent(Math.Abs(change), c)} par rapport à {MonthName(previous, c)} " +
                $"({Format(insight.Metric!, value, c)} contre {Format(insight.Metric!, reference, c)})" +
                (insight.Streak is { } s ? $", au plus {(change > 0 ? "haut" : "bas")} depuis {s} mois." : "."),
            InsightKind.MetricMove =>
                $"{channel} {Label(insight.Metric!, false)} {(change > 0 ? "up" : "down")} {Percent(Math.Abs(change), c)} vs {MonthName(previous, c)} " +
                $"({Format(insight.Metric!, value, c)} vs {Format(insight.Metric!, reference, c)})" +
                (insight.Streak is { } s ? $", {(change > 0 ? "best" : "lowest")} in {s} months." : "."),
            InsightKind.NoMoves when fr =>
                $"Aucun réseau n'a varié de {Percent(insight.Threshold ?? 0, c)} ou plus par rapport à {MonthName(previous, c)}.",
            InsightKind.NoMoves =>
                $"No channel moved by {Percent(insight.Threshold ?? 0, c)} or more vs {MonthName(previous, c)}.",
            InsightKind.SeriesGap when fr =>
                $"Série « {insight.Series} » sur {channel} : taux d'engagement de {Rate(value, c)} contre {Rate(reference, c)} pour les autres publications du réseau ({Signed(change, c)}), sur {insight.Posts} publications.",
            InsightKind.SeriesGap =>
                $"Series “{insight.Series}” on {channel}: engagement rate {Rate(value, c)} vs {Rate(reference, c)} for the channel's other posts ({Signed(change, c)}), over {insight.Posts} posts.",
            InsightKind.Cadence when fr =>
                $"{channel} a publié {value.ToString("0", c)} des {reference.ToString("0.#", c)} publications prévues sur les {insight.Weeks} semaines couvrant {MonthName(month, c)} ({Percent(value / reference, c)} du plan).",
            InsightKind.Cadence =>
                $"{channel} published {value.ToString("0", c)} of {reference.ToString("0.#", c)} planned posts in the {insight.Weeks} weeks of {MonthName(month, c)} ({Percent(value / reference, c)} of plan).",
            InsightKind.StraddlingRanges when fr =>
                $"{channel} n'a pas de chiffres pour {MonthName(month, c)} : ses exports couvrent des périodes sur plusieurs mois, qui ne sont pas réparties entre les mois (exportez un mois civil à la fois).",
            InsightKind.StraddlingRanges =>
                $"{channel} shows no {MonthName(month, c)} figures: its exports are ranges spanning several months, which are not split between months (export one calendar month at a time).",
            InsightKind.NoCoverage when fr =>
                $"Aucun export {channel} ne couvre {MonthName(month, c)} : ses chiffres sont manquants, pas nuls, et ses tendances ne sont pas commentées.",
            InsightKind.NoCoverage =>
                $"No {channel} export covers {MonthName(month, c)}: its figures are missing, not zero, and its trends are not reported.",
            InsightKind.CoverageGaps when fr =>
                $"Aucun export {channel} ne couvre {Ranges(insight.Gaps, c, fr)} : ces jours sont manquants, pas nuls, et les tendances {channel} ne sont pas commentées.",
            InsightKind.CoverageGaps =>
                $"No {channel} export covers {Ranges(insight.Gaps, c, fr)}: those days are missing, not zero, so {channel} trends are not reported.",
            InsightKind.PreviousMonthGaps when fr =>
                $"{channel} n'est pas comparé à {MonthName(previous, c)} : aucun export ne couvre {Ranges(insight.Gaps, c, fr)}.",
            InsightKind.PreviousMonthGaps =>
                $"{channel} is not compared with {MonthName(previous, c)}: no export covers {Ranges(insight.Gaps, c, fr)}.",
            _ => throw new ArgumentOutOfRangeException(nameof(insight), insight.Kind, "Unknown insight kind."),
        };
    }

    /// <summary>
    /// "All channels: 15,284 engagements (+12 % vs September, +20 % vs October 2025) from 212 posts; reach 1,204,332
    /// (+8 %); engagement rate 3.1 % (−6 %)." — each comparison only where it could be made like for like.
    /// </summary>
    private static string Total(OverallTotals? totals, ReportMonth month, CultureInfo c, bool fr)
    {
        if (totals is null)
        {
            return fr ? "Aucun canal n'a de chiffres ce mois-ci." : "No channel has figures this month.";
        }

        var now = totals.Current;
        var previous = MonthName(month.AddMonths(-1), c);
        var lastYear = MonthName(month.AddMonths(-12), c) + " " + month.AddMonths(-12).Year.ToString(CultureInfo.InvariantCulture);
        string? Compare(string metric, bool withYear)
        {
            var parts = new List<string>();
            if (totals.Mom.GetValueOrDefault(metric) is { } mom)
            {
                parts.Add(withYear ? $"{Signed(mom, c)} vs {previous}" : Signed(mom, c));
            }

            if (withYear && totals.Yoy.GetValueOrDefault(metric) is { } yoy)
            {
                parts.Add($"{Signed(yoy, c)} vs {lastYear}");
            }

            return parts.Count == 0 ? null : $" ({string.Join(", ", parts)})";
        }

        var pieces = new List<string>();
        if (now.Engagements is { } engagements)
        {
            pieces.Add(fr
                ? $"{engagements.ToString("N0", c)} engagements{Compare(MetricNames.Engagements, true)} pour {now.Posts.ToString("N0", c)} publications"
                : $"{engagements.ToString("N0", c)} engagements{Compare(MetricNames.Engagements, true)} from {now.Posts.ToString("N0", c)} posts");
        }
        else
        {
            pieces.Add(fr ? $"{now.Posts.ToString("N0", c)} publications{Compare(MetricNames.Posts, true)}" : $"{now.Posts.ToString("N0", c)} posts{Compare(MetricNames.Posts, true)}");
        }

        if (now.Reach is { } reach)
        {
            pieces.Add(fr ? $"portée {reach.ToString("N0", c)}{Compare(MetricNames.Reach, false)}" : $"reach {reach.ToString("N0", c)}{Compare(MetricNames.Reach, false)}");
        }
        else if (now.Impressions is { } impressions)
        {
            pieces.Add($"{impressions.ToString("N0", c)} impressions{Compare(MetricNames.Impressions, false)}");
        }

        if (now.EngagementRate is { } rate)
        {
            pieces.Add(fr ? $"taux d'engagement {Rate(rate, c)}{Compare(MetricNames.EngagementRate, false)}" : $"engagement rate {Rate(rate, c)}{Compare(MetricNames.EngagementRate, false)}");
        }

        return (fr ? "Tous les canaux : " : "All channels: ") + string.Join("; ", pieces) + ".";
    }

    private static string Label(string metric, bool inFrench) => (metric, inFrench) switch
    {
        ("impressions", _) => "impressions",
        ("reach", false) => "reach",
        ("reach", true) => "portée",
        ("engagements", _) => "engagements",
        ("saves", false) => "saves",
        ("saves", true) => "enregistrements",
        ("shares", false) => "shares",
        ("shares", true) => "partages",
        ("engagementRate", false) => "engagement rate",
        ("engagementRate", true) => "taux d'engagement",
        ("clicks", false) => "clicks",
        ("clicks", true) => "clics",
        ("ctr", _) => "CTR",
        ("videoViews", false) => "video views",
        ("videoViews", true) => "vues vidéo",
        ("watchTimeSeconds", false) => "watch time",
        ("watchTimeSeconds", true) => "durée de visionnage",
        ("followerGrowth", false) => "follower growth",
        ("followerGrowth", true) => "croissance des abonnés",
        _ => metric,
    };

    private static string Format(string metric, double value, CultureInfo culture) => metric switch
    {
        "engagementRate" or "ctr" => Rate(value, culture),
        "watchTimeSeconds" => (value / 3600).ToString("N1", culture) + " h",
        "followerGrowth" => (value > 0 ? "+" : string.Empty) + value.ToString("N0", culture),
        _ => value.ToString("N0", culture),
    };

    /// <summary>A rate as a percentage with one decimal: "4.1 %" / "4,1 %".</summary>
    private static string Rate(double rate, CultureInfo culture) => (rate * 100).ToString("N1", culture) + " %";

    /// <summary>A fraction as a whole percentage: "18 %".</summary>
    private static string Percent(double fraction, CultureInfo culture) => (fraction * 100).ToString("N0", culture) + " %";

    // ASCII minus, as in the report's tables: the shipped font has no U+2212, and a dropped sign would turn a fall into a rise.
    private static string Signed(double fraction, CultureInfo culture) => (fraction < 0 ? "-" : "+") + Percent(Math.Abs(fraction), culture);

    private static string MonthName(ReportMonth m, CultureInfo culture) => culture.DateTimeFormat.GetMonthName(m.Month);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"12–18 October and 30 October" / "du 12 au 18 octobre et le 30 octobre".</summary>
    private static string Ranges(IReadOnlyList<DateRange>? gaps, CultureInfo culture, bool french)
    {
        gaps ??= [];
        var parts = gaps.Select(g =>
        {
            var monthName = culture.DateTimeFormat.GetMonthName(g.To.Month);
            if (g.From == g.To)
            {
                return french ? $"le {g.From.Day} {monthName}" : $"{g.From.Day} {monthName}";
            }

            return french ? $"du {g.From.Day} au {g.To.Day} {monthName}" : $"{g.From.Day}–{g.To.Day} {monthName}";
        }).ToList();
        var and = french ? " et " : " and ";
        if (parts.Count == 0)
        {
            return string.Empty;
        }

        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + and + parts[^1];
    }
}
