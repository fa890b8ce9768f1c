using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Tests.Support;

/// <summary>
/// The layout DSL: a page of <c>width × height</c> points with no margins, and content composed fresh per pass.
/// <c>TestDocument.Page(100, 50).With(() => column).Layout()</c> gives pages and positions to assert on.
/// </summary>
internal sealed class TestDocument(PageSetup page, Func<Element> compose) : IDocument
{
    public Func<PageContext, Element?>? Header { get; init; }

    public Func<PageContext, Element?>? Footer { get; init; }

    public DocumentMetadata Metadata { get; init; } = new() { Title = "Test document", Author = "Tests", CreatedAt = new DateTimeOffset(2026, 11, 1, 7, 0, 0, TimeSpan.Zero) };

    public PageSetup Page => page;

    public static PageSetup Space(float width, float height) => new()
    {
        Size = new SKSize(width, height),
        MarginLeft = 0,
        MarginRight = 0,
        MarginTop = 0,
        MarginBottom = 0,
        BandSpacing = 0,
    };

    public DocumentContent Compose() => new() { Content = compose(), Header = Header, Footer = Footer };

    public LayoutResult Layout() => DocumentRenderer.Layout(this, TestContext.Current.CancellationToken);
}
