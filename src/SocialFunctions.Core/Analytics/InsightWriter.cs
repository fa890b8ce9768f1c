using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// The executive summary: at most <see cref="TrendReportOptions.MaxInsights"/> items (five), each with the numbers it
/// rests on (the Reports project words them).
/// <list type="number">
/// <item>The total picture first: every channel's reach, engagements, ER and posts against last month and last year.</item>
/// <item>Then the most material of: month-over-month metric moves per channel, series far from their channel's
/// baseline, channels behind their posting plan — ranked by <b>materiality</b> = size × |change| × confidence × weight:
/// size is the channel's share of the brand's lead volume this month (engagements for consideration, impressions for
/// awareness, clicks for conversion; a series also by its share of the channel's posts); confidence is how far the change
/// stands above count noise — z = |Δ| ÷ √(the counts it rests on), mapped to (z − 1) ÷ 2 within 0–1, so a change under
/// one standard deviation counts for nothing and one of three or more counts whole; posts against a plan are counted, not
/// sampled (confidence 1); weight is 1 for the funnel focus' headline metrics and 0.5 for the others. One move per
/// channel at most, so one channel's related metrics do not crowd the list.</item>
/// </list>
/// Data gaps are <b>caveats</b>, never items: every channel with days no export covers, whose previous month has such
/// days, or whose only exports are ranges spanning months. A channel with a gap in the month or the one before gets no
/// move (a drop may be a missing file); "best/lowest in N months" counts back only through months without gaps.
/// </summary>
internal sealed class InsightWriter(
    ReportMonth month,
    FunnelFocus funnelFocus,
    TrendReportOptions options,
    Func<string, ReportMonth, ChannelCoverage> coverage,
    Func<string, bool> onlyStraddlingRanges)
{
    private const int MinimumStreak = 3;
    private const double OtherMetricWeight = 0.5;

    public (IReadOnlyList<Insight> Insights, IReadOnlyList<Insight> Caveats) Write(
        IReadOnlyList<ChannelTrend> channels, IReadOnlyList<SeriesPerformance> series, IReadOnlyList<CadenceWeek> cadence, OverallTotals? total)
    {
        var size = Sizes(channels);
        var candidates = new List<Insight>();
        candidates.AddRange(channels.Where(IsComparable).SelectMany(t => MovesOf(t, size.GetValueOrDefault(t.Channel))));
        candidates.AddRange(SeriesInsights(series, channels, size));
        candidates.AddRange(CadenceInsights(cadence, size));

        var chosen = new List<Insight>();
        if (total is not null)
        {
            chosen.Add(new Insight
            {
                Rank = 0,
                Kind = InsightKind.Total,
                Metric = MetricNames.Engagements,
                Value = total.Current.Engagements,
                Change = total.Mom.GetValueOrDefault(MetricNames.Engagements),
                Totals = total,
            });
        }

        var movedChannels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates.Where(c => c.Materiality > 0).OrderByDescending(c => c.Materiality).ThenBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Metric, StringComparer.Ordinal))
        {
            if (chosen.Count >= options.MaxInsights)
            {
                break;
            }

            if (candidate.Kind == InsightKind.MetricMove && !movedChannels.Add(candidate.Channel!))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        if (chosen.All(i => i.Kind == InsightKind.Total) && channels.Any(IsComparable) && chosen.Count < options.MaxInsights)
        {
            chosen.Add(new Insight { Rank = 0, Kind = InsightKind.NoMoves, Threshold = options.MinimumInsightChange });
        }

        var caveats = channels.SelectMany(t => Caveats(t.Channel)).Select((c, i) => c with { Rank = i + 1 }).ToList();
        return (chosen.Select((insight, i) => insight with { Rank = i + 1 }).ToList(), caveats);
    }

    /// <summary>(z − 1) ÷ 2 within 0–1: noise (z ≤ 1) counts for nothing, three standard deviations or more count whole.</summary>
    internal static double Confidence(double z) => Math.Clamp((z - 1) / 2, 0, 1);

    /// <summary>Each channel's share of the brand's lead volume this month (equal shares when no channel has that volume).</summary>
    private Dictionary<string, double> Sizes(IReadOnlyList<ChannelTrend> channels)
    {
        foreach (var metric in MetricNames.VolumeOf(funnelFocus))
        {
            var values = channels.Select(c => (c.Channel, Value: MetricNames.ValueOf(c, metric) ?? 0)).ToList();
            var sum = values.Sum(v => v.Value);
            if (sum > 0)
            {
                return values.ToDictionary(v => v.Channel, v => v.Value / sum, StringComparer.Ordinal);
            }
        }

        return channels.ToDictionary(c => c.Channel, _ => 1.0 / channels.Count, StringComparer.Ordinal);
    }

    private bool IsComparable(ChannelTrend trend) => HasNoGaps(trend.Channel, month) && HasNoGaps(trend.Channel, month.AddMonths(-1));

    private bool HasNoGaps(string channel, ReportMonth m) => coverage(channel, m).Gaps.Count == 0;

    private IEnumerable<Insight> MovesOf(ChannelTrend trend, double size)
    {
        var headline = MetricNames.HeadlineOf(funnelFocus);
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

            var z = metric switch
            {
                MetricNames.EngagementRate => RateZ(trend.Engagements, trend.Impressions, trend.Previous.Engagements, trend.Previous.Impressions),
                MetricNames.Ctr => RateZ(trend.Clicks, trend.Impressions, trend.Previous.Clicks, trend.Previous.Impressions),
                // Watch time is seconds, not events: judge it by the views it comes from when known.
                MetricNames.WatchTimeSeconds when trend.VideoViews is { } v && trend.Previous.VideoViews is { } pv => CountZ(pv * (1 + change), pv),
                _ => CountZ(value, reference),
            };
            var weight = headline.Contains(metric) ? 1 : OtherMetricWeight;
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
                Materiality = size * Math.Abs(change) * Confidence(z) * weight,
            };
        }
    }

    /// <summary>z of a count moving from <paramref name="before"/> to <paramref name="now"/> under Poisson noise.</summary>
    private static double CountZ(double now, double before) =>
        Math.Abs(now - before) / Math.Sqrt(Math.Max(1, Math.Abs(now) + Math.Abs(before)));

    /// <summary>z of a rate e/i moving, from the Poisson noise of its numerators.</summary>
    private static double RateZ(long? e1, long? i1, long? e0, long? i0)
    {
        // Stryker disable once Equality : at 0 impressions the rate gives NaN, a NaN materiality, and the move is dropped as at z = 0
        if (e1 is not { } a || i1 is not > 0 || e0 is not { } b || i0 is not > 0)
        {
            return 0;
        }

        var r1 = (double)a / i1.Value;
        var r0 = (double)b / i0.Value;
        var variance = (Math.Max(a, 1) / ((double)i1.Value * i1.Value)) + (Math.Max(b, 1) / ((double)i0.Value * i0.Value));
        return Math.Abs(r1 - r0) / Math.Sqrt(variance);
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

    private IEnumerable<Insight> SeriesInsights(IReadOnlyList<SeriesPerformance> series, IReadOnlyList<ChannelTrend> channels, Dictionary<string, double> size)
    {
        foreach (var s in series)
        {
            if (s.RelativeGap is not { } gap || Math.Abs(gap) < options.MinimumSeriesGap || s.Posts < options.MinimumSeriesPosts)
            {
                continue;
            }

            var channelPosts = channels.FirstOrDefault(c => c.Channel == s.Channel)?.Posts ?? 0;
            var share = channelPosts > 0 ? Math.Min(1, (double)s.Posts / channelPosts) : 0;
            // Its engagements against what the baseline's rate would have given its impressions.
            var expected = s is { Impressions: > 0, BaselineEngagementRate: > 0 } ? s.Impressions.Value * s.BaselineEngagementRate.Value : 0;
            var z = s.Engagements is { } e && expected > 0 ? Math.Abs(e - expected) / Math.Sqrt(expected) : 0;
            yield return new Insight
            {
                Rank = 0,
                Kind = InsightKind.SeriesGap,
                Channel = s.Channel,
                Metric = MetricNames.EngagementRate,
                Series = s.Series,
                Value = s.EngagementRate!.Value,
                Reference = s.BaselineEngagementRate!.Value,
                Change = gap,
                Posts = s.Posts,
                Materiality = size.GetValueOrDefault(s.Channel) * share * Math.Abs(gap) * Confidence(z),
            };
        }
    }

    private IEnumerable<Insight> CadenceInsights(IReadOnlyList<CadenceWeek> cadence, Dictionary<string, double> size) =>
        cadence
            // Weeks no export covers say nothing about posting; a partly covered week plans for its covered days.
            .Where(w => w.Target is > 0 && w.CoveredDays > 0)
            .GroupBy(w => w.Channel)
            .Select(g => (Channel: g.Key, Weeks: g.Count(), Posts: g.Sum(w => w.Posts), Planned: g.Sum(w => w.Target!.Value * w.CoveredDays / 7)))
            .Where(c => c.Posts / c.Planned < options.CadenceShortfall)
            .Select(c => new Insight
            {
                Rank = 0,
                Kind = InsightKind.Cadence,
                Channel = c.Channel,
                Metric = "adherence",
                Value = c.Posts,
                Reference = c.Planned,
                Weeks = c.Weeks,
                Change = (c.Posts / c.Planned) - 1,
                // Posts against a plan are counted, not sampled: full confidence. A channel with no figures yet still matters.
                Materiality = Math.Max(size.GetValueOrDefault(c.Channel), 0.05) * (1 - (c.Posts / c.Planned)),
            });

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
