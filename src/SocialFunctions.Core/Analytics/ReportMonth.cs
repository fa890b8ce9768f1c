using System.Globalization;

namespace SocialFunctions.Core.Analytics;

/// <summary>A calendar month (<c>yyyy-MM</c>); which instants it spans depends on the brand's time zone (<see cref="BrandClock"/>).</summary>
public readonly record struct ReportMonth : IComparable<ReportMonth>
{
    public ReportMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, Days);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public static ReportMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses exactly <c>yyyy-MM</c> (e.g. <c>2026-10</c>).</summary>
    public static bool TryParse(string? text, out ReportMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year < 1 || m is < 1 or > 12)
        {
            return false;
        }

        month = new ReportMonth(year, m);
        return true;
    }

    public static ReportMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");

    public ReportMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new ReportMonth(index / 12, (index % 12) + 1);
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public int CompareTo(ReportMonth other) => ((Year * 12) + Month).CompareTo((other.Year * 12) + other.Month);

    public static bool operator <(ReportMonth left, ReportMonth right) => left.CompareTo(right) < 0;

    public static bool operator <=(ReportMonth left, ReportMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >(ReportMonth left, ReportMonth right) => left.CompareTo(right) > 0;

    public static bool operator >=(ReportMonth left, ReportMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
