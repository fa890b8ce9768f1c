using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Reporting;

/// <summary>
/// When a brand's monthly reports are due. The report for month M is due on <see cref="BrandSettings.ReportDayOfMonth"/>
/// of month M+1 at <see cref="BrandSettings.ReportTime"/> in the brand's own time zone, so a 07:00 Paris report goes out at
/// 07:00 in Paris whatever UTC says. Pure: the caller passes the instant (from its TimeProvider).
/// </summary>
public static class ReportSchedule
{
    /// <summary>How many past periods a catch-up run renders at most (the host may have been down for months).</summary>
    public const int MaxMissedPeriods = 12;

    /// <summary>The instant the report of <paramref name="period"/> is due.</summary>
    /// <remarks>
    /// The day is clamped to the length of month M+1 (day 31 → 28/29 Feb). A local time skipped or repeated by a DST
    /// change follows <see cref="BrandClock"/>'s one rule (02:30 in a 02:00→03:00 gap is 03:00; an autumn 01:30 is the first).
    /// </remarks>
    public static DateTimeOffset DueAt(BrandSettings settings, ReportMonth period)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sendMonth = period.AddMonths(1);
        var day = Math.Clamp(settings.ReportDayOfMonth, 1, sendMonth.Days);
        return settings.Clock.ToUtc(new DateOnly(sendMonth.Year, sendMonth.Month, day).ToDateTime(settings.ReportTime));
    }

    /// <summary>The most recent period whose report is due at <paramref name="now"/>.</summary>
    public static ReportMonth LatestDue(BrandSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The candidate is the latest complete month; if its due time is still ahead, it is the month before.
        var candidate = settings.Clock.LatestCompleteMonth(now);
        return DueAt(settings, candidate) <= now ? candidate : candidate.AddMonths(-1);
    }

    /// <summary>
    /// Periods due at <paramref name="now"/> that have not been delivered yet, oldest first: every period after
    /// <paramref name="lastDelivered"/> up to the latest due one, at most <paramref name="maxPeriods"/> (the most recent).
    /// A brand with nothing delivered yet gets only the latest due period (no back-fill of its whole history).
    /// </summary>
    public static IReadOnlyList<ReportMonth> DuePeriods(BrandSettings settings, DateTimeOffset now, ReportMonth? lastDelivered, int maxPeriods = MaxMissedPeriods)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPeriods, 1);
        var latest = LatestDue(settings, now);
        if (lastDelivered is null)
        {
            return [latest];
        }

        var first = lastDelivered.Value.AddMonths(1);
        if (first > latest)
        {
            return [];
        }

        var count = Math.Min(latest.MonthsSince(first) + 1, maxPeriods);
        var periods = new List<ReportMonth>(count);
        for (var period = latest; periods.Count < count; period = period.AddMonths(-1))
        {
            periods.Add(period);
        }

        periods.Reverse();
        return periods;
    }

    /// <inheritdoc cref="DuePeriods(BrandSettings, DateTimeOffset, ReportMonth?, int)"/>
    public static IReadOnlyList<ReportMonth> DuePeriods(BrandSettings settings, TimeProvider timeProvider, ReportMonth? lastDelivered, int maxPeriods = MaxMissedPeriods)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DuePeriods(settings, timeProvider.GetUtcNow(), lastDelivered, maxPeriods);
    }
}
