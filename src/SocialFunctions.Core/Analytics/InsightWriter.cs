using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// The few insights a leader reads first, each carrying the numbers it rests on (the Reports project words them). Order:
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
    FunnelFocus funnelFocus,
    TrendReportOptions options,
    Func<string, ReportMonth, ChannelCoverage> coverage,
    Func<string, bool> onlyStraddlingRanges)
{
    private const int MaxFocusInsights = 3;
    private const int MinimumStreak = 3;

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
            chosen.Add(new Insight { Rank = 0, Kind = InsightKind.NoMoves, Threshold = options.MinimumInsightChange });
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
            yield return new Insight
            {
                Rank = 0,
                Kind = InsightKind.MetricMove,
                Channel = trend.Channel,
                Metric = metric,
                Value = value,
                Reference = reference,
                Change = change,
                Streak = streak >= MinimumStreak ? streak : null,
            };
        }
    }

    /// <summary>How many months, this one included, the value beats (or undercuts) without interruption.</summary>
    private int Streak(ChannelTrend trend, string metric, double value, bool up)
    {
        var streak = 1;
        var history = trend.History;
        for (var i = history.Count - 2; i >= 0; i--)
        {
            if (!HasNoGaps(trend.Channel, history[i].Month) || MetricNames.ValueOf(history[i], metric) is not { } earlier || (up ? earlier >= value : earlier <= value))
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
        return new[] { worst, best }.OfType<SeriesPerformance>().Select(p => new Insight
        {
            Rank = 0,
            Kind = InsightKind.SeriesGap,
            Channel = p.Channel,
            Metric = MetricNames.EngagementRate,
            Series = p.Series,
            Value = p.EngagementRate!.Value,
            Reference = p.BaselineEngagementRate!.Value,
            Change = p.RelativeGap!.Value,
            Posts = p.Posts,
        });
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
        return worst.Channel is null
            ? null
            : new Insight { Rank = 0, Kind = InsightKind.Cadence, Channel = worst.Channel, Metric = "adherence", Value = worst.Posts, Reference = worst.Planned, Weeks = worst.Weeks };
    }

    private IEnumerable<Insight> Caveats(string channel)
    {
        var current = coverage(channel, month);
        if (onlyStraddlingRanges(channel))
        {
            yield return new Insight { Rank = 0, Kind = InsightKind.StraddlingRanges, Channel = channel, Metric = "coverage" };
        }

        if (current.CoveredDays == 0)
        {
            yield return new Insight { Rank = 0, Kind = InsightKind.NoCoverage, Channel = channel, Metric = "coverage", Value = 0, Reference = current.DaysInMonth };
        }
        else if (current.Gaps.Count > 0)
        {
            yield return new Insight
            {
                Rank = 0, Kind = InsightKind.CoverageGaps, Channel = channel, Metric = "coverage", Value = current.CoveredDays, Reference = current.DaysInMonth, Gaps = current.Gaps,
            };
        }
        else if (coverage(channel, month.AddMonths(-1)) is { Gaps.Count: > 0 } previous)
        {
            yield return new Insight
            {
                Rank = 0, Kind = InsightKind.PreviousMonthGaps, Channel = channel, Metric = "coverage", Value = previous.CoveredDays, Reference = previous.DaysInMonth, Gaps = previous.Gaps,
            };
        }
    }
}
