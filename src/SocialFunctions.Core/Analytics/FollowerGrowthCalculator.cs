using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Follower growth of a channel over whole months, from its daily account series:
/// <list type="number">
/// <item>basis <see cref="FollowersBasis"/> (metrics.md): followers on the last day of the period − followers on the
/// last day of the month before. "Last day" is the latest day of that month with a value, so a series exported up to
/// the 30th still counts; without a value in both months, the next basis is tried;</item>
/// <item>basis <see cref="NetFollowsBasis"/>: Σ new followers − Σ unfollows over the period's days (X overview), only
/// when both series have values in the period: new followers alone are a gross figure, not growth.</item>
/// </list>
/// Otherwise growth is null (not exported), never 0.
/// </summary>
public sealed class FollowerGrowthCalculator
{
    public const string FollowersBasis = "followers";
    public const string NetFollowsBasis = "new-followers-minus-unfollows";

    private readonly Dictionary<(string Channel, string Metric), SortedDictionary<DateOnly, double>> _series = [];

    public FollowerGrowthCalculator(IEnumerable<DailyMetric> daily)
    {
        ArgumentNullException.ThrowIfNull(daily);
        foreach (var value in daily)
        {
            if (value.Metric is DailyMetricNames.Followers or DailyMetricNames.NewFollowers or DailyMetricNames.Unfollows && double.IsFinite(value.Value))
            {
                if (!_series.TryGetValue((value.Channel, value.Metric), out var days))
                {
                    _series[(value.Channel, value.Metric)] = days = [];
                }

                days[value.Date] = value.Value;
            }
        }
    }

    public IEnumerable<string> Channels => _series.Keys.Select(k => k.Channel).Distinct(StringComparer.Ordinal);

    public FollowerGrowth For(string channel, ReportMonth month) => For(channel, month, month);

    /// <summary>Growth over the months <paramref name="first"/>..<paramref name="last"/> (inclusive).</summary>
    public FollowerGrowth For(string channel, ReportMonth first, ReportMonth last)
    {
        if (_series.TryGetValue((channel, DailyMetricNames.Followers), out var followers)
            && LastIn(followers, last) is { } end && LastIn(followers, first.AddMonths(-1)) is { } start)
        {
            return new FollowerGrowth(end - start, FollowersBasis);
        }

        if (_series.TryGetValue((channel, DailyMetricNames.NewFollowers), out var gained)
            && _series.TryGetValue((channel, DailyMetricNames.Unfollows), out var lost))
        {
            var from = first.FirstDay;
            var to = last.LastDay;
            var inGained = gained.Where(kv => kv.Key >= from && kv.Key <= to).ToList();
            var inLost = lost.Where(kv => kv.Key >= from && kv.Key <= to).ToList();
            if (inGained.Count > 0 && inLost.Count > 0)
            {
                return new FollowerGrowth(inGained.Sum(kv => kv.Value) - inLost.Sum(kv => kv.Value), NetFollowsBasis);
            }
        }

        return new FollowerGrowth(null, null);
    }

    private static double? LastIn(SortedDictionary<DateOnly, double> days, ReportMonth month)
    {
        double? last = null;
        foreach (var (date, value) in days)
        {
            if (date > month.LastDay)
            {
                break;
            }

            if (date >= month.FirstDay)
            {
                last = value;
            }
        }

        return last;
    }
}

/// <param name="Value">The growth; null when no series provides it.</param>
/// <param name="Basis"><see cref="FollowerGrowthCalculator.FollowersBasis"/> or <see cref="FollowerGrowthCalculator.NetFollowsBasis"/>.</param>
public readonly record struct FollowerGrowth(double? Value, string? Basis);
