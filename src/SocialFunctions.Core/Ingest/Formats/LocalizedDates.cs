using System.Globalization;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Dates as export UIs write them in the user's language, often without a year: <c>October 31</c>, <c>10 February</c>,
/// <c>8 de marzo</c>, <c>9月13日</c>, <c>8월 13일</c>, <c>13 сентября</c>, <c>18 tháng Tám</c>, <c>28 sept. 2026</c>, and
/// full timestamps <c>2025/10/31 18:19:10</c> (older TikTok files). Month names come from the cultures the platforms'
/// UIs ship in. Choosing the year of a year-less date is <see cref="YearlessDays"/>' job.
/// </summary>
internal static class LocalizedDates
{
    private static readonly string[] Cultures =
    [
        "en-US", "en-GB", "ru-RU", "sv-SE", "fr-FR", "de-DE", "es-ES", "pt-BR", "pt-PT", "it-IT", "nl-NL", "pl-PL", "tr-TR", "id-ID",
        "uk-UA", "vi-VN", "th-TH", "ms-MY", "ro-RO", "cs-CZ", "hu-HU", "el-GR", "da-DK", "nb-NO", "fi-FI",
    ];

    private static readonly Dictionary<string, int> MonthsByName = BuildMonthNames();

    /// <summary>Span lookups, so parsing a row allocates nothing.</summary>
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthNames = MonthsByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Vietnamese writes months as "tháng" + a number or a number word ("tháng Tám" = August).</summary>
    private static readonly string[] VietnameseNumbers = ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"];

    /// <summary>Words that may come before a Vietnamese day: "ngày" (day) and the weekdays ("thứ hai" … "thứ bảy", "chủ nhật").</summary>
    private static readonly string[] VietnameseDayWords = ["ngày", "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật"];

    /// <summary>A date as written: its year and time of day when the text has them.</summary>
    public readonly record struct PartialDate(int Month, int Day, int? Year, TimeOnly? Time = null)
    {
        /// <summary>This month and day in <paramref name="year"/>; false for 29 February of a common year.</summary>
        public bool TryIn(int year, out DateOnly date)
        {
            if (year is >= 1 and <= 9999 && Day <= DateTime.DaysInMonth(year, Month))
            {
                date = new DateOnly(year, Month, Day);
                return true;
            }

            date = default;
            return false;
        }
    }

