using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>Padding, background and border around one child; splits across pages when the child does.</summary>
public sealed class Decoration : Element
{
    public Decoration(Element child)
    {
        ArgumentNullException.ThrowIfNull(child);
        Child = child;
    }

    public Element Child { get; }

    public float PaddingLeft { get; init; }

    public float PaddingTop { get; init; }

    public float PaddingRight { get; init; }

    public float PaddingBottom { get; init; }

    public SKColor? Background { get; init; }

    public SKColor? BorderColor { get; init; }

    public float BorderWidth { get; init; } = 0.75f;

    /// <summary>A coloured bar on the left edge (callouts, insight cards).</summary>
    public SKColor? AccentColor { get; init; }

    public float AccentWidth { get; init; } = 3f;

    public float CornerRadius { get; init; }

    public override void ResetState() => Child.ResetState();

    public override SpacePlan Measure(SKSize available)
    {
        var inner = Inner(available);
        if (inner.Width <= 0 || inner.Height < 0)
        {
            return SpacePlan.Wrap();
        }

        var plan = Child.Measure(inner);
        var width = plan.Width + PaddingLeft + PaddingRight;
        var height = plan.Height + PaddingTop + PaddingBottom;
        return plan.Kind switch
        {
            SpacePlanKind.Wrap => SpacePlan.Wrap(),
            SpacePlanKind.PartialRender => SpacePlan.Partial(width, height),
            _ => SpacePlan.Full(width, height),
        };
    }

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        var canvas = context.Canvas;
        if (Background is { } background)
        {
            using var fill = new SKPaint { Color = background, IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawRoundRect(area, CornerRadius, CornerRadius, fill);
        }

        if (AccentColor is { } accent)
        {
            using var bar = new SKPaint { Color = accent, IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(area.Left, area.Top, area.Left + AccentWidth, area.Bottom), bar);
        }

        if (BorderColor is { } border)
        {
            using var stroke = new SKPaint { Color = border, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = BorderWidth };
            canvas.DrawRoundRect(area, CornerRadius, CornerRadius, stroke);
        }

        Child.Draw(context, new SKRect(area.Left + PaddingLeft, area.Top + PaddingTop, area.Right - PaddingRight, area.Bottom - PaddingBottom));
    }

    internal override Element FindBlocker(SKSize available) => Child.FindBlocker(Inner(available));

    private SKSize Inner(SKSize available) =>
        new(available.Width - PaddingLeft - PaddingRight, available.Height - PaddingTop - PaddingBottom);
}
