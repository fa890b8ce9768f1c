using System.Globalization;
using SocialFunctions.Core.Ingest.Zip;
using static SocialFunctions.Core.Ingest.Formats.LocalizedDates;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>Where the year of a date written without one came from, strongest first.</summary>
internal enum YearAnchor
{
    /// <summary>The cell has a year: nothing was inferred.</summary>
    Stated,

    /// <summary>A post id that carries its creation time (TikTok video ids, X snowflakes).</summary>
    PostId,

    /// <summary>The user's <c>?exportedOn=</c>.</summary>
    ExportedOn,

    /// <summary>A Unix time or a date in the file name.</summary>
    FileName,

    /// <summary>The upload time: the only anchor that asks for a warning.</summary>
    UploadTime,
}

/// <summary>The day an export was made, as far as the upload tells, and how it is known.</summary>
/// <param name="Day">The export day, or the latest day it can have been (a range end in the file name).</param>
/// <param name="Anchor">Which evidence gave it.</param>
/// <param name="Source">That evidence in words, for warnings: "the upload day (2026-03-16)".</param>
internal readonly record struct ExportDay(DateOnly Day, YearAnchor Anchor, string Source);

/// <summary>
/// Chooses the year of dates exports write without one (TikTok Studio), in the order of issue 10: ids that carry time
/// (per row, in the readers), the export-day column (TikTok Content's <c>Time</c>, itself year-less), then
/// <c>?exportedOn=</c>, then a Unix time or date in the file name, then the upload day. Rows fall within the 12 months
/// before the export day, and a day series keeps the file's own order across a year boundary (a 365-day overview runs
/// February 28 → February 27).
/// </summary>
internal static class YearlessDays
{
    /// <summary>The export day from the strongest anchor outside the rows: exportedOn, the file name, else the upload day.</summary>
    public static ExportDay NotAfter(ExportContext context, string fileName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ExportedOn is { } stated)
        {
            return new ExportDay(stated, YearAnchor.ExportedOn, $"the export day given ({Iso(stated)})");
        }

        if (UnixTimeInName(fileName) is { } instant)
        {
            var day = ExportDates.DayIn(instant, context.BrandTimeZone);
            return new ExportDay(day, YearAnchor.FileName, $"the export time in the file name ({Iso(day)})");
        }

        var dates = ExportDates.DatesIn(fileName);
        if (dates.Count > 0)
        {
            var latest = dates.Max();
            return new ExportDay(latest, YearAnchor.FileName, $"the date in the file name ({Iso(latest)})");
        }

