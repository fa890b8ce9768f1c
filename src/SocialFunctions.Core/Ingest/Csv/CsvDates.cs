using System.Globalization;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>Date/time parsing for export cells (invariant culture, explicit formats) and local-to-UTC conversion.</summary>
public static class CsvDates
{
    /// <summary>Parses a local date/time written in one of <paramref name="formats"/> (e.g. <c>MM/dd/yyyy HH:mm</c>).</summary>
    public static bool TryParseLocal(ReadOnlySpan<char> text, string[] formats, out DateTime value) =>
        DateTime.TryParseExact(
            text.Trim(),
            formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.NoCurrentDateDefault,
            out value);

    /// <summary>Parses a date/time that states its offset (e.g. <c>2026-10-27 14:03 +0000</c>, ISO 8601 with <c>Z</c>).</summary>
    public static bool TryParseWithOffset(ReadOnlySpan<char> text, string[] formats, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text.Trim(),
            formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal,
            out value);

    /// <summary>Converts a wall-clock time in <paramref name="zone"/> to UTC by <see cref="BrandClock"/>'s one DST rule.</summary>
    public static DateTimeOffset LocalToUtc(DateTime local, TimeZoneInfo zone) => BrandClock.ToUtc(local, zone);

    /// <summary>
    /// Social exports start in the 2000s; a year far outside that is a typo, and converting it could leave the
    /// representable range (e.g. 01/01/0001 00:30 in Paris is before year 1 in UTC).
    /// </summary>
    public static bool IsPlausibleYear(DateTime local) => local.Year is >= 1970 and <= 2999;
}
