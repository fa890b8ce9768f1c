using SkiaSharp;

namespace SocialFunctions.Documents.Infrastructure;

/// <summary>Where elements draw, and the record of where each one landed (for tests and diagnostics).</summary>
public sealed class DrawContext
{
    private readonly List<PlacedElement>? trace;

    internal DrawContext(SKCanvas canvas, int pageNumber, bool isLayoutPass, List<PlacedElement>? trace, Drawing.RenderFonts? fonts = null)
    {
        Fonts = fonts;
        Canvas = canvas;
        PageNumber = pageNumber;
        IsLayoutPass = isLayoutPass;
        this.trace = trace;
    }

    public SKCanvas Canvas { get; }

    /// <summary>The render's fonts when it writes a PDF: the counting pass records characters, the drawing pass uses subsets.</summary>
    public Drawing.RenderFonts? Fonts { get; }

    public int PageNumber { get; }

    /// <summary>True while pages are only counted: expensive drawing (charts, images) may be skipped.</summary>
    public bool IsLayoutPass { get; }

    internal void Trace(Element element, SKRect area) =>
        trace?.Add(new PlacedElement(element.DisplayName, PageNumber, area));
}

/// <summary>One element drawn on one page at one place (PDF points, origin top-left).</summary>
public sealed record PlacedElement(string Name, int PageNumber, SKRect Area);
