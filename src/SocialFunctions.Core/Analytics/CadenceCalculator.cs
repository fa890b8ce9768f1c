using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Posts per ISO week (Monday-based, brand time zone) and channel against the brand's weekly targets. Every week that
/// overlaps the month is listed whole (its days in the neighbouring months count too), since a target is per week.
/// Adherence = posts / target, uncapped (over-posting shows as &gt; 1); null without a positive target.
/// </summary>
public static class CadenceCalculator
{
    public static IReadOnlyList<CadenceWeek> For(
        PostTimeline timeline, ReportMonth month, IReadOnlyDictionary<string, double> targets, IEnumerable<string> channels)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(targets);
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
            foreach (var week in weeks)
            {
                var posts = counts.GetValueOrDefault((channel, week));
                result.Add(new CadenceWeek
                {
                    Channel = channel,
                    Week = BrandClock.IsoWeek(week),
                    WeekStart = week,
                    Posts = posts,
                    Target = target,
                    Adherence = target is > 0 ? posts / target.Value : null,
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
