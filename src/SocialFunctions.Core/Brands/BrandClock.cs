using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// A brand's time zone and everything that depends on it: the one place that looks zones up, converts between instants
/// and the brand's local calendar, and knows which month is over. Months, weeks and schedules are local (metrics.md).
/// </summary>
/// <remarks>
/// <para><b>Lookup policy</b> (<see cref="TryFind"/>): an IANA id known to the machine's tz database (e.g.
/// <c>Europe/Paris</c>), or <c>UTC</c>. Windows ids ("Romance Standard Time") and unknown ids are refused. Settings are
/// checked against this policy when saved, so stored settings always hold a zone this finds.</para>
/// <para><b>DST rule</b> (<see cref="ToUtc(DateTime)"/>), the same for schedules, report months and export timestamps: a local time
/// that does not exist (skipped by a spring-forward change) moves forward to the end of the gap, i.e. the instant of the
/// change (02:30 on a day that jumps from 02:00 to 03:00 is 03:00); a local time that happens twice (autumn overlap)
/// takes its first occurrence, the earlier instant. So local order is kept, and a local day starts at its first instant:
/// nothing falls between two days.</para>
/// </remarks>
[JsonConverter(typeof(ParsableJsonConverter<BrandClock>))]
public sealed class BrandClock : IEquatable<BrandClock>, IParsable<BrandClock>
{
    private BrandClock(TimeZoneInfo zone, string zoneId)
    {
        Zone = zone;
        ZoneId = zoneId;
    }

    /// <summary>The clock of a brand nobody configured: UTC.</summary>
    public static BrandClock Utc { get; } = new(TimeZoneInfo.Utc, "UTC");

    /// <summary>The zone id as configured, e.g. <c>Europe/Paris</c>.</summary>
    public string ZoneId { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The clock of an IANA zone id (or <c>UTC</c>); false for anything else (see the lookup policy).</summary>
    public static bool TryFind([NotNullWhen(true)] string? zoneId, [NotNullWhen(true)] out BrandClock? clock)
    {
        clock = null;
        if (string.IsNullOrWhiteSpace(zoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return false;
        }

        // A Windows id is found on Linux too, but the contract is IANA.
        if (!zone.HasIanaId && !string.Equals(zone.Id, "UTC", StringComparison.Ordinal))
        {
            return false;
        }

        clock = string.Equals(zoneId, "UTC", StringComparison.Ordinal) ? Utc : new BrandClock(zone, zoneId);
        return true;
    }

    /// <summary>The clock of a zone id; throws <see cref="TimeZoneNotFoundException"/> naming it when <see cref="TryFind"/> refuses it.</summary>
    public static BrandClock Find(string zoneId) =>
        TryFind(zoneId, out var clock) ? clock : throw new TimeZoneNotFoundException(Problem(zoneId));

    /// <summary>The clock of a zone id; throws <see cref="FormatException"/> naming it when <see cref="TryFind"/> refuses it.</summary>
    public static BrandClock Parse(string s, IFormatProvider? provider) => TryFind(s, out var clock) ? clock : throw new FormatException(Problem(s));

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out BrandClock result) => TryFind(s, out result);

    /// <summary>What is wrong with <paramref name="zoneId"/>, as an error message.</summary>
    public static string Problem(string? zoneId) =>
        $"'{zoneId}' is not a known IANA time zone (e.g. Europe/Paris, America/New_York, UTC).";

    /// <summary>The brand's wall-clock time at an instant.</summary>
    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The brand's calendar day at an instant: a post at 23:30 UTC may be tomorrow in Paris.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => LocalDate(instant, Zone);

    /// <summary>The brand's calendar month at an instant.</summary>
    public ReportMonth MonthOf(DateTimeOffset instant) => ReportMonth.Of(LocalDate(instant));

    /// <summary>
    /// The latest month that is over in the brand's zone at <paramref name="now"/>: the month before the local current
    /// one (the current month has no report until it ends).
    /// </summary>
    public ReportMonth LatestCompleteMonth(DateTimeOffset now) => MonthOf(now).AddMonths(-1);

    /// <summary>True when <paramref name="month"/> has ended in the brand's zone at <paramref name="now"/>.</summary>
    public bool HasEnded(ReportMonth month, DateTimeOffset now) => month < MonthOf(now);

    /// <summary>The instant of a wall-clock time in the brand's zone, by the DST rule in the remarks.</summary>
    public DateTimeOffset ToUtc(DateTime local) => ToUtc(local, Zone);

    /// <summary>The first instant of a local day.</summary>
    public DateTimeOffset StartOf(DateOnly date) => StartOf(date, Zone);

    /// <summary>
    /// <see cref="ToUtc(DateTime)"/> for code that holds a zone this clock found rather than the clock itself (the export
    /// readers get the brand's zone in their context): the same one DST rule.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var time = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(time))
        {
            // Clock changes fall on whole minutes; the first valid minute after the gap is the instant of the change.
            var after = new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }

            return new DateTimeOffset(after, zone.GetUtcOffset(after)).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(time) ? zone.GetAmbiguousTimeOffsets(time).Max() : zone.GetUtcOffset(time);
        return new DateTimeOffset(time, offset).ToUniversalTime();
    }

    /// <inheritdoc cref="ToUtc(DateTime, TimeZoneInfo)"/>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone) => ToUtc(date.ToDateTime(TimeOnly.MinValue), zone);

    /// <inheritdoc cref="ToUtc(DateTime, TimeZoneInfo)"/>
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>[start, end) of the month as instants.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Span(ReportMonth month) => (StartOf(month.FirstDay), StartOf(month.AddMonths(1).FirstDay));

    /// <summary>The Monday of the ISO week containing <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>ISO week label, e.g. <c>2026-W41</c>.</summary>
    public static string IsoWeek(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }

    public bool Equals(BrandClock? other) => other is not null && string.Equals(ZoneId, other.ZoneId, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as BrandClock);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ZoneId);

    public override string ToString() => ZoneId;
}
