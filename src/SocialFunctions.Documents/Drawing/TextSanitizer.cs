using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using SkiaSharp;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// Makes untrusted text drawable with one typeface: composes accents (NFC) so "e"+"◌́" uses the font's "é", turns
/// exotic spaces into spaces, and drops what the font has no glyph for (emoji, joiners, variation selectors) rather
/// than drawing tofu boxes — except a minus sign, which becomes "-". With a fallback typeface (emoji), what the fallback
/// draws is kept, with the joiners, variation selectors and modifiers that make its sequences.
/// </summary>
public static class TextSanitizer
{
    public static string Sanitize(string? text, SKTypeface typeface, SKTypeface? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Most report text (numbers, labels, names) is printable ASCII the typeface draws, without doubled spaces:
        // sanitising would give it back unchanged, so skip the per-character work.
        if (IsDrawableAscii(text, typeface))
        {
            return text;
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var inSequence = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var wasInSequence = inSequence;
            inSequence = false;
            if (fallback is not null && wasInSequence && TextStyle.IsSequencePart(rune.Value))
            {
                builder.Append(rune.ToString());
                inSequence = true;
            }
            else if (rune.Value == '\n')
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
            else if (fallback is not null && fallback.ContainsGlyph(rune.Value))
            {
                builder.Append(rune.ToString());
                inSequence = true;
            }
            else if (rune.Value == '\u2212')
            {
                // A minus sign the font cannot draw must not vanish ("−41 %" would read "41 %"): fall back to the hyphen-minus.
                builder.Append('-');
            }
        }

        return CollapseSpaces(builder);
    }

    /// <summary>
    /// True when every character is printable ASCII (always NFC, never a control or exotic space) that
    /// <paramref name="typeface"/> has, with no two spaces in a row: the text sanitises to itself.
    /// </summary>
    private static bool IsDrawableAscii(string text, SKTypeface typeface)
    {
        var coverage = AsciiCoverage.GetValue(typeface, static face =>
        {
            var has = new bool[128];
            for (var c = 0x20; c < 0x7F; c++)
            {
                has[c] = face.ContainsGlyph(c);
            }

            return has;
        });
        var previous = '\0';
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' || !coverage[c] || (c == ' ' && previous == ' '))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    /// <summary>Which printable ASCII characters each typeface has (a native call per character otherwise).</summary>
    private static readonly ConditionalWeakTable<SKTypeface, bool[]> AsciiCoverage = [];

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
