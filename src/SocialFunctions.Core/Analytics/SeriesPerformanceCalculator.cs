using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// How each series did on each channel in the month: its posts and ER (Σ engagements / Σ impressions), against the
/// channel baseline = the channel's other posts (any other series or none) over the trailing
/// <see cref="TrendReportOptions.BaselineDays"/> days ending with the month's last day (metrics.md). Relative gap =
/// (ER − baseline) / baseline. The trend is the series' weekly ER over the last ISO weeks up to the one containing the
/// month's last day (posts by publish week; weeks without posts have a null rate).
/// The underperformance verdict is the series detector's, not computed here.
/// </summary>
/// <remarks>
/// The channel's baseline-window posts and the series' snapshots are grouped once, so the cost is linear in the posts of
/// the window, not (series × channels) scans of the brand's history.
/// </remarks>
public static class SeriesPerformanceCalculator
{
    public static IReadOnlyList<SeriesPerformance> For(PostTimeline timeline, ReportMonth month, TrendReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        var baselineFrom = month.LastDay.AddDays(-(options.BaselineDays - 1));
        var lastWeek = BrandClock.WeekStart(month.LastDay);
        var weeks = Enumerable.Range(0, options.TrendWeeks).Select(i => lastWeek.AddDays(-7 * (options.TrendWeeks - 1 - i))).ToList();

        var pairs = timeline.In(month).Where(p => !string.IsNullOrEmpty(p.Series)).GroupBy(p => (p.Channel, Series: p.Series!)).ToList();
        // Stryker disable once Block : equivalent, a shortcut: without pairs the loops below add nothing and the result is empty
        if (pairs.Count == 0)
        {
            return [];
        }

        // The baseline window's sums per channel and series ("" for posts of no series): a pair's baseline is the sum of
        // its channel's other groups. Only the rate basis (integer sums) is read from it, so the grouping changes no figure.
        var baselineWindow = new Dictionary<string, Dictionary<string, MetricTotals>>(StringComparer.Ordinal);
        var weekly = new Dictionary<(string Channel, string Series, DateOnly Week), MetricTotals>();
        foreach (var channel in pairs.Select(p => p.Key.Channel).Distinct(StringComparer.Ordinal))
        {
            var groups = baselineWindow[channel] = new Dictionary<string, MetricTotals>(StringComparer.Ordinal);
            foreach (var post in timeline.In(baselineFrom, month.LastDay, channel))
            {
                // Stryker disable once String : equivalent, any key no series is named serves: posts of no series are only ever summed into others' baselines
                var key = post.Series ?? string.Empty;
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = new MetricTotals();
                }

                group.Add(post);
            }

            foreach (var s in timeline.SnapshotsIn(weeks[0], weeks[^1].AddDays(6), channel))
            {
                if (string.IsNullOrEmpty(s.Post.Series))
                {
                    // Stryker disable once Statement : equivalent, a shortcut: a week of no series is never read (every pair has a series name)
                    continue;
                }

                var key = (channel, s.Post.Series, BrandClock.WeekStart(s.Date));
                if (!weekly.TryGetValue(key, out var totals))
                {
                    weekly[key] = totals = new MetricTotals();
                }

                totals.Add(s.Post);
            }
        }

        var result = new List<SeriesPerformance>(pairs.Count);
        foreach (var group in pairs)
        {
            var (channel, series) = group.Key;
            var own = MetricTotals.Of(group);
            var baseline = new MetricTotals();
            foreach (var (key, others) in baselineWindow[channel])
            {
                if (!string.Equals(key, series, StringComparison.Ordinal))
                {
                    baseline.Add(others);
                }
            }

            result.Add(new SeriesPerformance
            {
                Series = series,
                Channel = channel,
                Posts = own.Posts,
                Impressions = own.RateBasis?.Impressions,
                Engagements = own.RateBasis?.Engagements,
                EngagementRate = own.EngagementRate,
                BaselineEngagementRate = baseline.EngagementRate,
                RelativeGap = MetricNames.Change(own.EngagementRate, baseline.EngagementRate),
                Trend = weeks.Select(w =>
                {
                    var totals = weekly.GetValueOrDefault((channel, series, w));
                    return new WeeklyRate { WeekStart = w, Posts = totals?.Posts ?? 0, EngagementRate = totals?.EngagementRate };
                }).ToList(),
            });
        }

        return result
            .OrderBy(s => ChannelOrder(s.Channel)).ThenBy(s => s.Series, StringComparer.Ordinal)
            .ToList();
    }

    internal static int ChannelOrder(string channel)
    {
        var index = Channels.All.ToList().IndexOf(channel);
        return index < 0 ? int.MaxValue : index;
    }
}
