using System.Globalization;

namespace SocialFunctions.Core.Ingest.Spreadsheets;

/// <summary>
/// Reads typed values from spreadsheet cells, which arrive as double, string, DateTime, bool or null depending on
/// whether the file was exported (text) or re-saved by a spreadsheet (typed).
/// </summary>
internal static class SheetCells
{
    /// <summary>Header text normalised for matching: trimmed, lower-case, single spaces.</summary>
    public static string NormalizeHeader(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>
    /// A count: typed numbers are rounded; text accepts invariant "1203", "1203.0", thousands separators
    /// and a decimal comma from European re-saves. Returns false (with nothing) when the cell is not a number.
    /// </summary>
    public static bool TryNumber(object? value, out double number)
    {
        switch (value)
        {
            case double d:
                number = d;
                return true;
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case string s:
                return TryParseNumberText(s, out number);
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>Parses "1203", "1,203", "1203.0", "1 203", "12,5" (decimal comma), "3.5%" (as 3.5).</summary>
    public static bool TryParseNumberText(string text, out double number)
    {
        var s = text.Trim().Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (s.EndsWith('%'))
        {
            s = s[..^1];
        }

        if (s.Length == 0)
        {
            number = 0;
            return false;
        }

        var comma = s.IndexOf(',', StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        if (comma >= 0 && dot < 0)
        {
            // "1,203" is a thousands separator; "12,5" or "0,045" is a decimal comma.
            var digitsAfter = s.Length - s.LastIndexOf(',') - 1;
            var single = comma == s.LastIndexOf(',');
            s = single && digitsAfter != 3 ? s.Replace(',', '.') : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (comma >= 0 && dot >= 0)
        {
            // Whichever comes last is the decimal separator.
            s = comma > dot
                ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>A calendar day: typed dates, Excel serial numbers, or text MM/DD/YYYY (US, as LinkedIn writes) and ISO.</summary>
    public static bool TryDate(object? value, out DateOnly date)
    {
        switch (value)
        {
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double serial when serial > 1 && serial < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return true;
            case string s:
                var t = s.Trim();
                var space = t.IndexOfAny([' ', 'T']);
                if (space > 0)
                {
                    t = t[..space];
                }

                return DateOnly.TryParseExact(t, ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            default:
                date = default;
                return false;
        }
    }

    /// <summary>Cell text for error messages, shortened.</summary>
    public static string Describe(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.Length > 40 ? text[..40] + "…" : text;
    }
}
