using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>
/// Children side by side, each a fixed width or a share of what is left. Kept whole on one page: a row of KPI tiles
/// or charts split across pages reads as a mistake.
/// </summary>
public sealed class Row : Element
{
    private readonly List<(Element Element, RowWidth Width)> items = [];

    public float Spacing { get; init; }

    public Row Fixed(float width, Element element)
    {
        ArgumentNullException.ThrowIfNull(element);
        items.Add((element, new RowWidth(width, 0)));
        return this;
    }

    public Row Relative(float weight, Element element)
    {
        ArgumentNullException.ThrowIfNull(element);
        items.Add((element, new RowWidth(0, weight)));
        return this;
    }

    public override void ResetState() => items.ForEach(item => item.Element.ResetState());

    public override SpacePlan Measure(SKSize available)
    {
        var widths = Widths(available.Width);
        var height = 0f;
        for (var i = 0; i < items.Count; i++)
        {
            var plan = items[i].Element.Measure(new SKSize(widths[i], available.Height));
            if (!plan.IsFull)
            {
                return SpacePlan.Wrap();
            }

            height = Math.Max(height, plan.Height);
        }

        return SpacePlan.Full(available.Width, height);
    }

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        var widths = Widths(area.Width);
        var left = area.Left;
        for (var i = 0; i < items.Count; i++)
        {
            items[i].Element.Draw(context, new SKRect(left, area.Top, left + widths[i], area.Bottom));
            left += widths[i] + Spacing;
        }
    }

    internal override Element FindBlocker(SKSize available)
    {
        var widths = Widths(available.Width);
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].Element.Measure(new SKSize(widths[i], available.Height)).IsFull)
            {
                return items[i].Element.FindBlocker(new SKSize(widths[i], available.Height));
            }
        }

        return this;
    }

    private float[] Widths(float total)
    {
        var spacing = Spacing * Math.Max(0, items.Count - 1);
        var fixedSum = items.Sum(item => item.Width.Fixed);
        var weights = items.Sum(item => item.Width.Weight);
        var free = Math.Max(0, total - spacing - fixedSum);
        return items.Select(item => item.Width.Weight > 0 ? free * item.Width.Weight / weights : item.Width.Fixed).ToArray();
    }

    private readonly record struct RowWidth(float Fixed, float Weight);
}
