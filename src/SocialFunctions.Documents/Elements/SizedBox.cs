using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>Reserves exactly <see cref="Height"/> and draws its child at the top of it (fixed bands such as a cover); never split.</summary>
public sealed class SizedBox : Element
{
    public SizedBox(float height, Element child)
    {
        ArgumentNullException.ThrowIfNull(child);
        Height = height;
        Child = child;
    }

    public float Height { get; }

    public Element Child { get; }

    public override void ResetState() => Child.ResetState();

    public override SpacePlan Measure(SKSize available)
    {
        if (Height > available.Height + LayoutConstants.Epsilon)
        {
            return SpacePlan.Wrap();
        }

        var plan = Child.Measure(new SKSize(available.Width, Height));
        return plan.IsFull ? SpacePlan.Full(available.Width, Height) : SpacePlan.Wrap();
    }

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        var plan = Child.Measure(new SKSize(area.Width, Height));
        Child.Draw(context, new SKRect(area.Left, area.Top, area.Right, area.Top + plan.Height));
    }

    internal override Element FindBlocker(SKSize available) =>
        Height > available.Height + LayoutConstants.Epsilon ? this : Child.FindBlocker(new SKSize(available.Width, Height));
}
