using System.Globalization;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Ingest.Zip;

/// <summary>Date helpers shared by the zip and range exports: ranges in file names, local days to UTC instants.</summary>
internal static class ExportDates
{
    /// <summary>
    /// Finds <c>YYYY-MM-DD_YYYY-MM-DD</c> (also with a space or "to"/"-" between, or compact <c>YYYYMMDD</c>) in a
    /// file name, e.g. YouTube's <c>Content 2026-09-01_2026-10-31 Lumen Coffee.zip</c>.
    /// </summary>
    public static bool TryRangeFromName(string? fileName, out DateOnly from, out DateOnly to)
    {
        from = default;
        to = default;
        var dates = DatesIn(fileName);
        if (dates.Count < 2)
        {
            return false;
        }

        (from, to) = dates[0] <= dates[1] ? (dates[0], dates[1]) : (dates[1], dates[0]);
        return true;
    }

    /// <summary>The latest date written in a file name, if any (an export day or a range end).</summary>
    public static DateOnly? LatestDateInName(string? fileName)
    {
        var dates = DatesIn(fileName);
        return dates.Count == 0 ? null : dates.Max();
    }

    /// <summary>Every ISO (<c>2026-09-01</c>) or compact (<c>20260901</c>) calendar date in the text, in order.</summary>
    public static List<DateOnly> DatesIn(string? text)
    {
        var dates = new List<DateOnly>(2);
        if (string.IsNullOrEmpty(text))
        {
            return dates;
        }

        var name = Path.GetFileName(text);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsAsciiDigit(name[i - 1]))
            {
                continue;
            }

            if (i + 10 <= name.Length && name[i + 4] == '-' && name[i + 7] == '-'
                && DateOnly.TryParseExact(name.AsSpan(i, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                dates.Add(iso);
                i += 9;
            }
            else if (i + 8 <= name.Length && (i + 8 == name.Length || !char.IsAsciiDigit(name[i + 8]))
                && DateOnly.TryParseExact(name.AsSpan(i, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact)
                && compact.Year is > 2000 and < 2100)
            {
                dates.Add(compact);
                i += 7;
            }
        }

        return dates;
    }

    /// <summary>The first instant of <paramref name="day"/> in <paramref name="zone"/> (<see cref="BrandClock"/>'s DST rule).</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day, TimeZoneInfo zone) => BrandClock.StartOf(day, zone);

    /// <summary>The calendar day of an instant in a zone.</summary>
    public static DateOnly DayIn(DateTimeOffset instant, TimeZoneInfo zone) => BrandClock.LocalDate(instant, zone);
}
