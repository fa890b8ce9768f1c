using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// A text style: typeface, size, colour, line height. Holds a native <see cref="SKFont"/> created on first use, so
/// create styles per render (a <c>Typography</c> per document), never share one instance between threads.
/// </summary>
public sealed class TextStyle
{
    // Measuring shapers over whole fallback typefaces, shared: HarfBuzz shapes with a shared font from any thread.
    private static readonly ConcurrentDictionary<SKTypeface, SKShaper> MeasuringShapers = new();

    private const int MaxRememberedWidths = 4096;

    private readonly Dictionary<string, float> widths = new(StringComparer.Ordinal);
    private SKFont? font;
    private SKFont? fallbackFont;

    /// <param name="typeface">The text's typeface.</param>
    /// <param name="size">Size in points.</param>
    /// <param name="color">Text colour.</param>
    /// <param name="lineHeight">Multiple of the size between baselines.</param>
    /// <param name="fallback">
    /// A typeface for what <paramref name="typeface"/> cannot draw (emoji): such runs are shaped with HarfBuzz, so emoji
    /// sequences (👩‍🍳, flags, skin tones) become the font's single glyphs.
    /// </param>
    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineHeight = 1.3f, SKTypeface? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        Typeface = typeface;
        Size = size;
        Color = color;
        LineHeight = lineHeight;
        Fallback = fallback;
    }

    public SKTypeface Typeface { get; }

    public SKTypeface? Fallback { get; }

    public float Size { get; }

    public SKColor Color { get; }

    /// <summary>Multiple of the font size between baselines.</summary>
    public float LineHeight { get; }

    /// <summary>Distance between two baselines, in points.</summary>
    public float LineSpacing => Size * LineHeight;

    internal SKFont Font => font ??= new SKFont(Typeface, Size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    private SKFont FallbackFont => fallbackFont ??= new SKFont(Fallback!, Size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public TextStyle With(float? size = null, SKColor? color = null, SKTypeface? typeface = null, float? lineHeight = null) =>
        new(typeface ?? Typeface, size ?? Size, color ?? Color, lineHeight ?? LineHeight, Fallback);

    public float MeasureWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Fallback is null || !MayNeedFallback(text))
        {
            // Layout measures the same lines again and again (each measure of a table row, each pass over a page):
            // remember the widths of this style's texts; a style lives for one render only.
            if (widths.TryGetValue(text, out var known))
            {
                return known;
            }

            var measured = Font.MeasureText(text);
            if (widths.Count < MaxRememberedWidths)
            {
                widths[text] = measured;
            }

            return measured;
        }

        var width = 0f;
        foreach (var run in Runs(text))
        {
            width += run.IsFallback
                ? MeasuringShapers.GetOrAdd(Fallback, static face => new SKShaper(face)).Shape(run.Text, FallbackFont).Width
                : Font.MeasureText(run.Text);
        }

        return width;
    }

    /// <summary>
    /// The text cut into runs of the main typeface and of the fallback: a character the main typeface lacks starts a
    /// fallback run, and joiners, variation selectors, skin tones, keycaps and tag characters stay in it.
    /// </summary>
    internal IReadOnlyList<TextRun> Runs(string text)
    {
        if (Fallback is null || !MayNeedFallback(text))
        {
            return [new TextRun(text, false)];
        }

        var runs = new List<TextRun>();
        var current = new StringBuilder();
        var inFallback = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var fallback = inFallback && IsSequencePart(rune.Value) || (!Typeface.ContainsGlyph(rune.Value) && rune.Value > ' ');
            if (fallback != inFallback && current.Length > 0)
            {
                runs.Add(new TextRun(current.ToString(), inFallback));
                current.Clear();
            }

            inFallback = fallback;
            current.Append(rune.ToString());
        }

        if (current.Length > 0)
        {
            runs.Add(new TextRun(current.ToString(), inFallback));
        }

        return runs;
    }

    /// <summary>Characters that continue an emoji sequence: ZWJ, variation selectors, skin tones, keycap, tags.</summary>
    internal static bool IsSequencePart(int codepoint) =>
        codepoint is 0x200D or 0xFE0E or 0xFE0F or 0x20E3 or (>= 0x1F3FB and <= 0x1F3FF) or (>= 0xE0020 and <= 0xE007F);

    /// <summary>Text below U+2000 is Latin, Greek or Cyrillic: the main typeface's, no run splitting needed.</summary>
    private static bool MayNeedFallback(string text) => text.AsSpan().IndexOfAnyInRange('\u2000', '\uFFFF') >= 0;

    /// <summary>Baseline offset from the top of a line box: the ascent, centred in the extra line spacing.</summary>
    internal float BaselineOffset
    {
        get
        {
            var metrics = Font.Metrics;
            var glyphHeight = metrics.Descent - metrics.Ascent;
            return ((LineSpacing - glyphHeight) / 2f) - metrics.Ascent;
        }
    }
}

/// <summary>A piece of a line drawn with one typeface: the style's own, or its fallback (shaped).</summary>
internal readonly record struct TextRun(string Text, bool IsFallback);
