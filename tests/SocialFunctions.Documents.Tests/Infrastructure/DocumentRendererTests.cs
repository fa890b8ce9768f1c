using SkiaSharp;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace SocialFunctions.Documents.Tests.Infrastructure;

public sealed class DocumentRendererTests
{
    private static TextStyle Style() => new(FontLibrary.Default.Regular, 10, SKColors.Black);

    private static TestDocument ThreePagesWithFooter() =>
        new(TestDocument.Space(200, 100) with { FooterHeight = 14 }, () => new Column()
            .Add(Box.Of(80, "a"))
            .Add(Box.Of(80, "b"))
            .Add(new TextBlock("Grüße, señor — déjà vu 🎉", Style())))
        {
            Footer = page => new TextBlock($"Page {page.PageNumber} of {page.TotalPages}", Style()) { Alignment = TextAlignment.Right },
        };

    private static byte[] Render(IDocument document)
    {
        using var stream = new MemoryStream();
        DocumentRenderer.RenderPdf(document, stream, TestContext.Current.CancellationToken);
        return stream.ToArray();
    }

    [Fact]
    public void RenderPdf_Footer_PrintsPageNumberOfTotal()
    {
        using var pdf = PdfDocument.Open(Render(ThreePagesWithFooter()));

        Assert.Equal(3, pdf.NumberOfPages);
        Assert.Contains("Page 2 of 3", pdf.GetPage(2).Text, StringComparison.Ordinal);
        Assert.Contains("Page 3 of 3", pdf.GetPage(3).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPdf_AccentedText_IsSelectableWithEmbeddedSubsetFont()
    {
        using var pdf = PdfDocument.Open(Render(ThreePagesWithFooter()));
        var page = pdf.GetPage(3);

        Assert.Contains("Grüße, señor — déjà vu", page.Text, StringComparison.Ordinal);
        var letter = page.Letters.First(l => l.Value == "G");
        Assert.Contains("NotoSans", letter.FontName, StringComparison.Ordinal);
        Assert.Contains("+", letter.FontName, StringComparison.Ordinal); // ABCDEF+Name marks an embedded subset.
    }

    [Fact]
    public void RenderPdf_AfterADocumentOfOtherCharacters_EmbedsASubsetWithItsOwn()
    {
        // Subsets are shared between renders with the same characters: a document drawing characters outside the base
        // repertoire (Ł, ź, Ő) must get its own subset, not the one an earlier plain-ASCII document left behind.
        static TestDocument Of(string text) =>
            new(TestDocument.Space(200, 100), () => new Column().Add(new TextBlock(text, Style())));

        using var plain = PdfDocument.Open(Render(Of("Plain ASCII words")));
        using var polish = PdfDocument.Open(Render(Of("Łódź in autumn")));
        using var hungarian = PdfDocument.Open(Render(Of("Őrség in autumn")));
        using var plainAgain = PdfDocument.Open(Render(Of("Plain ASCII words")));

        Assert.Contains("Plain ASCII words", plain.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("Łódź in autumn", polish.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("Őrség in autumn", hungarian.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("Plain ASCII words", plainAgain.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderPdf_Metadata_UsesGivenTitleAuthorAndDate()
    {
        using var pdf = PdfDocument.Open(Render(ThreePagesWithFooter()));

        Assert.Equal("Test document", pdf.Information.Title);
        Assert.Equal("Tests", pdf.Information.Author);
        Assert.StartsWith("D:20261101070000", pdf.Information.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_NestedElementTallerThanPage_ThrowsNamingThatElement()
    {
        var document = new TestDocument(TestDocument.Space(200, 100), () => new Column()
            .Add(Box.Of(20, "intro"))
            .Add(new Column().Add(Box.Of(130, "oversized-chart")).Named("section")));

        var error = Assert.Throws<LayoutException>(() => document.Layout());

        Assert.Equal("oversized-chart", error.ElementName);
        Assert.Equal(2, error.PageNumber);
        Assert.Equal(130f, error.NeededHeight);
        Assert.Contains("'oversized-chart'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_FooterBand_DrawsFooterAtBottomMargin()
    {
        var layout = ThreePagesWithFooter().Layout();

        Assert.Equal(3, layout.PageCount);
        Assert.Equal(new SKRect(0, 86, 200, 99), layout.Placements.First(p => p.Name == nameof(TextBlock) && p.PageNumber == 1).Area);
    }
}
