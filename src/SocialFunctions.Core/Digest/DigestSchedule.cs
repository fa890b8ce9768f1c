using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Digest;

/// <summary>
/// When a brand's weekly digest is due: every Monday at <see cref="DigestOptions.LocalTime"/> (08:00) in the brand's own
/// time zone, about the week that ended the day before. A local time skipped or repeated by a DST change follows
/// <see cref="BrandClock"/>'s one rule. Pure: the caller passes the instant.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The instant the digest of <paramref name="week"/> is due: the next Monday at <paramref name="localTime"/>, local.</summary>
    public static DateTimeOffset DueAt(BrandClock clock, DigestWeek week, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.ToUtc(week.Monday.AddDays(7).ToDateTime(localTime));
    }

    /// <summary>The most recent week whose digest is due at <paramref name="now"/>.</summary>
    public static DigestWeek LatestDue(BrandClock clock, DateTimeOffset now, TimeOnly localTime)
    {
        ArgumentNullException.ThrowIfNull(clock);
        // The week before the current local week is due from this Monday's send time on; before it, the one before.
        var candidate = DigestWeek.Of(clock.LocalDate(now)).Previous;
        return DueAt(clock, candidate, localTime) <= now ? candidate : candidate.Previous;
    }
}