        return new ExportDay(context.UploadDay, YearAnchor.UploadTime, $"the upload day ({Iso(context.UploadDay)})");
    }

    /// <summary>
    /// The export day when the file states one without a year (TikTok Content's <c>Time</c>, e.g. <c>February 28</c>):
    /// its latest occurrence on or before <see cref="NotAfter"/>.
    /// </summary>
    public static ExportDay FromColumn(PartialDate stated, ExportDay notAfter) => stated.Year is not null
        ? new ExportDay(Resolve(stated, notAfter.Day), YearAnchor.Stated, "the export day in the file")
        : notAfter with { Day = LatestOnOrBefore(stated, notAfter.Day) };

    /// <summary>
    /// Resolves a day series in file order (TikTok Overview, Viewers, Follower history: one row per consecutive day).
    /// A date in the file name equal to the newest or oldest row pins that row; otherwise the newest row is the latest
    /// such day on or before <paramref name="exportDay"/>. The others follow by the file's order, so a series keeps its
    /// order across a year boundary.
    /// </summary>
    public static (DateOnly[] Days, ExportDay Anchor) ResolveSeries(IReadOnlyList<PartialDate> dates, ExportDay exportDay, string fileName)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var days = new DateOnly[dates.Count];
        if (dates.Count == 0)
        {
            return (days, exportDay);
        }

        if (dates.All(d => d.Year is not null))
        {
            for (var i = 0; i < days.Length; i++)
            {
                days[i] = Resolve(dates[i], exportDay.Day);
            }

            return (days, new ExportDay(days.Max(), YearAnchor.Stated, "the dates in the file"));
        }

        var ascending = IsAscending(dates);
        var newest = ascending ? dates.Count - 1 : 0;
        var oldest = ascending ? 0 : dates.Count - 1;
        var step = ascending ? -1 : 1;
        var anchor = exportDay;
        var names = ExportDates.DatesIn(fileName);
        var pinnedNewest = names.FirstOrDefault(d => Matches(dates[newest], d));
        var pinnedOldest = names.FirstOrDefault(d => Matches(dates[oldest], d));
        if (pinnedNewest == default && pinnedOldest != default)
        {
            // The name holds the range start (TikTok writes the first day): walk forward from it.
            anchor = new ExportDay(pinnedOldest, YearAnchor.FileName, $"the date in the file name ({Iso(pinnedOldest)})");
            days[oldest] = pinnedOldest;
            for (var i = oldest - step; i != newest - step; i -= step)
            {
                days[i] = dates[i].Year is { } y ? new DateOnly(y, dates[i].Month, dates[i].Day) : EarliestOnOrAfter(dates[i], days[i + step]);
            }

            return (days, anchor);
        }

        if (pinnedNewest != default)
        {
            anchor = new ExportDay(pinnedNewest, YearAnchor.FileName, $"the date in the file name ({Iso(pinnedNewest)})");
            days[newest] = pinnedNewest;
        }
        else
        {
            days[newest] = Resolve(dates[newest], exportDay.Day);
        }

        for (var i = newest + step; i != oldest + step; i += step)
        {
            days[i] = dates[i].Year is { } y ? new DateOnly(y, dates[i].Month, dates[i].Day) : LatestOnOrBefore(dates[i], days[i - step]);
        }

        return (days, anchor);
    }

    /// <summary>The warning for years taken from the upload day, naming the file's kind and the range it gave.</summary>
    public static string UploadDayWarning(string what, DateOnly from, DateOnly to, ExportDay anchor) =>
        $"{what}: the dates have no year, and neither the rows nor the file name say when the export was made; the year was taken from {anchor.Source}, "
        + $"which puts the rows on {Iso(from)} to {Iso(to)}. If the export was downloaded on another day, upload it again with ?exportedOn=yyyy-MM-dd.";

    /// <summary>A Unix time in the file name (10 digits: seconds, 13: milliseconds) between 2010 and 2100.</summary>
    internal static DateTimeOffset? UnixTimeInName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName))
        {
            return null;
        }

        var name = Path.GetFileName(fileName);
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) || (i > 0 && char.IsAsciiDigit(name[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < name.Length && char.IsAsciiDigit(name[end]))
            {
                end++;
            }

            if (end - i is 10 or 13 && long.TryParse(name.AsSpan(i, end - i), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                var instant = end - i == 10 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);
                if (instant.Year is >= 2010 and < 2100)
                {
                    return instant;
                }
            }

            i = end;
        }

        return null;
    }

    private static bool Matches(PartialDate date, DateOnly day) => date.Month == day.Month && date.Day == day.Day && (date.Year ?? day.Year) == day.Year;

    /// <summary>Most neighbours a day or so apart forward (in a leap year, so 29 February fits): ascending.</summary>
    private static bool IsAscending(IReadOnlyList<PartialDate> dates)
    {
        int forward = 0, backward = 0;
        for (var i = 1; i < dates.Count && i < 64; i++)
        {
            var gap = (DayOfYear(dates[i]) - DayOfYear(dates[i - 1]) + 366) % 366;
            if (gap is > 0 and <= 31)
            {
                forward++;
            }
            else if (gap >= 366 - 31)
            {
                backward++;
            }
        }

        return forward >= backward;
    }

    private static int DayOfYear(PartialDate date) => new DateOnly(2024, date.Month, date.Day).DayOfYear;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
