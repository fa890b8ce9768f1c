using ScottPlot;
using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Charts;

/// <summary>
/// A ScottPlot 5 chart drawn as vectors straight onto the page canvas, into the rectangle the layout gives it, so
/// lines stay sharp in print and axis labels stay selectable text. Fixed height; never split.
/// </summary>
public sealed class ChartElement : Element
{
    private readonly Action<Plot> configure;

    /// <param name="height">Height in points; the width is whatever the layout offers.</param>
    /// <param name="configure">Adds data and styles to a fresh plot; called once per drawn page, never shared.</param>
    public ChartElement(float height, Action<Plot> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Height = height;
        this.configure = configure;
    }

    public float Height { get; }

    public override SpacePlan Measure(SKSize available) =>
        Height <= available.Height + LayoutConstants.Epsilon ? SpacePlan.Full(available.Width, Height) : SpacePlan.Wrap();

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        if (context.IsLayoutPass)
        {
            return;
        }

        ChartFonts.EnsureRegistered();
        using var plot = new Plot();
        plot.Font.Set(ChartFonts.FamilyName);
        configure(plot);
        context.Canvas.Save();
        context.Canvas.ClipRect(area);
        plot.Render(context.Canvas, new PixelRect(area.Left, area.Right, area.Bottom, area.Top));
        context.Canvas.Restore();
    }
}
