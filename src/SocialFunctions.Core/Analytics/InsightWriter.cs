using System.Globalization;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// The few sentences a leader reads first, each carrying the numbers it rests on. Order:
/// <list type="number">
/// <item>month-over-month moves of the funnel focus' headline metrics (largest moves first, at most 3);</item>
/// <item>the series furthest below its channel baseline, and the one furthest above it (when the gap is large and rests
/// on enough posts);</item>
/// <item>the channel furthest behind its posting plan;</item>
/// <item>other metric moves, up to <see cref="TrendReportOptions.MaxInsights"/> sentences in all;</item>
/// <item>coverage caveats: every channel with days no export covers, or whose only exports are ranges spanning
/// several months (not split between months, so the month shows nothing).</item>
/// </list>
/// A channel with a coverage gap in the report month or the previous month gets no trend sentence (a drop may be a
/// missing file); "best/lowest in N months" counts back only through months without gaps.
/// </summary>
internal sealed class InsightWriter(
    ReportMonth month,
    string funnelFocus,
    bool french,
    TrendReportOptions options,
    Func<string, ReportMonth, ChannelCoverage> coverage,
    Func<string, bool> onlyStraddlingRanges)
{
    private const int MaxFocusInsights = 3;
    private const int MinimumStreak = 3;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public IReadOnlyList<Insight> Write(IReadOnlyList<ChannelTrend> channels, IReadOnlyList<SeriesPerformance> series, IReadOnlyList<CadenceWeek> cadence)
    {
        var headline = MetricNames.HeadlineOf(funnelFocus);
        var moves = channels.Where(IsComparable).SelectMany(MovesOf).ToList();
        var focus = moves.Where(m => headline.Contains(m.Metric))
            .OrderByDescending(m => Math.Abs(m.Change ?? 0)).ThenBy(m => headline.ToList().IndexOf(m.Metric!))
            .Take(MaxFocusInsights);
        var others = moves.Where(m => !headline.Contains(m.Metric)).OrderByDescending(m => Math.Abs(m.Change ?? 0));

        var chosen = focus.ToList();
        chosen.AddRange(SeriesInsights(series));

        if (CadenceInsight(cadence) is { } c)
        {
            chosen.Add(c);
        }

        chosen.AddRange(others.Take(Math.Max(0, options.MaxInsights - chosen.Count)));
        if (chosen.Count == 0 && channels.Any(IsComparable))
        {
            chosen.Add(Sentence(
                null, null, null, null, null,
                $"No channel moved by {Percent(options.MinimumInsightChange, English)} or more vs {MonthName(month.AddMonths(-1), English)}.",
                $"Aucune chaîne n'a varié de {Percent(options.MinimumInsightChange, French)} ou plus par rapport à {MonthName(month.AddMonths(-1), French)}."));
        }

        chosen.AddRange(channels.SelectMany(t => Caveats(t.Channel)));
        return chosen.Select((insight, i) => insight with { Rank = i + 1 }).ToList();
    }

    private bool IsComparable(ChannelTrend trend) => HasNoGaps(trend.Channel, month) && HasNoGaps(trend.Channel, month.AddMonths(-1));

    private bool HasNoGaps(string channel, ReportMonth m) => coverage(channel, m).Gaps.Count == 0;

    private IEnumerable<Insight> MovesOf(ChannelTrend trend)
    {
        foreach (var metric in MetricNames.All.Where(m => m != MetricNames.Posts))
        {
            if (trend.Mom.GetValueOrDefault(metric) is not { } change || Math.Abs(change) < options.MinimumInsightChange || trend.Previous is null)
            {
                continue;
            }

            var value = MetricNames.ValueOf(trend, metric)!.Value;
            var reference = MetricNames.ValueOf(trend.Previous, metric)!.Value;
            // A rate rests on its numerator: a CTR built on 2 clicks is no more a headline than the 2 clicks.
            double? basis = metric switch
            {
                MetricNames.EngagementRate => trend.Previous.Engagements,
                MetricNames.Ctr => trend.Previous.Clicks,
                _ => reference,
            };
            if (basis is null || basis < options.MinimumInsightBase)
            {
                continue;
            }

            var streak = Streak(trend, metric, value, change > 0);
            var channel = Channels.DisplayName(trend.Channel);
            var previous = month.AddMonths(-1);
            var en = $"{channel} {Label(metric, false)} {(change > 0 ? "up" : "down")} {Percent(Math.Abs(change), English)} vs {MonthName(previous, English)} " +
                     $"({Format(metric, value, English)} vs {Format(metric, reference, English)})" +
                     (streak >= MinimumStreak ? $", {(change > 0 ? "best" : "lowest")} in {streak} months." : ".");
            var fr = $"{Capitalize(Label(metric, true))} {channel} en {(change > 0 ? "hausse" : "baisse")} de {Percent(Math.Abs(change), French)} par rapport à {MonthName(previous, French)} " +
                     $"({Format(metric, value, French)} contre {Format(metric, reference, French)})" +
                     (streak >= MinimumStreak ? $", au plus {(change > 0 ? "haut" : "bas")} depuis {streak} mois." : ".");
            yield return Sentence(trend.Channel, metric, value, reference, change, en, fr);
        }
    }

    /// <summary>How many months, this one included, the value beats (or undercuts) without interruption.</summary>
    private int Streak(ChannelTrend trend, string metric, double value, bool up)
    {
        var streak = 1;
        var history = trend.History;
        for (var i = history.Count - 2; i >= 0; i--)
        {
            var m = ReportMonth.Parse(history[i].Month);
            if (!HasNoGaps(trend.Channel, m) || MetricNames.ValueOf(history[i], metric) is not { } earlier || (up ? earlier >= value : earlier <= value))
            {
                break;
            }

            streak++;
        }

        return streak;
    }

    private IEnumerable<Insight> SeriesInsights(IReadOnlyList<SeriesPerformance> series)
    {
        var notable = series
            .Where(s => s.RelativeGap is { } gap && Math.Abs(gap) >= options.MinimumSeriesGap && s.Posts >= options.MinimumSeriesPosts)
            .ToList();
        var worst = notable.Where(s => s.RelativeGap < 0).OrderBy(s => s.RelativeGap).FirstOrDefault();
        var best = notable.Where(s => s.RelativeGap > 0).OrderByDescending(s => s.RelativeGap).FirstOrDefault();
        return new[] { worst, best }.OfType<SeriesPerformance>().Select(SeriesInsight);
    }

    private Insight SeriesInsight(SeriesPerformance performance)
    {
        var channel = Channels.DisplayName(performance.Channel);
        var er = performance.EngagementRate!.Value;
        var baseline = performance.BaselineEngagementRate!.Value;
        var gap = performance.RelativeGap!.Value;
        return Sentence(
            performance.Channel, MetricNames.EngagementRate, er, baseline, gap,
            $"Series “{performance.Series}” on {channel}: engagement rate {Rate(er, English)} vs {Rate(baseline, English)} for the channel's other posts ({Signed(gap, English)}), over {performance.Posts} posts.",
            $"Série « {performance.Series} » sur {channel} : taux d'engagement de {Rate(er, French)} contre {Rate(baseline, French)} pour les autres publications de la chaîne ({Signed(gap, French)}), sur {performance.Posts} publications.");
    }

    private Insight? CadenceInsight(IReadOnlyList<CadenceWeek> cadence)
    {
        var worst = cadence
            .Where(w => w.Target is > 0)
            .GroupBy(w => w.Channel)
            .Select(g => (Channel: g.Key, Weeks: g.Count(), Posts: g.Sum(w => w.Posts), Planned: g.Sum(w => w.Target!.Value)))
            .Select(c => (c.Channel, c.Weeks, c.Posts, c.Planned, Adherence: c.Posts / c.Planned))
            .Where(c => c.Adherence < options.CadenceShortfall)
            .OrderBy(c => c.Adherence)
            .FirstOrDefault();
        if (worst.Channel is null)
        {
            return null;
        }

        var channel = Channels.DisplayName(worst.Channel);
        return Sentence(
            worst.Channel, "adherence", worst.Posts, worst.Planned, null,
            $"{channel} published {worst.Posts} of {worst.Planned.ToString("0.#", English)} planned posts in the {worst.Weeks} weeks of {MonthName(month, English)} ({Percent(worst.Adherence, English)} of plan).",
            $"{channel} a publié {worst.Posts} des {worst.Planned.ToString("0.#", French)} publications prévues sur les {worst.Weeks} semaines couvrant {MonthName(month, French)} ({Percent(worst.Adherence, French)} du plan).");
    }

    private IEnumerable<Insight> Caveats(string channelId)
    {
        var channel = Channels.DisplayName(channelId);
        var current = coverage(channelId, month);
        if (onlyStraddlingRanges(channelId))
        {
            yield return Sentence(
                channelId, "coverage", null, null, null,
                $"{channel} shows no {MonthName(month, English)} figures: its exports are ranges spanning several months, which are not split between months (export one calendar month at a time).",
                $"{channel} n'a pas de chiffres pour {MonthName(month, French)} : ses exports couvrent des périodes sur plusieurs mois, qui ne sont pas réparties entre les mois (exportez un mois civil à la fois).");
        }

        if (current.CoveredDays == 0)
        {
            yield return Sentence(
                channelId, "coverage", 0, current.DaysInMonth, null,
                $"No {channel} export covers {MonthName(month, English)}: its figures are missing, not zero, and its trends are not reported.",
                $"Aucun export {channel} ne couvre {MonthName(month, French)} : ses chiffres sont manquants, pas nuls, et ses tendances ne sont pas commentées.");
        }
        else if (current.Gaps.Count > 0)
        {
            yield return Sentence(
                channelId, "coverage", current.CoveredDays, current.DaysInMonth, null,
                $"No {channel} export covers {Ranges(current.Gaps, English)}: those days are missing, not zero, so {channel} trends are not reported.",
                $"Aucun export {channel} ne couvre {Ranges(current.Gaps, French)} : ces jours sont manquants, pas nuls, et les tendances {channel} ne sont pas commentées.");
        }
        else if (coverage(channelId, month.AddMonths(-1)) is { Gaps.Count: > 0 } previous)
        {
            yield return Sentence(
                channelId, "coverage", previous.CoveredDays, previous.DaysInMonth, null,
                $"{channel} is not compared with {MonthName(month.AddMonths(-1), English)}: no export covers {Ranges(previous.Gaps, English)}.",
                $"{channel} n'est pas comparé à {MonthName(month.AddMonths(-1), French)} : aucun export ne couvre {Ranges(previous.Gaps, French)}.");
        }
    }

    private Insight Sentence(string? channel, string? metric, double? value, double? reference, double? change, string en, string fr) => new()
    {
        Rank = 0,
        Text = en,
        LocalizedText = french ? fr : en,
        Channel = channel,
        Metric = metric,
        Value = value,
        Reference = reference,
        Change = change,
    };

    private static string Label(string metric, bool inFrench) => (metric, inFrench) switch
    {
        (MetricNames.Impressions, _) => "impressions",
        (MetricNames.Reach, false) => "reach",
        (MetricNames.Reach, true) => "portée",
        (MetricNames.Engagements, _) => "engagements",
        (MetricNames.EngagementRate, false) => "engagement rate",
        (MetricNames.EngagementRate, true) => "taux d'engagement",
        (MetricNames.Clicks, false) => "clicks",
        (MetricNames.Clicks, true) => "clics",
        (MetricNames.Ctr, _) => "CTR",
        (MetricNames.VideoViews, false) => "video views",
        (MetricNames.VideoViews, true) => "vues vidéo",
        (MetricNames.WatchTimeSeconds, false) => "watch time",
        (MetricNames.WatchTimeSeconds, true) => "durée de visionnage",
        (MetricNames.FollowerGrowth, false) => "follower growth",
        (MetricNames.FollowerGrowth, true) => "croissance des abonnés",
        _ => metric,
    };

    private static string Format(string metric, double value, CultureInfo culture) => metric switch
    {
        MetricNames.EngagementRate or MetricNames.Ctr => Rate(value, culture),
        MetricNames.WatchTimeSeconds => (value / 3600).ToString("N1", culture) + " h",
        MetricNames.FollowerGrowth => (value > 0 ? "+" : string.Empty) + value.ToString("N0", culture),
        _ => value.ToString("N0", culture),
    };

    /// <summary>A rate as a percentage with one decimal: "4.1 %" / "4,1 %".</summary>
    private static string Rate(double rate, CultureInfo culture) => (rate * 100).ToString("N1", culture) + " %";

    /// <summary>A fraction as a whole percentage: "18 %".</summary>
    private static string Percent(double fraction, CultureInfo culture) => (fraction * 100).ToString("N0", culture) + " %";

    private static string Signed(double fraction, CultureInfo culture) => (fraction < 0 ? "−" : "+") + Percent(Math.Abs(fraction), culture);

    private static string MonthName(ReportMonth m, CultureInfo culture) => culture.DateTimeFormat.GetMonthName(m.Month);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"12–18 October and 30 October" / "du 12 au 18 octobre et le 30 octobre".</summary>
    private static string Ranges(IReadOnlyList<DateRange> gaps, CultureInfo culture)
    {
        var isFrench = culture.TwoLetterISOLanguageName == "fr";
        var parts = gaps.Select(g =>
        {
            var monthName = culture.DateTimeFormat.GetMonthName(g.To.Month);
            if (g.From == g.To)
            {
                return isFrench ? $"le {g.From.Day} {monthName}" : $"{g.From.Day} {monthName}";
            }

            return isFrench ? $"du {g.From.Day} au {g.To.Day} {monthName}" : $"{g.From.Day}–{g.To.Day} {monthName}";
        }).ToList();
        var and = isFrench ? " et " : " and ";
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + and + parts[^1];
    }
}
