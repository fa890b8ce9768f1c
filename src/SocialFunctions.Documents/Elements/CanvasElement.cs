using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>A fixed-height box drawn by a callback (rectangles, sparklines, heat-map cells); never split.</summary>
public sealed class CanvasElement : Element
{
    private readonly Action<SKCanvas, SKRect> draw;

    public CanvasElement(float height, Action<SKCanvas, SKRect> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        Height = height;
        this.draw = draw;
    }

    public float Height { get; }

    public override SpacePlan Measure(SKSize available) =>
        Height <= available.Height + LayoutConstants.Epsilon ? SpacePlan.Full(available.Width, Height) : SpacePlan.Wrap();

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        if (!context.IsLayoutPass)
        {
            // A row or table cell may offer more height than asked for; the drawing keeps its own height.
            draw(context.Canvas, new SKRect(area.Left, area.Top, area.Right, area.Top + Math.Min(Height, area.Height)));
        }
    }

    /// <summary>A filled rectangle (rules, colour bands), or empty space when <paramref name="color"/> is transparent.</summary>
    public static CanvasElement Rectangle(float height, SKColor color) => new(height, (canvas, area) =>
    {
        if (color.Alpha == 0)
        {
            return;
        }

        using var paint = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
        canvas.DrawRect(area, paint);
    });

    public static CanvasElement Space(float height) => Rectangle(height, SKColors.Transparent);
}
