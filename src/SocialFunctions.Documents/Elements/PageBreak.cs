using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>Ends the current page: the first time it is offered space it takes none and asks for a new page.</summary>
public sealed class PageBreak : Element
{
    private bool done;

    public override void ResetState() => done = false;

    public override SpacePlan Measure(SKSize available) => done ? SpacePlan.Full(0, 0) : SpacePlan.Partial(0, 0);

    protected override void DrawContent(DrawContext context, SKRect area) => done = true;
}
