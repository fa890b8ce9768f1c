using System.Globalization;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// The one number parser of every export cell, CSV or spreadsheet, invariant and tolerant: <c>1203</c>, <c>1203.0</c>
/// (X writes counts as floats), <c>1,203</c>, <c>1 203</c> and <c>1\u202F203</c> (French thousands), <c>1'203</c>
/// (Swiss), <c>12,5</c> (decimal comma), <c>1.234,5</c>. No exceptions, no regex, no allocation.
/// </summary>
public static class ExportNumbers
{
    /// <summary>Parses a number; when only one of <c>.</c>/<c>,</c> occurs once and is followed by exactly three digits
    /// it is a thousands separator unless it is the dialect's decimal mark (<paramref name="decimalComma"/>).</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> text, bool decimalComma, out double value)
    {
        value = 0;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        // Plain digits (durations, most counts) are that integer exactly, as the parser below would read them.
        if (text.Length <= 15 && TryParseDigits(text, out var integer))
        {
            value = integer;
            return true;
        }

        // A short decimal with a point ("20.25" hours) where the point can only be the decimal mark: its digits as one
        // integer over a power of ten. Both are exact doubles (at most 15 digits), so the one division is correctly
        // rounded — the value double.TryParse gives.
        if (!decimalComma && text.Length <= 16 && TryParseShortDecimal(text, out value))
        {
            return true;
        }

        Span<char> clean = stackalloc char[64];
        var n = 0;
        int dots = 0, commas = 0, lastDot = -1, lastComma = -1;
        foreach (var c in text)
        {
            switch (c)
            {
                case ' ' or '\u00A0' or '\u202F' or '\'':
                    continue;
                case '.':
                    dots++;
                    lastDot = n;
                    break;
                case ',':
                    commas++;
                    lastComma = n;
                    break;
            }

            clean[n++] = c;
        }

        var digits = clean[..n];
        var decimalAt = -1;
        if (dots > 0 && commas > 0)
        {
            decimalAt = Math.Max(lastDot, lastComma);
        }
        else if (dots + commas == 1)
        {
            var at = dots == 1 ? lastDot : lastComma;
            var isDialectMark = (digits[at] == ',') == decimalComma;
            var threeDigitsFollow = n - at - 1 == 3;
            decimalAt = isDialectMark || !threeDigitsFollow ? at : -1;
        }

        Span<char> normal = stackalloc char[64];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var c = digits[i];
            if (c is '.' or ',')
            {
                if (i == decimalAt)
                {
                    normal[m++] = '.';
                }

                continue;
            }

            normal[m++] = c;
        }

        return double.TryParse(
            normal[..m],
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture,
            out value) && double.IsFinite(value);
    }

    /// <summary>Parses a count: an integer, or a float with an integral value such as <c>1203.0</c> (rounded).</summary>
    public static bool TryParseCount(ReadOnlySpan<char> text, bool decimalComma, out long value)
    {
        text = text.Trim();
        if (TryParseDigits(text, out value))
        {
            return true;
        }

        // X writes counts as floats ("1203.0"): digits, a decimal point and zeros are that integer, as the general path
        // below would find (it reads a single '.' as the decimal point unless the dialect uses decimal commas; at most 15
        // digits, below its 9e15 limit).
        var point = text.IndexOf('.');
        if (!decimalComma && point is > 0 and <= 15 && point + 1 < text.Length && text[(point + 1)..].IndexOfAnyExcept('0') < 0
            && TryParseDigits(text[..point], out value))
        {
            return true;
        }

        if (TryParseDouble(text, decimalComma, out var d) && Math.Abs(d) < 9e15)
        {
            value = (long)Math.Round(d, MidpointRounding.AwayFromZero);
            return true;
        }

        value = 0;
        return false;
    }

    private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Digits, one '.', digits (at most 15 digits in all); false for anything else.</summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var point = text.IndexOf('.');
        if (point <= 0 || point == text.Length - 1 || text.Length - 1 > 15
            || !TryParseDigits(text[..point], out var whole) || !TryParseDigits(text[(point + 1)..], out var fraction))
        {
            return false;
        }

        var scale = text.Length - point - 1;
        value = ((whole * (long)PowersOfTen[scale]) + fraction) / PowersOfTen[scale];
        return true;
    }

    /// <summary>The common case, plain digits (fewer than 18, so no overflow), read without the general parser.</summary>
    private static bool TryParseDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length >= 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            var digit = (uint)(c - '0');
            if (digit > 9)
            {
                value = 0;
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
