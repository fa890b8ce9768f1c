using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>Children stacked top to bottom with spacing; continues on the next page where a child does not fit.</summary>
public sealed class Column : Element
{
    private readonly List<ColumnItem> items = [];
    private int next;

    public float Spacing { get; init; }

    public Column Add(Element element, bool keepWithNext = false)
    {
        ArgumentNullException.ThrowIfNull(element);
        items.Add(new ColumnItem(element, keepWithNext));
        return this;
    }

    public override void ResetState()
    {
        next = 0;
        items.ForEach(item => item.Element.ResetState());
    }

    public override SpacePlan Measure(SKSize available)
    {
        var plan = Plan(available);
        return plan.Result;
    }

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        var plan = Plan(area.Size);
        var top = area.Top;
        foreach (var step in plan.Steps)
        {
            step.Item.Element.Draw(context, new SKRect(area.Left, top, area.Right, top + step.Height));
            top += step.Height + Spacing;
        }

        next += plan.Steps.Count(step => step.Complete);
    }

    internal override Element FindBlocker(SKSize available) =>
        next < items.Count ? items[next].Element.FindBlocker(available) : this;

    private ColumnPlan Plan(SKSize available)
    {
        var steps = new List<ColumnStep>();
        var used = 0f;
        for (var i = next; i < items.Count; i++)
        {
            var gap = steps.Count == 0 ? 0 : Spacing;
            var space = new SKSize(available.Width, Math.Max(0, available.Height - used - gap));
            var plan = items[i].Element.Measure(space);
            if (plan.IsWrap)
            {
                // A heading marked keep-with-next follows its content to the next page instead of being orphaned.
                while (steps.Count > 1 && steps[^1].Item.KeepWithNext)
                {
                    steps.RemoveAt(steps.Count - 1);
                }

                return Finish(steps, available.Width, complete: false);
            }

            steps.Add(new ColumnStep(items[i], plan.Height, plan.IsFull));
            used += gap + plan.Height;
            if (!plan.IsFull)
            {
                return Finish(steps, available.Width, complete: false);
            }
        }

        return Finish(steps, available.Width, complete: true);
    }

    private ColumnPlan Finish(List<ColumnStep> steps, float width, bool complete)
    {
        if (steps.Count == 0)
        {
            return new ColumnPlan(steps, complete ? SpacePlan.Full(0, 0) : SpacePlan.Wrap());
        }

        var height = steps.Sum(step => step.Height) + (Spacing * (steps.Count - 1));
        return new ColumnPlan(steps, complete ? SpacePlan.Full(width, height) : SpacePlan.Partial(width, height));
    }

    private sealed record ColumnItem(Element Element, bool KeepWithNext);

    private sealed record ColumnStep(ColumnItem Item, float Height, bool Complete);

    private sealed record ColumnPlan(List<ColumnStep> Steps, SpacePlan Result);
}
