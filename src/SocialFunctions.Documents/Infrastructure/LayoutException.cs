namespace SocialFunctions.Documents.Infrastructure;

/// <summary>An element that cannot fit even on an empty page; names it and the space it was offered and needed.</summary>
public sealed class LayoutException : Exception
{
    public LayoutException()
    {
    }

    public LayoutException(string message)
        : base(message)
    {
    }

    public LayoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LayoutException(string elementName, int pageNumber, float availableWidth, float availableHeight, float neededHeight)
        : base(BuildMessage(elementName, pageNumber, availableWidth, availableHeight, neededHeight))
    {
        ElementName = elementName;
        PageNumber = pageNumber;
        AvailableWidth = availableWidth;
        AvailableHeight = availableHeight;
        NeededHeight = neededHeight;
    }

    public string? ElementName { get; }

    public int PageNumber { get; }

    public float AvailableWidth { get; }

    public float AvailableHeight { get; }

    /// <summary>The height the element needs at that width; NaN when it cannot fit at any height (e.g. too wide).</summary>
    public float NeededHeight { get; }

    private static string BuildMessage(string elementName, int pageNumber, float width, float height, float needed)
    {
        var need = float.IsNaN(needed)
            ? "it does not fit at this width at any height"
            : FormattableString.Invariant($"it needs {needed:0.#} pt of height");
        return FormattableString.Invariant(
            $"Element '{elementName}' does not fit on page {pageNumber}, even on an empty page: offered {width:0.#} × {height:0.#} pt, {need}.");
    }
}
