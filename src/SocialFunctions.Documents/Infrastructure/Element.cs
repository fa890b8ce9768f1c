using SkiaSharp;

namespace SocialFunctions.Documents.Infrastructure;

/// <summary>
/// A piece of a document. <see cref="Measure"/> says what fits into the offered space without side effects;
/// <see cref="Draw"/> then draws exactly that and remembers what is left for the next page.
/// </summary>
public abstract class Element
{
    /// <summary>A name for layout errors and layout traces; defaults to the type name.</summary>
    public string? Name { get; set; }

    public string DisplayName => Name ?? GetType().Name;

    public abstract SpacePlan Measure(SKSize available);

    /// <summary>Draws into <paramref name="area"/> (the offered width, the measured height) and consumes the drawn part.</summary>
    public void Draw(DrawContext context, SKRect area)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Trace(this, area);
        DrawContent(context, area);
    }

    protected abstract void DrawContent(DrawContext context, SKRect area);

    /// <summary>
    /// Forgets what was drawn so the element can be drawn again from the start (a table header repeated on every
    /// page). Containers pass it on to their children.
    /// </summary>
    public virtual void ResetState()
    {
    }

    /// <summary>The innermost element that refuses the space, so a layout error can name it.</summary>
    internal virtual Element FindBlocker(SKSize available) => this;

    /// <summary>What this element would need on an empty page of unlimited height, for layout errors.</summary>
    internal virtual float NaturalHeight(float width)
    {
        var plan = Measure(new SKSize(width, LayoutConstants.Unbounded));
        return plan.IsWrap ? float.NaN : plan.Height;
    }
}

internal static class LayoutConstants
{
    /// <summary>"As much height as you need": large but finite so arithmetic stays exact.</summary>
    public const float Unbounded = 1_000_000f;

    /// <summary>Tolerance for float rounding when comparing heights.</summary>
    public const float Epsilon = 0.01f;
}
