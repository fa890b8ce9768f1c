using System.Globalization;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// TikTok Studio writes post and overview dates without a year, in the UI language: <c>October 31</c>,
/// <c>28 August</c>, <c>9月13日</c>, <c>13 сентября</c>, <c>28 augusti</c>. This reads them (month names from the
/// cultures TikTok's UI is seen in) and infers the year.
/// </summary>
internal static class TikTokDates
{
    private static readonly string[] Cultures = ["en-US", "ru-RU", "sv-SE", "fr-FR", "de-DE", "es-ES", "pt-BR", "it-IT", "nl-NL", "pl-PL", "tr-TR", "id-ID", "uk-UA"];

    private static readonly Dictionary<string, int> MonthsByName = BuildMonthNames();

    /// <summary>Span lookups, so parsing a row allocates nothing.</summary>
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthNames = MonthsByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A date as written, with its year when the text has one.</summary>
    public readonly record struct PartialDate(int Month, int Day, int? Year);

    /// <summary>Parses a year-less (or full) date; false when the text is not a date.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return false;
        }

        // ISO with a year (and perhaps a time): 2026-10-31, 2026-10-31 10:00:00.
        if (text.Length >= 10 && text[4] == '-' && text[7] == '-'
            && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            date = new PartialDate(iso.Month, iso.Day, iso.Year);
            return true;
        }

        Span<int> numbers = stackalloc int[3];
        var count = 0;
        var month = 0;
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

                numbers[count++] = int.Parse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture);
                continue;
            }

            if (char.IsLetter(c) && c != '月' && c != '日' && c != '年')
            {
                var start = i;
                while (i < text.Length && char.IsLetter(text[i]) && text[i] is not ('月' or '日' or '年'))
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
                    // Short words are connectors ("31 de octubre"); anything longer is not a date.
                    return false;
                }

                continue;
            }

            i++;
        }

        int? year = null;
        Span<int> rest = stackalloc int[3];
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
                rest[restCount++] = n;
            }
        }

        int day;
        if (month != 0 && restCount == 1)
        {
            day = rest[0];
        }
        else if (month == 0 && restCount == 2)
        {
            // 9月13日 and 10/31 both put the month first.
            month = rest[0];
            day = rest[1];
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year ?? 2024, month))
        {
            return false;
        }

        date = new PartialDate(month, day, year);
        return true;
    }

    /// <summary>
    /// The latest date with this month and day that is not after <paramref name="notAfter"/> (29 February picks the
    /// latest leap year). A date with its own year is returned as is.
    /// </summary>
    public static DateOnly Resolve(PartialDate date, DateOnly notAfter)
    {
        if (date.Year is { } stated)
        {
            return new DateOnly(stated, date.Month, date.Day);
        }

        for (var y = notAfter.Year; y > Math.Max(1, notAfter.Year - 8); y--)
        {
            if (date.Day <= DateTime.DaysInMonth(y, date.Month))
            {
                var candidate = new DateOnly(y, date.Month, date.Day);
                if (candidate <= notAfter)
                {
                    return candidate;
                }
            }
        }

        var year = Math.Max(1, notAfter.Year - 1);
        return new DateOnly(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));
    }

    private static Dictionary<string, int> BuildMonthNames()
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Cultures)
        {
            var format = CultureInfo.GetCultureInfo(name).DateTimeFormat;
            for (var m = 0; m < 12; m++)
            {
                Add(format.MonthNames[m], m + 1);
                Add(format.MonthGenitiveNames[m], m + 1);
                Add(format.AbbreviatedMonthNames[m], m + 1);
                Add(format.AbbreviatedMonthGenitiveNames[m], m + 1);
            }
        }

        // Spelled out so the common ones work even where ICU data is missing.
        string[] english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        string[] russian = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];
        string[] swedish = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
        for (var m = 0; m < 12; m++)
        {
            Add(english[m], m + 1);
            Add(english[m][..3], m + 1);
            Add(russian[m], m + 1);
            Add(swedish[m], m + 1);
        }

        return names;

        void Add(string name, int month)
        {
            var key = name.Trim().TrimEnd('.').ToLowerInvariant();
            if (key.Length > 0 && !key.Any(char.IsAsciiDigit))
            {
                names.TryAdd(key, month);
            }
        }
    }
}
