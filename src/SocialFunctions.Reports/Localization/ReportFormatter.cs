using System.Globalization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Localization;

/// <summary>
/// Numbers and dates for the brand's locale: "12,345" / "12 345", "3.45%" / "3,45 %", "October 2026" / "octobre 2026".
/// A missing value prints as an em dash, never as 0.
/// </summary>
internal sealed class ReportFormatter
{
    public const string Missing = "—";

    private readonly bool french;

    public ReportFormatter(ReportLocale locale)
    {
        french = locale.Language == ReportLanguage.French;
        Culture = locale.Culture;
    }

    public CultureInfo Culture { get; }

    /// <summary>French puts a non-breaking space before the percent sign.</summary>
    public string PercentSuffix => french ? "\u00A0%" : "%";

    public string Count(double? value) => value is { } v ? v.ToString("N0", Culture) : Missing;

    public string SignedCount(double? value) =>
        value is { } v ? (v > 0 ? "+" : string.Empty) + v.ToString("N0", Culture) : Missing;

    /// <summary>A rate stored as a fraction (0.0345) shown as a percentage with two decimals.</summary>
    public string Rate(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("N2", Culture) + PercentSuffix : Missing;

    /// <summary>A relative change (0.125) as a signed percentage with one decimal: "+12.5%".</summary>
    public string Change(double? fraction)
    {
        if (fraction is not { } f)
        {
            return Missing;
        }

        var percent = Math.Round(f * 100, 1, MidpointRounding.AwayFromZero);
        // ASCII minus: the shipped font has no U+2212, and a dropped sign would turn a fall into a rise.
        var sign = percent > 0 ? "+" : percent < 0 ? "-" : string.Empty;
        return sign + Math.Abs(percent).ToString("N1", Culture) + PercentSuffix;
    }

    /// <summary>Watch time in hours, one decimal: seconds are unreadable at monthly scale.</summary>
    public string Duration(double? seconds) =>
        seconds is { } s ? (s / 3600).ToString("N1", Culture) + (french ? "\u00A0h" : " h") : Missing;

    public string Metric(ReportMetric metric, double? value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Kind switch
        {
            MetricKind.Rate => Rate(value),
            MetricKind.DurationSeconds => Duration(value),
            MetricKind.SignedCount => SignedCount(value),
            _ => Count(value),
        };
    }

    /// <summary>"October 2026" / "octobre 2026".</summary>
    public string Month(ReportMonth month) =>
        Culture.DateTimeFormat.GetMonthName(month.Month) + " " + month.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>"October" / "octobre".</summary>
    public string MonthName(ReportMonth month) => Culture.DateTimeFormat.GetMonthName(month.Month);

    /// <summary>A short axis label: "Oct 25" / "oct. 25".</summary>
    public string ShortMonth(ReportMonth month) =>
        Culture.DateTimeFormat.GetAbbreviatedMonthName(month.Month) + " " + (month.Year % 100).ToString("00", CultureInfo.InvariantCulture);

    public string Date(DateOnly date) => date.ToString(french ? "d MMMM yyyy" : "MMMM d, yyyy", Culture);

    public string ShortDate(DateOnly date) => date.ToString(french ? "d MMM" : "MMM d", Culture);

    public string DateRange(DateOnly from, DateOnly to) =>
        from == to ? ShortDate(from) : ShortDate(from) + "–" + ShortDate(to);

    /// <summary>Axis ticks: 1.2k, 3.4M, in the culture's decimal separator.</summary>
    public string Compact(double value)
    {
        var abs = Math.Abs(value);
        return abs switch
        {
            >= 1_000_000_000 => (value / 1_000_000_000).ToString("0.#", Culture) + (french ? "\u00A0Md" : "B"),
            >= 1_000_000 => (value / 1_000_000).ToString("0.#", Culture) + (french ? "\u00A0M" : "M"),
            >= 10_000 => (value / 1_000).ToString("0.#", Culture) + (french ? "\u00A0k" : "k"),
            _ => value.ToString("#,0.##", Culture),
        };
    }
}
