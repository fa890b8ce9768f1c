namespace SocialFunctions.Documents.Infrastructure;

/// <summary>How much of an element fits into the space it was offered.</summary>
public enum SpacePlanKind
{
    /// <summary>Nothing fits: the element must move to the next page.</summary>
    Wrap,

    /// <summary>Part fits; the rest continues on the next page.</summary>
    PartialRender,

    /// <summary>Everything left fits.</summary>
    FullRender,
}

/// <summary>The answer of <see cref="Element.Measure"/>: page breaks are data, decided before anything is drawn.</summary>
public readonly record struct SpacePlan(SpacePlanKind Kind, float Width, float Height)
{
    public static SpacePlan Wrap() => new(SpacePlanKind.Wrap, 0, 0);

    public static SpacePlan Partial(float width, float height) => new(SpacePlanKind.PartialRender, width, height);

    public static SpacePlan Full(float width, float height) => new(SpacePlanKind.FullRender, width, height);

    public bool IsWrap => Kind == SpacePlanKind.Wrap;

    public bool IsFull => Kind == SpacePlanKind.FullRender;
}
