using System.Globalization;
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
    /// The day is clamped to the length of month M+1 (day 31 → 28/29 Feb). A local time that does not exist (spring-forward gap)
    /// is moved forward by the gap (02:30 → 03:30); an ambiguous local time (autumn overlap) takes its first occurrence.
    /// </remarks>
    public static DateTimeOffset DueAt(BrandSettings settings, ReportMonth period)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return DueAt(period, FindZone(settings.TimeZone), settings.ReportDayOfMonth, ParseTime(settings.ReportTime));
    }

    public static DateTimeOffset DueAt(ReportMonth period, TimeZoneInfo zone, int dayOfMonth, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var sendMonth = period.AddMonths(1);
        var day = Math.Clamp(dayOfMonth, 1, sendMonth.Days);
        var local = new DateTime(sendMonth.Year, sendMonth.Month, day, time.Hour, time.Minute, 0, DateTimeKind.Unspecified);
        return ToInstant(local, zone);
    }

    /// <summary>The most recent period whose report is due at <paramref name="now"/>.</summary>
    public static ReportMonth LatestDue(BrandSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = FindZone(settings.TimeZone);
        var time = ParseTime(settings.ReportTime);
        var localToday = TimeZoneInfo.ConvertTime(now, zone);

        // The candidate is last month's report; if its due time is still ahead, it is the month before.
        var candidate = new ReportMonth(localToday.Year, localToday.Month).AddMonths(-1);
        return DueAt(candidate, zone, settings.ReportDayOfMonth, time) <= now ? candidate : candidate.AddMonths(-1);
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

    /// <summary>Parses <c>HH:mm</c> (invariant); throws <see cref="FormatException"/> naming the value otherwise.</summary>
    public static TimeOnly ParseTime(string reportTime) =>
        TimeOnly.TryParseExact(reportTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"reportTime '{reportTime}' is not a time of day in the form HH:mm.");

    /// <summary>Finds an IANA (or Windows) time zone; throws <see cref="TimeZoneNotFoundException"/> naming it otherwise.</summary>
    public static TimeZoneInfo FindZone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? zone
            : throw new TimeZoneNotFoundException($"timeZone '{timeZone}' is not a known IANA time zone.");

    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // In a gap the clock jumps; using the offset in force before the jump lands the same distance past it.
            var before = zone.GetUtcOffset(local.AddDays(-1));
            return new DateTimeOffset(local, before).ToUniversalTime();
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The first occurrence is the one with the larger offset (still on summer time), i.e. the earlier instant.
            var first = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, first).ToUniversalTime();
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
