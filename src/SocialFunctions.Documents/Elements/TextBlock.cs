using SkiaSharp;
using SocialFunctions.Documents.Drawing;
using SkiaSharp.HarfBuzz;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

public enum TextAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>A paragraph in one style, wrapped to the width it gets; splits between lines across pages.</summary>
public sealed class TextBlock : Element
{
    private readonly string text;
    private IReadOnlyList<string>? lines;
    private float linesWidth = float.NaN;
    private int nextLine;

    public TextBlock(string? text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(style);
        Style = style;
        this.text = TextSanitizer.Sanitize(text, style.Typeface, style.Fallback);
    }

    public TextStyle Style { get; }

    public TextAlignment Alignment { get; init; } = TextAlignment.Left;

    /// <summary>When set, extra lines are cut and the last one ends with "…" (table cells with post texts).</summary>
    public int? MaxLines { get; init; }

    /// <summary>The text as it will be drawn, after sanitising.</summary>
    public string Text => text;

    public override void ResetState() => nextLine = 0;

    public override SpacePlan Measure(SKSize available)
    {
        var all = LinesFor(available.Width);
        var remaining = all.Count - nextLine;
        if (remaining <= 0)
        {
            return SpacePlan.Full(0, 0);
        }

        var fitting = Math.Min(remaining, (int)Math.Floor((available.Height + LayoutConstants.Epsilon) / Style.LineSpacing));
        if (fitting <= 0)
        {
            return SpacePlan.Wrap();
        }

        var width = all.Skip(nextLine).Take(fitting).Max(Style.MeasureWidth);
        var height = fitting * Style.LineSpacing;
        return fitting == remaining ? SpacePlan.Full(width, height) : SpacePlan.Partial(width, height);
    }

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        var all = LinesFor(area.Width);
        var fitting = Math.Min(all.Count - nextLine, (int)Math.Floor((area.Height + LayoutConstants.Epsilon) / Style.LineSpacing));
        var fonts = context.Fonts;
        using var paint = context.IsLayoutPass ? null : new SKPaint { Color = Style.Color, IsAntialias = true };
        for (var i = 0; i < fitting; i++)
        {
            var line = all[nextLine + i];
            if (line.Length == 0)
            {
                continue;
            }

            var runs = Style.Runs(line);
            if (context.IsLayoutPass)
            {
                // The counting pass records which characters each typeface draws, for the PDF's font subsets.
                foreach (var run in runs)
                {
                    fonts?.Use(run.IsFallback ? Style.Fallback! : Style.Typeface, run.Text, isShaped: run.IsFallback);
                }

                continue;
            }

            var y = area.Top + (i * Style.LineSpacing) + Style.BaselineOffset;
            var width = runs.Count == 1 && !runs[0].IsFallback ? 0 : Style.MeasureWidth(line);
            if (runs.Count == 1 && !runs[0].IsFallback)
            {
                var (x, align) = Alignment switch
                {
                    TextAlignment.Center => (area.MidX, SKTextAlign.Center),
                    TextAlignment.Right => (area.Right, SKTextAlign.Right),
                    _ => (area.Left, SKTextAlign.Left),
                };
                context.Canvas.DrawText(line, x, y, align, fonts?.DrawFont(Style.Typeface, Style) ?? Style.Font, paint!);
                continue;
            }

            // Mixed runs: place them one after the other from where the whole line starts.
            var start = Alignment switch
            {
                TextAlignment.Center => area.MidX - (width / 2),
                TextAlignment.Right => area.Right - width,
                _ => area.Left,
            };
            foreach (var run in runs)
            {
                if (run.IsFallback)
                {
                    var face = Style.Fallback!;
                    var font = fonts?.DrawFont(face, Style) ?? new SKFont(face, Style.Size);
                    var shaper = fonts?.Shaper(face) ?? new SKShaper(face);
                    context.Canvas.DrawShapedText(shaper, run.Text, start, y, SKTextAlign.Left, font, paint!);
                    start += shaper.Shape(run.Text, font).Width;
                    if (fonts is null)
                    {
                        shaper.Dispose();
                        font.Dispose();
                    }
                }
                else
                {
                    var font = fonts?.DrawFont(Style.Typeface, Style) ?? Style.Font;
                    context.Canvas.DrawText(run.Text, start, y, SKTextAlign.Left, font, paint!);
                    start += font.MeasureText(run.Text);
                }
            }
        }

        nextLine += Math.Max(0, fitting);
    }

    private IReadOnlyList<string> LinesFor(float width)
    {
        if (lines is null || Math.Abs(linesWidth - width) > LayoutConstants.Epsilon)
        {
            var broken = TextLayout.BreakLines(text, Style, width, MaxLines is { } limit ? limit + 1 : int.MaxValue);
            lines = MaxLines is { } max ? TextLayout.Clamp(broken, max, Style, width) : broken;
            linesWidth = width;
        }

        return lines;
    }
}
