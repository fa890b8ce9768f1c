using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// Fast paths for the two date forms that fill most cells of large exports — ISO 8601 (canonical CSV, Meta daily files)
/// and Meta's <c>MM/DD/YYYY HH:MM</c> — parsed by position instead of trying format lists; anything else falls back to
/// the formats of <see cref="CsvDates"/>. Parsing a row's date was most of a canonical row's cost.
/// </summary>
internal static class CellDates
{
    /// <summary>
    /// <c>yyyy-MM-dd</c>, optionally <c>T</c> or space + <c>HH:mm[:ss[.fffffff]]</c>, optionally <c>Z</c> or
    /// <c>±HH:mm</c>/<c>±HHmm</c>. <paramref name="offset"/> is null when the text states none.
    /// </summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out DateTime local, out TimeSpan? offset)
    {
        local = default;
        offset = null;
        text = text.Trim();
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var rest = text[10..];
        if (!rest.IsEmpty && rest[0] is 'T' or ' ')
        {
            rest = rest[1..];
            if (rest.Length < 5 || rest[2] != ':' || !TryDigits(rest[..2], out hour) || !TryDigits(rest[3..5], out minute))
            {
                return false;
            }

            rest = rest[5..];
            if (rest.Length >= 3 && rest[0] == ':')
            {
                if (!TryDigits(rest[1..3], out second))
                {
                    return false;
                }

                rest = rest[3..];
                if (!rest.IsEmpty && rest[0] == '.')
                {
                    var digits = 1;
                    var scale = TimeSpan.TicksPerSecond;
                    while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                    {
                        scale /= 10;
                        ticks += (rest[digits] - '0') * scale;
                        digits++;
                    }

                    rest = rest[digits..];
                }
            }
        }

        if (!rest.IsEmpty && !TryOffset(rest, out offset))
        {
            return false;
        }

        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    /// <summary>Meta's <c>Publish time</c>: <c>M/d/yyyy H:mm</c> with one- or two-digit parts, optional <c>:ss</c>, 24-hour.</summary>
    public static bool TryParseUsDateTime(ReadOnlySpan<char> text, out DateTime local)
    {
        local = default;
        text = text.Trim();
        var i = 0;
        if (!TryNumber(text, ref i, 2, out var month) || !Expect(text, ref i, '/')
            || !TryNumber(text, ref i, 2, out var day) || !Expect(text, ref i, '/')
            || !TryNumber(text, ref i, 4, out var year) || !Expect(text, ref i, ' ')
            || !TryNumber(text, ref i, 2, out var hour) || !Expect(text, ref i, ':')
            || !TryNumber(text, ref i, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        if (i < text.Length && (!Expect(text, ref i, ':') || !TryNumber(text, ref i, 2, out second)))
        {
            return false;
        }

        if (i != text.Length || year < 1000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>
    /// Exactly <c>yyyy-MM-dd HH:mm</c> (X's legacy <c>time</c> without its offset), the first of the formats that column is
    /// tried with: what <c>DateTime.TryParseExact</c> with that format gives; false for anything else (try the formats).
    /// </summary>
    public static bool TryParseIsoMinutes(ReadOnlySpan<char> text, out DateTime local)
    {
        local = default;
        if (text.Length != 16 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>
    /// Exactly <c>MMM d, yyyy</c> with the invariant culture's month abbreviation (<c>Sep 29, 2026</c>; YouTube's
    /// <c>Video publish time</c>), optionally after <c>ddd, </c> with the right weekday (<c>Tue, Oct 27, 2026</c>; X
    /// Premium's <c>Date</c>): what <c>TryParseExact</c> with those formats gives; false for anything else (try the formats).
    /// </summary>
    public static bool TryParseEnglishDate(ReadOnlySpan<char> text, bool withWeekday, out DateOnly date)
    {
        date = default;
        var weekday = -1;
        if (withWeekday)
        {
            if (text.Length < 5 || text[3] != ',' || text[4] != ' ' || (weekday = IndexOfName(text[..3], WeekdayAbbreviations)) < 0)
            {
                return false;
            }

            text = text[5..];
        }

        // "Sep 2, 2026" or "Sep 29, 2026".
        var comma = text.Length is 11 or 12 ? text.Length - 6 : -1;
        if (comma < 0 || text[3] != ' ' || text[comma] != ',' || text[comma + 1] != ' '
            || !TryDigits(text[4..comma], out var day) || !TryDigits(text[(comma + 2)..], out var year))
        {
            return false;
        }

        var month = MonthOf(text[..3]);
        if (month == 0 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return weekday < 0 || (int)date.DayOfWeek == weekday;
    }

    /// <summary>1–12 for an invariant month abbreviation as written (case-sensitive), else 0; one switch, not a scan of twelve names.</summary>
    private static int MonthOf(ReadOnlySpan<char> text) => text switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => 0,
    };

    /// <summary>Sunday first, as <see cref="DayOfWeek"/> counts.</summary>
    private static readonly string[] WeekdayAbbreviations = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static int IndexOfName(ReadOnlySpan<char> text, string[] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (text.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryOffset(ReadOnlySpan<char> text, out TimeSpan? offset)
    {
        offset = null;
        if (text is "Z" or "z")
        {
            offset = TimeSpan.Zero;
            return true;
        }

        if (text.Length is not (5 or 6) || text[0] is not ('+' or '-'))
        {
            return false;
        }

        var minutesAt = text.Length == 6 ? 4 : 3;
        if ((text.Length == 6 && text[3] != ':') || !TryDigits(text[1..3], out var hours) || !TryDigits(text[minutesAt..], out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, ref int i, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < text.Length && i - start < maxDigits && char.IsAsciiDigit(text[i]))
        {
            value = (value * 10) + (text[i] - '0');
            i++;
        }

        return i > start;
    }

    private static bool Expect(ReadOnlySpan<char> text, ref int i, char c)
    {
        if (i < text.Length && text[i] == c)
        {
            i++;
            return true;
        }

        return false;
    }
}

/// <summary>
/// Local times of one zone to UTC for a whole file: the offset of each local day is computed once with
/// <see cref="CsvDates.LocalToUtc"/> and reused for every row of that day; days with a DST change convert row by row.
/// </summary>
internal sealed class LocalClock(TimeZoneInfo zone)
{
    private const int MaxDays = 8192;
    private readonly Dictionary<DateOnly, TimeSpan?> _offsets = [];

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset ToUtc(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        if (!_offsets.TryGetValue(day, out var offset))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            var first = midnight - CsvDates.LocalToUtc(midnight, Zone).UtcDateTime;
            var last = midnight.AddMinutes(1439) - CsvDates.LocalToUtc(midnight.AddMinutes(1439), Zone).UtcDateTime;
            offset = first == last ? first : null;
            if (_offsets.Count < MaxDays)
            {
                _offsets[day] = offset;
            }
        }

        return offset is { } o
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified) - o, TimeSpan.Zero)
            : CsvDates.LocalToUtc(local, Zone);
    }
}
