using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Reporting;

/// <summary>
/// A report month (<c>yyyy-MM</c>): a calendar month in the brand's time zone, so which instants it spans depends on that
/// zone (see <see cref="Brands.BrandClock"/>). Years run 2000..2999: social exports do not predate 2000, and the
/// range keeps every month a report reaches (13 months back, the year before, 90 days of baseline) representable.
/// The only month parser: routes, ports, the report model and its JSON all carry this type.
/// </summary>
[JsonConverter(typeof(ParsableJsonConverter<ReportMonth>))]
public readonly record struct ReportMonth : IComparable<ReportMonth>, IParsable<ReportMonth>
{
    private const int MinYear = 2000;
    private const int MaxYear = 2999;

    public ReportMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, Days);

    /// <summary>Number of days in this month (28..31).</summary>
    public int Days => DateTime.DaysInMonth(Year, Month);

    public static ReportMonth Of(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses exactly <c>yyyy-MM</c> (e.g. <c>2026-10</c>); false, never an exception, for anything else, including a year out of range.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ReportMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || year is < MinYear or > MaxYear || m is < 1 or > 12)
        {
            return false;
        }

        month = new ReportMonth(year, m);
        return true;
    }

    /// <summary>Parses exactly <c>yyyy-MM</c>; throws <see cref="FormatException"/> for anything <see cref="TryParse(string?, out ReportMonth)"/> rejects.</summary>
    public static ReportMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException(Problem(text));

    public static ReportMonth Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportMonth result) => TryParse(s, out result);

    /// <summary>What is wrong with <paramref name="text"/>, as an error message.</summary>
    public static string Problem(string? text) => $"'{text}' is not a month: use yyyy-MM, e.g. 2026-10 (years 2000 to 2999).";

    /// <summary>The month <paramref name="months"/> later (earlier when negative).</summary>
    public ReportMonth AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new ReportMonth(index / 12, (index % 12) + 1);
    }

    /// <summary>Whole months from <paramref name="other"/> to this month (positive when this is later).</summary>
    public int MonthsSince(ReportMonth other) => ((Year - other.Year) * 12) + (Month - other.Month);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public int CompareTo(ReportMonth other) => MonthsSince(other) switch { < 0 => -1, > 0 => 1, _ => 0 };

    public static bool operator <(ReportMonth left, ReportMonth right) => left.CompareTo(right) < 0;

    public static bool operator <=(ReportMonth left, ReportMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >(ReportMonth left, ReportMonth right) => left.CompareTo(right) > 0;

    public static bool operator >=(ReportMonth left, ReportMonth right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
