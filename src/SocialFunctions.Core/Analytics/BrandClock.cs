using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>Converts between instants and the brand's local calendar (months and weeks are local, metrics.md).</summary>
public sealed class BrandClock(TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The instant the local day begins. A midnight skipped by a DST change moves forward to the first valid minute;
    /// an ambiguous one takes its first occurrence, so no instant is ever left out of a range.
    /// </summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>[start, end) of the month as instants.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Span(ReportMonth month) => (StartOf(month.FirstDay), StartOf(month.AddMonths(1).FirstDay));

    /// <summary>The Monday of the ISO week containing <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>ISO week label, e.g. <c>2026-W41</c>.</summary>
    public static string IsoWeek(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.ISOWeek.GetYear(day):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(day):D2}");
    }
}
