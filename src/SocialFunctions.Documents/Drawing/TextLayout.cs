namespace SocialFunctions.Documents.Drawing;

/// <summary>Greedy line breaking at spaces, honouring hard line breaks; words wider than a line are split.</summary>
public static class TextLayout
{
    /// <summary>Breaks text into lines; stops at <paramref name="lineLimit"/> lines (callers that clamp need one more than they keep).</summary>
    public static IReadOnlyList<string> BreakLines(string text, TextStyle style, float maxWidth, int lineLimit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            BreakParagraph(paragraph.Trim(), style, maxWidth, lines, lineLimit);
            if (lines.Count >= lineLimit)
            {
                break;
            }
        }

        return lines;
    }

    /// <summary>Cuts lines to <paramref name="maxLines"/>, ending the last kept one with an ellipsis that fits.</summary>
    public static IReadOnlyList<string> Clamp(IReadOnlyList<string> lines, int maxLines, TextStyle style, float maxWidth)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(style);
        if (lines.Count <= maxLines)
        {
            return lines;
        }

        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && style.MeasureWidth(last + "…") > maxWidth)
        {
            last = last[..^1];
        }

        kept[^1] = last.TrimEnd() + "…";
        return kept;
    }

    private static void BreakParagraph(string paragraph, TextStyle style, float maxWidth, List<string> lines, int lineLimit)
    {
        if (paragraph.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var current = string.Empty;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (style.MeasureWidth(candidate) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            if (lines.Count >= lineLimit)
            {
                return;
            }

            current = word;
            while (current.Length > 1 && lines.Count < lineLimit && style.MeasureWidth(current) > maxWidth)
            {
                var cut = FittingPrefixLength(current, style, maxWidth);
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        lines.Add(current);
    }

    private static int FittingPrefixLength(string word, TextStyle style, float maxWidth)
    {
        // Binary search: a 20,000-character token (a pasted URL, a row of emoji) must not cost a measure per character.
        // No glyph is narrower than ~0.15 em, which bounds how many characters can fit at all.
        int low = 1, high = Math.Min(word.Length - 1, (int)(maxWidth / (style.Size * 0.15f)) + 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (style.MeasureWidth(word[..middle]) <= maxWidth)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        // Never split a surrogate pair.
        if (low > 1 && char.IsHighSurrogate(word[low - 1]))
        {
            low--;
        }

        return Math.Max(1, low);
    }
}
