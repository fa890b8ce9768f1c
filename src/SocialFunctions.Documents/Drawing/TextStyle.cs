using SkiaSharp;

namespace SocialFunctions.Documents.Drawing;

/// <summary>
/// A text style: typeface, size, colour, line height. Holds a native <see cref="SKFont"/> created on first use, so
/// create styles per render (a <c>Typography</c> per document), never share one instance between threads.
/// </summary>
public sealed class TextStyle
{
    private SKFont? font;

    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineHeight = 1.3f)
    {
        ArgumentNullException.ThrowIfNull(typeface);
        Typeface = typeface;
        Size = size;
        Color = color;
        LineHeight = lineHeight;
    }

    public SKTypeface Typeface { get; }

    public float Size { get; }

    public SKColor Color { get; }

    /// <summary>Multiple of the font size between baselines.</summary>
    public float LineHeight { get; }

    /// <summary>Distance between two baselines, in points.</summary>
    public float LineSpacing => Size * LineHeight;

    internal SKFont Font => font ??= new SKFont(Typeface, Size) { Subpixel = true, Edging = SKFontEdging.Antialias };

    public TextStyle With(float? size = null, SKColor? color = null, SKTypeface? typeface = null, float? lineHeight = null) =>
        new(typeface ?? Typeface, size ?? Size, color ?? Color, lineHeight ?? LineHeight);

    public float MeasureWidth(string text) => Font.MeasureText(text);

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
