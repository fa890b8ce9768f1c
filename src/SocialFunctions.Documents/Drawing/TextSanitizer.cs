using System.Globalization;
using System.Text;
using SkiaSharp;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// Makes untrusted text drawable with one typeface: composes accents (NFC) so "e"+"◌́" uses the font's "é", turns
/// exotic spaces into spaces, and drops what the font has no glyph for (emoji, joiners, variation selectors) rather
/// than drawing tofu boxes — except a minus sign, which becomes "-".
/// </summary>
public static class TextSanitizer
{
    public static string Sanitize(string? text, SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                builder.Append('\n');
            }
            else if (rune.Value == '\r')
            {
                continue;
            }
            else if (rune.Value == '\t' || Rune.IsWhiteSpace(rune))
            {
                // Non-breaking and narrow spaces stay when the font draws them: they keep "12,5 %" together.
                builder.Append(rune.Value is 0xA0 or 0x202F && typeface.ContainsGlyph(rune.Value) ? rune.ToString() : " ");
            }
            else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }
            else if (typeface.ContainsGlyph(rune.Value))
            {
                builder.Append(rune.ToString());
            }
            else if (rune.Value == '\u2212')
            {
                // A minus sign the font cannot draw must not vanish ("−41 %" would read "41 %"): fall back to the hyphen-minus.
                builder.Append('-');
            }
        }

        return CollapseSpaces(builder);
    }

    private static string CollapseSpaces(StringBuilder builder)
    {
        // Dropped emoji leave doubled spaces ("great 🎉 news"); one space reads better.
        var result = new StringBuilder(builder.Length);
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] == ' ' && result.Length > 0 && result[^1] == ' ')
            {
                continue;
            }

            result.Append(builder[i]);
        }

        return result.ToString();
    }
}
