using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>Fluent helpers so composition code reads top-down: <c>text.Padding(8).Background(c).Named("kpi")</c>.</summary>
public static class ElementExtensions
{
    public static T Named<T>(this T element, string name)
        where T : Element
    {
        ArgumentNullException.ThrowIfNull(element);
        element.Name = name;
        return element;
    }

    public static Decoration Padding(this Element element, float all) =>
        new(element) { PaddingLeft = all, PaddingTop = all, PaddingRight = all, PaddingBottom = all };

    public static Decoration Padding(this Element element, float horizontal, float vertical) =>
        new(element) { PaddingLeft = horizontal, PaddingTop = vertical, PaddingRight = horizontal, PaddingBottom = vertical };

    public static Decoration PaddingTop(this Element element, float top) => new(element) { PaddingTop = top };

    public static Decoration PaddingBottom(this Element element, float bottom) => new(element) { PaddingBottom = bottom };

    /// <summary>A card: background, optional border and accent bar, inner padding.</summary>
    public static Decoration Card(this Element element, SKColor background, float padding, SKColor? border = null, SKColor? accent = null, float radius = 0) =>
        new(element)
        {
            Background = background,
            BorderColor = border,
            AccentColor = accent,
            CornerRadius = radius,
            PaddingLeft = padding + (accent is null ? 0 : 3),
            PaddingTop = padding,
            PaddingRight = padding,
            PaddingBottom = padding,
        };
}
