using System.Globalization;

namespace SocialFunctions.Core.Reporting;

/// <summary>A report month (<c>yyyy-MM</c>), a calendar month in the brand's time zone.</summary>
public readonly record struct ReportPeriod : IComparable<ReportPeriod>
{
    public ReportPeriod(int year, int month)
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

    public ReportPeriod Next => Month == 12 ? new ReportPeriod(Year + 1, 1) : new ReportPeriod(Year, Month + 1);

    public ReportPeriod Previous => Month == 1 ? new ReportPeriod(Year - 1, 12) : new ReportPeriod(Year, Month - 1);

    public int DaysInMonth => DateTime.DaysInMonth(Year, Month);

    /// <summary>Parses <c>yyyy-MM</c> exactly (e.g. <c>2026-10</c>); false for anything else.</summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1 || year > 9998 || month < 1 || month > 12)
        {
            return false;
        }

        period = new ReportPeriod(year, month);
        return true;
    }

    public static ReportPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a month in the form yyyy-MM.");

    public static ReportPeriod Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Whole months from <paramref name="other"/> to this period (positive when this is later).</summary>
    public int MonthsSince(ReportPeriod other) => ((Year - other.Year) * 12) + (Month - other.Month);

    public int CompareTo(ReportPeriod other) => MonthsSince(other) switch { < 0 => -1, > 0 => 1, _ => 0 };

    public static bool operator <(ReportPeriod left, ReportPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportPeriod left, ReportPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportPeriod left, ReportPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportPeriod left, ReportPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
