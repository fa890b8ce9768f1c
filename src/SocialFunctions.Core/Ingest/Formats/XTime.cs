using System.Globalization;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>Time formats of X exports.</summary>
internal static class XTime
{
    /// <summary>
    /// The post id of an X row: the id cell when it is the id (digits); else the id in the permalink
    /// (<c>…/status/649293177409679360</c>). Null when neither is: Excel turns 18-digit ids into <c>6.54E+17</c>, and
    /// storing that would merge every post sharing its rounded value (one per month was kept, the rest overwritten).
    /// </summary>
    public static string? PostId(string? idCell, string? permalink)
    {
        if (idCell is { Length: > 0 } && idCell.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return idCell;
        }

        var marker = permalink?.LastIndexOf("/status/", StringComparison.OrdinalIgnoreCase) ?? -1;
        if (marker < 0)
        {
            return null;
        }

        var tail = permalink.AsSpan(marker + "/status/".Length);
        var end = tail.IndexOfAnyExceptInRange('0', '9');
        var digits = end < 0 ? tail : tail[..end];
        return digits.Length > 0 ? digits.ToString() : null;
    }

    /// <summary>Why a row has no usable id (see <see cref="PostId"/>): what to do about it.</summary>
    public static string UnusableId(string column, string? idCell) =>
        $"{column}: '{idCell}' is not a post id (a spreadsheet app rounded it to a number) and no permalink gives it; re-download the export from X and upload it without opening and saving it in a spreadsheet";

    private const long TwitterEpochMilliseconds = 1288834974657;

    /// <summary>The offset nearly every legacy row states, as one string rather than one per row.</summary>
    private const string Utc = "+0000";

    // Format tables are built per read (a reader's row mapper takes them once per file and passes them for every cell), not
    // in static initializers, so mutation testing can reach them (docs/testing.md).

    /// <summary>The formats of <see cref="TryParseActivityTime"/>'s local part: take once per file.</summary>
    public static string[] LocalFormats => ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];

    /// <summary>
    /// The formats of <see cref="TryParsePremiumDate"/>, every vintage seen: <c>Tue, Oct 27, 2026</c>, <c>Mon Feb 17 2025</c>
    /// (2025 files), <c>2024-04-26</c>; take once per file. (<c>d</c> reads one or two digits, so no <c>dd</c> twin is needed.)
    /// </summary>
    public static string[] PremiumDateFormats => ["ddd, MMM d, yyyy", "ddd MMM d yyyy", "MMM d, yyyy", "yyyy-MM-dd", "M/d/yyyy"];

    /// <summary>Legacy <c>time</c>: <c>2026-10-27 14:03 +0000</c> (offset written without a colon).</summary>
    public static bool TryParseActivityTime(ReadOnlySpan<char> text, string[] localFormats, out DateTimeOffset value, out string? zone)
    {
        text = text.Trim();
        value = default;
        zone = null;
        var offset = TimeSpan.Zero;
        var space = text.LastIndexOf(' ');
        if (space > 0 && text.Length - space - 1 == 5 && text[space + 1] is '+' or '-')
        {
            var tail = text[(space + 1)..];
            if (!int.TryParse(tail[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(tail[3..5], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (tail[0] == '-' ? -1 : 1);
            zone = tail is "+0000" ? Utc : tail.ToString();
            text = text[..space];
        }

        if (!(CellDates.TryParseIsoMinutes(text, out var local) || CsvDates.TryParseLocal(text, localFormats, out local)) || !CsvDates.IsPlausibleYear(local))
        {
            return false;
        }

        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset).ToUniversalTime();
        return true;
    }

    /// <summary>X Premium <c>Date</c>: <c>Tue, Oct 27, 2026</c> or <c>Mon Feb 17 2025</c>.</summary>
    public static bool TryParsePremiumDate(ReadOnlySpan<char> text, string[] formats, out DateOnly date)
    {
        // Stryker disable once Boolean : equivalent, without the weekday the fast path refuses "Tue, …" and the first format reads it, checking the weekday as well
        if (CellDates.TryParseEnglishDate(text.Trim(), withWeekday: true, out date))
        {
            return true;
        }

        if (CsvDates.TryParseLocal(text, formats, out var value))
        {
            date = DateOnly.FromDateTime(value);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>The creation instant encoded in a snowflake post id (19 digits), when the text is one.</summary>
    public static DateTimeOffset? FromSnowflake(string? id)
    {
        if (id is null || id.Length < 15 || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        // Stryker disable once Bitwise : equivalent, `>>>` equals `>>` for the positive values that reach here
        return DateTimeOffset.FromUnixTimeMilliseconds((value >> 22) + TwitterEpochMilliseconds);
    }
}
