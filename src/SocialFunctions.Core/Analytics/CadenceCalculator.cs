using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Posts per ISO week (Monday-based, brand time zone) and channel against the brand's weekly targets. Every week that
/// overlaps the month is listed whole (its days in the neighbouring months count too), since a target is per week.
/// Adherence = posts / target, uncapped (over-posting shows as &gt; 1); null without a positive target.
/// <para>
/// Only days the channel's exports cover count: a week no export covers has no adherence (its posts are unknown, not 0 —
/// a real brand's Instagram export began mid-month and its first weeks read "0 of 3"), and a partly covered week is held
/// to its target for the days covered (<see cref="CadenceWeek.CoveredDays"/>).
/// </para>
/// </summary>
public static class CadenceCalculator
{
    public static IReadOnlyList<CadenceWeek> For(
        PostTimeline timeline,
        ReportMonth month,
        IReadOnlyDictionary<string, double> targets,
        IEnumerable<string> channels,
        Func<string, DateOnly, DateOnly, bool[]> coveredDays)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(coveredDays);
        var weeks = WeeksOf(month);
        var first = weeks[0];
        var last = weeks[^1].AddDays(6);
        var counts = timeline.SnapshotsIn(first, last)
            .GroupBy(s => (s.Post.Channel, Week: BrandClock.WeekStart(s.Date)))
            .ToDictionary(g => g.Key, g => g.Count());

        var result = new List<CadenceWeek>();
        foreach (var channel in channels)
        {
            double? target = targets.TryGetValue(channel, out var t) ? t : null;
            var covered = coveredDays(channel, first, last);
            for (var i = 0; i < weeks.Count; i++)
            {
                var week = weeks[i];
                var posts = counts.GetValueOrDefault((channel, week));
                var days = covered.AsSpan(i * 7, 7).Count(true);
                result.Add(new CadenceWeek
                {
                    Channel = channel,
                    Week = BrandClock.IsoWeek(week),
                    WeekStart = week,
                    Posts = posts,
                    Target = target,
                    CoveredDays = days,
                    Adherence = target is > 0 && days > 0 ? posts / (target.Value * days / 7) : null,
                });
            }
        }

        return result;
    }

    /// <summary>Mondays of the ISO weeks that overlap the month.</summary>
    public static IReadOnlyList<DateOnly> WeeksOf(ReportMonth month)
    {
        var weeks = new List<DateOnly>();
        for (var monday = BrandClock.WeekStart(month.FirstDay); monday <= month.LastDay; monday = monday.AddDays(7))
        {
            weeks.Add(monday);
        }

        return weeks;
    }
}
