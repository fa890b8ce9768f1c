using SkiaSharp;

namespace SocialFunctions.Documents.Infrastructure;

/// <summary>
/// Lays a document out into pages and writes the PDF. Two passes: the first only counts pages (so footers can say
/// "of N"), the second draws. Thread-safe: every call composes its own element tree.
/// </summary>
public static class DocumentRenderer
{
    /// <summary>A runaway guard: an element that never finishes would otherwise produce pages forever.</summary>
    private const int MaxPages = 5_000;

    public static async Task RenderPdfAsync(IDocument document, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        // SkiaSharp writes synchronously; buffer so the caller's stream sees one async write.
        using var buffer = new MemoryStream();
        RenderPdf(document, buffer, cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    public static void RenderPdf(IDocument document, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        // The counting pass records the characters each font draws; the PDF embeds subsets of exactly those.
        using var fonts = new Drawing.RenderFonts();
        var totalPages = CountPages(document, cancellationToken, fonts);
        fonts.BuildSubsets();

        using var managed = new SKManagedWStream(output);
        using var pdf = SKDocument.CreatePdf(managed, ToSkia(document.Metadata))
            ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        Run(document, totalPages, trace: null, beginPage: size => (pdf.BeginPage(size.Width, size.Height), false), endPage: pdf.EndPage, cancellationToken, fonts);
        pdf.Close();
    }

    /// <summary>Lays out without producing a PDF: pages and where every element landed (for tests and diagnostics).</summary>
    public static LayoutResult Layout(IDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var totalPages = CountPages(document, cancellationToken);
        var trace = new List<PlacedElement>();
        var canvases = new List<SKCanvas>();
        try
        {
            var pages = Run(
                document,
                totalPages,
                trace,
                beginPage: size =>
                {
                    var canvas = new SKNoDrawCanvas((int)Math.Ceiling(size.Width), (int)Math.Ceiling(size.Height));
                    canvases.Add(canvas);
                    return (canvas, false);
                },
                endPage: () => { },
                cancellationToken);
            return new LayoutResult(pages, trace);
        }
        finally
        {
            canvases.ForEach(canvas => canvas.Dispose());
        }
    }

    private static int CountPages(IDocument document, CancellationToken cancellationToken, Drawing.RenderFonts? fonts = null)
    {
        var size = document.Page.Size;
        using var canvas = new SKNoDrawCanvas((int)Math.Ceiling(size.Width), (int)Math.Ceiling(size.Height));
        var references = document as IPageReferences;
        var trace = references is null ? null : new List<PlacedElement>();
        var pages = Run(document, totalPages: 0, trace, beginPage: _ => (canvas, true), endPage: () => { }, cancellationToken, fonts);
        if (references is not null)
        {
            var firstPages = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var placed in trace!)
            {
                if (references.Anchors.Contains(placed.Name))
                {
                    firstPages.TryAdd(placed.Name, placed.PageNumber);
                }
            }

            references.Resolve(firstPages);
        }

        return pages;
    }

    private static int Run(
        IDocument document,
        int totalPages,
        List<PlacedElement>? trace,
        Func<SKSize, (SKCanvas Canvas, bool IsLayoutPass)> beginPage,
        Action endPage,
        CancellationToken cancellationToken,
        Drawing.RenderFonts? fonts = null)
    {
        var setup = document.Page;
        var content = document.Compose();
        var pageNumber = 0;
        var finished = false;
        while (!finished)
        {
            cancellationToken.ThrowIfCancellationRequested();
            pageNumber++;
            if (pageNumber > MaxPages)
            {
                throw new LayoutException($"The document exceeds {MaxPages} pages; an element never finishes ('{content.Content.DisplayName}').");
            }

            var page = new PageContext(pageNumber, totalPages, setup.Size);
            var header = content.Header?.Invoke(page);
            var footer = content.Footer?.Invoke(page);
            var area = setup.ContentArea(header is not null, footer is not null);
            var plan = content.Content.Measure(area.Size);
            if (plan.IsWrap)
            {
                var blocker = content.Content.FindBlocker(area.Size);
                throw new LayoutException(blocker.DisplayName, pageNumber, area.Width, area.Height, blocker.NaturalHeight(area.Width));
            }

            var (canvas, isLayoutPass) = beginPage(setup.Size);
            var context = new DrawContext(canvas, pageNumber, isLayoutPass, trace, fonts);
            if (!isLayoutPass)
            {
                content.Background?.Invoke(canvas, page);
            }

            if (header is not null)
            {
                DrawBand(header, context, new SKRect(area.Left, setup.MarginTop, area.Right, setup.MarginTop + setup.HeaderHeight), "header", pageNumber);
            }

            content.Content.Draw(context, new SKRect(area.Left, area.Top, area.Right, area.Top + plan.Height));

            if (footer is not null)
            {
                var bottom = setup.Size.Height - setup.MarginBottom;
                DrawBand(footer, context, new SKRect(area.Left, bottom - setup.FooterHeight, area.Right, bottom), "footer", pageNumber);
            }

            endPage();
            finished = plan.IsFull;
        }

        return pageNumber;
    }

    private static void DrawBand(Element band, DrawContext context, SKRect area, string role, int pageNumber)
    {
        var plan = band.Measure(area.Size);
        if (!plan.IsFull)
        {
            throw new LayoutException($"{band.DisplayName} ({role})", pageNumber, area.Width, area.Height, band.NaturalHeight(area.Width));
        }

        band.Draw(context, new SKRect(area.Left, area.Top, area.Right, area.Top + plan.Height));
    }

    private static SKDocumentPdfMetadata ToSkia(DocumentMetadata metadata)
    {
        var created = metadata.CreatedAt ?? DateTimeOffset.UnixEpoch;
        return new SKDocumentPdfMetadata
        {
            Title = metadata.Title,
            Author = metadata.Author,
            Subject = metadata.Subject,
            Creator = metadata.Creator,
            Producer = "SocialFunctions.Documents (SkiaSharp)",
            Creation = created.UtcDateTime,
            Modified = created.UtcDateTime,
            RasterDpi = 300,
            EncodingQuality = 95,
            PdfA = false,
        };
    }
}

/// <summary>The outcome of a layout: how many pages, and every element's place on them.</summary>
public sealed record LayoutResult(int PageCount, IReadOnlyList<PlacedElement> Placements)
{
    public IEnumerable<PlacedElement> Named(string name) => Placements.Where(placement => placement.Name == name);
}