    /// <summary>Parses a year-less (or full) date; false when the text is not a date.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        // ISO with a year and perhaps a time: 2026-10-31, 2026-10-31 10:00(:00).
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            var rest = text[10..].Trim().TrimStart('T');
            TimeOnly? time = null;
            if (!rest.IsEmpty)
            {
                if (!TimeOnly.TryParseExact(rest, ["HH:mm:ss", "HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
                {
                    return false;
                }

                time = t;
            }

            date = new PartialDate(iso.Month, iso.Day, iso.Year, time);
            return true;
        }

        if (text.Contains("tháng", StringComparison.OrdinalIgnoreCase) || text.Contains("thg", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseVietnamese(text, out date);
        }

        Span<int> numbers = stackalloc int[6];
        var count = 0;
        var month = 0;
        var hasClock = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }

                if (count == numbers.Length || i - start > 4)
                {
                    return false;
                }

                hasClock |= i < text.Length && text[i] == ':';
                numbers[count++] = int.Parse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
                continue;
            }

            if (char.IsLetter(c) && !IsCjkUnit(c))
            {
                var start = i;
                while (i < text.Length && ((char.IsLetter(text[i]) && !IsCjkUnit(text[i])) || (text[i] == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                {
                    i++;
                }

                var word = text[start..i];
                if (MonthNames.TryGetValue(word, out var named) && month == 0)
                {
                    month = named;
                }
                else if (word.Length > 3)
                {
                    // Short words are connectors ("31 de octubre", "1er", "월"); anything longer is not a date.
                    return false;
                }

                continue;
            }

            i++;
        }

        // A full timestamp: 2025/10/31 18:19(:10).
        if (hasClock && month == 0 && count >= 5 && numbers[0] > 31)
        {
            if (!TryTime(numbers[3], numbers[4], count > 5 ? numbers[5] : 0, out var clock) || !Valid(numbers[1], numbers[2], numbers[0]))
            {
                return false;
            }

            date = new PartialDate(numbers[1], numbers[2], numbers[0], clock);
            return true;
        }

        if (count > 3)
        {
            return false;
        }

        int? year = null;
        Span<int> rest2 = stackalloc int[3];
        var restCount = 0;
        foreach (var n in numbers[..count])
        {
            if (n > 31)
            {
                if (year is not null)
                {
                    return false;
                }

                year = n;
            }
            else
            {
                rest2[restCount++] = n;
            }
        }

        int day;
        if (month != 0 && restCount == 1)
        {
            day = rest2[0];
        }
        else if (month == 0 && restCount == 2)
        {
            // 9月13日, 8월 13일 and 10/31 all put the month first.
            month = rest2[0];
            day = rest2[1];
        }
        else
        {
            return false;
        }

        if (!Valid(month, day, year))
        {
            return false;
        }

        date = new PartialDate(month, day, year);
        return true;
    }

    /// <summary>The latest date with this month and day on or before <paramref name="notAfter"/> (29 February: the latest leap year).</summary>
    public static DateOnly LatestOnOrBefore(PartialDate date, DateOnly notAfter)
    {
        for (var y = notAfter.Year; y > notAfter.Year - 9; y--)
        {
            if (date.TryIn(y, out var candidate) && candidate <= notAfter)
            {
                return candidate;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(date), "no such date in the eight years before the reference");
    }

    /// <summary>The earliest date with this month and day on or after <paramref name="notBefore"/>.</summary>
    public static DateOnly EarliestOnOrAfter(PartialDate date, DateOnly notBefore)
    {
        for (var y = notBefore.Year; y < notBefore.Year + 9; y++)
        {
            if (date.TryIn(y, out var candidate) && candidate >= notBefore)
            {
                return candidate;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(date), "no such date in the eight years after the reference");
    }

    /// <summary>The year-less date's year, or the latest one on or before <paramref name="notAfter"/>.</summary>
    public static DateOnly Resolve(PartialDate date, DateOnly notAfter) =>
        date.Year is { } stated ? new DateOnly(stated, date.Month, date.Day) : LatestOnOrBefore(date, notAfter);

    /// <summary>
    /// "18 tháng Tám", "18 tháng 8", "ngày 18 tháng 8", "tháng 8 18", with a year "18 tháng 12, 2026",
    /// "18 tháng mười hai năm 2026", a weekday "Thứ Sáu, 18 tháng 12, 2026", the abbreviation "18 thg 12, 2026".
    /// "năm" is both five and "year": it is the year's word only right before the year and after a month.
    /// </summary>
    private static bool TryParseVietnamese(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        var words = text.ToString().ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(words, w => w is "tháng" or "thg");
        if (at < 0)
        {
            return false;
        }

        // Before the month word: the day, perhaps after "ngày" or a weekday ("thứ sáu", "chủ nhật").
        // "Thứ 2" (Monday) writes the weekday with a digit.
        int? day = null;
        for (var i = 0; i < at; i++)
        {
            var word = words[i];
            if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && day is null && (i == 0 || words[i - 1] != "thứ"))
            {
                day = d;
            }
            else if (day is not null || (!VietnameseDayWords.Contains(word) && !(i > 0 && words[i - 1] == "thứ" && word is "2" or "3" or "4" or "5" or "6" or "7")))
            {
                return false;
            }
        }

        var after = new List<string>(words[(at + 1)..]);
        int? year = null;
        if (after.Count > 1 && int.TryParse(after[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y > 31)
        {
            year = y;
            after.RemoveAt(after.Count - 1);
            if (after.Count > 1 && after[^1] == "năm")
            {
                after.RemoveAt(after.Count - 1);
            }
        }

        // "tháng 8 18": the day after the month.
        if (day is null && after.Count > 1 && int.TryParse(after[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var trailing))
        {
            day = trailing;
            after.RemoveAt(after.Count - 1);
        }

        var monthText = string.Join(' ', after);
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : Array.IndexOf(VietnameseNumbers, monthText) + 1;
        if (day is not { } dayOfMonth || !Valid(month, dayOfMonth, year))
        {
            return false;
        }

        date = new PartialDate(month, dayOfMonth, year);
        return true;
    }

    private static bool Valid(int month, int day, int? year) =>
        month is >= 1 and <= 12 && day >= 1 && (year is null or (>= 1970 and <= 2999)) && day <= DateTime.DaysInMonth(year ?? 2024, month);

    private static bool TryTime(int hour, int minute, int second, out TimeOnly time)
    {
        time = default;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute, second);
        return true;
    }

    /// <summary>月 and 日 (and 年, 월, 일, 년) separate numbers in CJK dates rather than name months.</summary>
    private static bool IsCjkUnit(char c) => c is '月' or '日' or '年' or '월' or '일' or '년';

    private static Dictionary<string, int> BuildMonthNames()
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Cultures)
        {
            DateTimeFormatInfo format;
            try
            {
                format = CultureInfo.GetCultureInfo(name).DateTimeFormat;
            }
            catch (CultureNotFoundException)
            {
                continue;
            }

            for (var m = 0; m < 12; m++)
            {
                Add(format.MonthNames[m], m + 1);
                Add(format.MonthGenitiveNames[m], m + 1);
                Add(format.AbbreviatedMonthNames[m], m + 1);
                Add(format.AbbreviatedMonthGenitiveNames[m], m + 1);
            }
        }

        // Spelled out so the common ones work even where ICU data is missing, plus forms ICU does not give.
        string[] english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        string[] russian = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
        string[] swedish = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
        string[] spanish = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
        for (var m = 0; m < 12; m++)
        {
            Add(english[m], m + 1);
            Add(english[m][..3], m + 1);
            Add(russian[m], m + 1);
            Add(swedish[m], m + 1);
            Add(spanish[m], m + 1);
        }

        Add("sept", 9);
        Add("setiembre", 9);
        return names;

        void Add(string name, int month)
        {
            var key = name.Trim().TrimEnd('.').ToLowerInvariant();
            if (key.Length > 0 && !key.Any(char.IsAsciiDigit) && !key.Contains(' ', StringComparison.Ordinal))
            {
                names.TryAdd(key, month);
            }
        }
    }
}
