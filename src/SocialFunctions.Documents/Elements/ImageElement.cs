using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>A raster image scaled to fit a fixed height (aspect kept, centred); never split.</summary>
public sealed class ImageElement : Element
{
    private readonly SKImage image;

    public ImageElement(SKImage image, float height)
    {
        ArgumentNullException.ThrowIfNull(image);
        this.image = image;
        Height = height;
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

        var scale = Math.Min(area.Width / image.Width, area.Height / image.Height);
        var width = image.Width * scale;
        var height = image.Height * scale;
        var target = SKRect.Create(area.MidX - (width / 2), area.MidY - (height / 2), width, height);
        context.Canvas.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }
}
