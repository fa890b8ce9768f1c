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
public static class SeriesPerformanceCalculator
{
    public static IReadOnlyList<SeriesPerformance> For(PostTimeline timeline, ReportMonth month, TrendReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(options);
        var baselineFrom = month.LastDay.AddDays(-(options.BaselineDays - 1));
        var lastWeek = BrandClock.WeekStart(month.LastDay);
        var weeks = Enumerable.Range(0, options.TrendWeeks).Select(i => lastWeek.AddDays(-7 * (options.TrendWeeks - 1 - i))).ToList();

        var result = new List<SeriesPerformance>();
        foreach (var group in timeline.In(month).Where(p => !string.IsNullOrEmpty(p.Series)).GroupBy(p => (p.Channel, Series: p.Series!)))
        {
            var (channel, series) = group.Key;
            var own = MetricTotals.Of(group);
            var baseline = MetricTotals.Of(timeline.In(baselineFrom, month.LastDay, channel).Where(p => !string.Equals(p.Series, series, StringComparison.Ordinal)));
            var byWeek = timeline.Snapshots
                .Where(s => s.Post.Channel == channel && string.Equals(s.Post.Series, series, StringComparison.Ordinal))
                .ToLookup(s => BrandClock.WeekStart(s.Date));
            result.Add(new SeriesPerformance
            {
                Series = series,
                Channel = channel,
                Posts = own.Posts,
                EngagementRate = own.EngagementRate,
                BaselineEngagementRate = baseline.EngagementRate,
                RelativeGap = MetricNames.Change(own.EngagementRate, baseline.EngagementRate),
                Trend = weeks.Select(w =>
                {
                    var totals = MetricTotals.Of(byWeek[w].Select(s => s.Post));
                    return new WeeklyRate { WeekStart = w, Posts = totals.Posts, EngagementRate = totals.EngagementRate };
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
