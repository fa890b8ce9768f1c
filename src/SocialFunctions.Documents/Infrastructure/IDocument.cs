using SkiaSharp;

namespace SocialFunctions.Documents.Infrastructure;

/// <summary>A document: its metadata, its page setup, and a fresh element tree each time it is composed.</summary>
public interface IDocument
{
    DocumentMetadata Metadata { get; }

    PageSetup Page { get; }

    /// <summary>Builds a new element tree. Called once per layout pass, because elements remember what they drew.</summary>
    DocumentContent Compose();
}

/// <summary>PDF metadata. Dates come from the caller, never the clock, so the same input renders the same document.</summary>
public sealed record DocumentMetadata
{
    public required string Title { get; init; }

    public string? Author { get; init; }

    public string? Subject { get; init; }

    public string? Creator { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>Paper size and margins in PDF points (1/72 inch); header and footer bands sit inside the margins.</summary>
public sealed record PageSetup
{
    public static readonly SKSize A4 = new(595.28f, 841.89f);

    public static readonly SKSize Letter = new(612f, 792f);

    public SKSize Size { get; init; } = A4;

    public float MarginLeft { get; init; } = 48f;

    public float MarginRight { get; init; } = 48f;

    public float MarginTop { get; init; } = 40f;

    public float MarginBottom { get; init; } = 36f;

    public float HeaderHeight { get; init; }

    public float FooterHeight { get; init; }

    /// <summary>Gap between the header band and the content, and between the content and the footer band.</summary>
    public float BandSpacing { get; init; } = 12f;

    public SKRect ContentArea(bool hasHeader, bool hasFooter)
    {
        var top = MarginTop + (hasHeader ? HeaderHeight + BandSpacing : 0);
        var bottom = Size.Height - MarginBottom - (hasFooter ? FooterHeight + BandSpacing : 0);
        return new SKRect(MarginLeft, top, Size.Width - MarginRight, bottom);
    }
}

/// <summary>What a page shows: the flowing content, and per-page header/footer built from the page numbers.</summary>
public sealed record DocumentContent
{
    public required Element Content { get; init; }

    /// <summary>The header band of a page, or null for none on that page (e.g. the cover).</summary>
    public Func<PageContext, Element?>? Header { get; init; }

    public Func<PageContext, Element?>? Footer { get; init; }

    /// <summary>A full-page background drawn before anything else (e.g. the cover's colour band).</summary>
    public Action<SKCanvas, PageContext>? Background { get; init; }
}

/// <summary>Which page is being drawn, out of how many ("Page 3 of 11").</summary>
public sealed record PageContext(int PageNumber, int TotalPages, SKSize PageSize);

/// <summary>
/// A document whose text names the page where one of its parts lands ("see Data coverage, page 19"). The renderer lays the
/// document out once, tells it the first page of every element named in <see cref="Anchors"/>, then draws it. The text
/// printed in the first pass should be as wide as the final one (a two-digit placeholder for a page number), so the
/// layout cannot move.
/// </summary>
public interface IPageReferences
{
    /// <summary>Element names (<c>Named(...)</c>) whose first page the document wants to know.</summary>
    IReadOnlyCollection<string> Anchors { get; }

    /// <summary>Called between the counting pass and the drawing pass; names that were not drawn are absent.</summary>
    void Resolve(IReadOnlyDictionary<string, int> firstPages);
}
