namespace SocialFunctions.Documents.Drawing;

/// <summary>Greedy line breaking at spaces, honouring hard line breaks; words wider than a line are split.</summary>
public static class TextLayout
{
    public static IReadOnlyList<string> BreakLines(string text, TextStyle style, float maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(style);
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            BreakParagraph(paragraph.Trim(), style, maxWidth, lines);
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

    private static void BreakParagraph(string paragraph, TextStyle style, float maxWidth, List<string> lines)
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

            current = word;
            while (current.Length > 1 && style.MeasureWidth(current) > maxWidth)
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
        var length = word.Length - 1;
        while (length > 1 && style.MeasureWidth(word[..length]) > maxWidth)
        {
            length--;
        }

        // Never split a surrogate pair.
        if (char.IsHighSurrogate(word[length - 1]) && length > 1)
        {
            length--;
        }

        return Math.Max(1, length);
    }
}
