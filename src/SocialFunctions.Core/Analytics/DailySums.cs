using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// A channel's figures from its daily account series, for channels that have no post export (Pinterest's analytics
/// overview): impressions, engagements, saves, shares, clicks and video views are sums of the days of the period;
/// engagements are the platform's daily engagement total, else the sum of the daily components it exports. Reach is not
/// summed — a day's audience overlaps the next day's — so it stays missing. A metric no series provides stays null.
/// </summary>
public sealed class DailySums
{
    private readonly Dictionary<(string Channel, string Metric), SortedList<DateOnly, double>> _series = [];

    public DailySums(IEnumerable<DailyMetric> daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        foreach (var value in daily)
        {
            if (!double.IsFinite(value.Value))
            {
                continue;
            }

            if (!_series.TryGetValue((value.Channel, value.Metric), out var days))
            {
                _series[(value.Channel, value.Metric)] = days = [];
            }

            days[value.Date] = value.Value;
        }
    }

    /// <summary>Channels with any daily series.</summary>
    public IEnumerable<string> Channels => _series.Keys.Select(k => k.Channel).Distinct(StringComparer.Ordinal);

    /// <summary>True when the channel has impressions or engagements in its daily series for the period.</summary>
    public bool Has(string channel, ReportMonth first, ReportMonth last)
    {
        var totals = Of(channel, first, last);
        return totals.Impressions is not null || totals.Engagements is not null;
    }

    /// <summary>Sums of the months <paramref name="first"/>..<paramref name="last"/>; no post is counted.</summary>
    public MetricTotals Of(string channel, ReportMonth first, ReportMonth last)
    {
        var from = first.FirstDay;
        var to = last.LastDay;
        long? Sum(string metric)
        {
            if (!_series.TryGetValue((channel, metric), out var days))
            {
                return null;
            }

            double? sum = null;
            foreach (var (date, value) in days)
            {
                if (date >= from && date <= to)
                {
                    sum = (sum ?? 0) + value;
                }
            }

            return sum is { } s ? (long)Math.Round(s) : null;
        }

        var reactions = Sum(DailyMetricNames.Reactions);
        var comments = Sum(DailyMetricNames.Comments);
        var shares = Sum(DailyMetricNames.Shares);
        var saves = Sum(DailyMetricNames.Saves);
        var clicks = Sum(DailyMetricNames.Clicks);
        var engagements = Sum(DailyMetricNames.Engagements) ?? SumOf(reactions, comments, shares, saves, clicks);
        var totals = new MetricTotals();
        totals.AddSums(Sum(DailyMetricNames.Impressions), reach: null, engagements, saves, shares, clicks, Sum(DailyMetricNames.VideoViews));
        return totals;
    }

    private static long? SumOf(params long?[] values)
    {
        long? sum = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum = (sum ?? 0) + v;
            }
        }

        return sum;
    }
}
