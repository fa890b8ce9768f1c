using SkiaSharp;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace SocialFunctions.Documents.Tests.Elements;

public sealed class TableTests
{
    private static Table TableWithRows(int rows)
    {
        var table = new Table([TableColumn.Points(40), TableColumn.Share(1)]) { CellPaddingX = 0, CellPaddingY = 0 };
        table.Header(Box.Of(10, "header-a"), Box.Of(10, "header-b"));
        for (var i = 0; i < rows; i++)
        {
            table.AddRow(Box.Of(20, $"row{i}-a"), Box.Of(20, $"row{i}-b"));
        }

        return table.Named("table");
    }

    [Fact]
    public void Draw_MoreRowsThanFit_SplitsBetweenRowsAndRepeatsHeader()
    {
        // 100 pt pages: header 10 + 4 rows × 20 = 90 per page, so 10 rows take 3 pages (4 + 4 + 2).
        var layout = new TestDocument(TestDocument.Space(200, 100), () => TableWithRows(10)).Layout();

        Assert.Equal(3, layout.PageCount);
        Assert.Equal([1, 2, 3], layout.Named("header-a").Select(p => p.PageNumber));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 3, 3], Enumerable.Range(0, 10).Select(i => layout.Named($"row{i}-a").Single().PageNumber));
        Assert.Equal(new SKRect(0, 10, 40, 30), layout.Named("row4-a").Single().Area);
        Assert.Equal(new SKRect(40, 10, 200, 30), layout.Named("row4-b").Single().Area);
    }

    [Fact]
    public void RenderPdf_TextHeaderOnEveryPage_PrintsHeaderTextOnEachPage()
    {
        var style = new TextStyle(FontLibrary.Default.Regular, 10, SKColors.Black);
        var document = new TestDocument(TestDocument.Space(200, 100), () =>
        {
            var table = new Table([TableColumn.Share(1)]).Header(new TextBlock("Channel header", style));
            for (var i = 0; i < 12; i++)
            {
                table.AddRow(new TextBlock($"row {i}", style));
            }

            return table;
        });
        using var stream = new MemoryStream();

        DocumentRenderer.RenderPdf(document, stream, TestContext.Current.CancellationToken);

        using var pdf = PdfDocument.Open(stream.ToArray());
        Assert.True(pdf.NumberOfPages >= 2);
        Assert.All(pdf.GetPages(), page => Assert.StartsWith("Channel header", page.Text, StringComparison.Ordinal));
        Assert.Contains("row 11", pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, 1)] // splits: two rows fit under the 40 pt already used, the third goes overleaf
    [InlineData(69f, 1)] // the table (70 pt) is taller than the limit: splits as before
    [InlineData(70f, 2)] // short enough to keep together: moves whole to the next page
    public void Draw_KeepTogetherUpTo_ShortTableMovesWholeInsteadOfSplitting(float keepTogetherUpTo, int firstRowPage)
    {
        // 100 pt pages: a 40 pt block, then a table of header 10 + 3 rows × 20 = 70 pt.
        var layout = new TestDocument(TestDocument.Space(200, 100), () =>
        {
            var table = new Table([TableColumn.Share(1)]) { CellPaddingX = 0, CellPaddingY = 0, KeepTogetherUpTo = keepTogetherUpTo };
            table.Header(Box.Of(10, "header"));
            for (var i = 0; i < 3; i++)
            {
                table.AddRow(Box.Of(20, $"row{i}"));
            }

            return new Column().Add(Box.Of(40, "above")).Add(table.Named("table"));
        }).Layout();

        Assert.Equal(firstRowPage, layout.Named("row0").Single().PageNumber);
        Assert.Equal(2, layout.Named("row2").Single().PageNumber);
        Assert.Equal(firstRowPage == 2 ? [2] : [1, 2], layout.Named("header").Select(p => p.PageNumber));
    }

    [Fact]
    public void Draw_AllRowsFit_OnePageWithRowsBelowHeader()
    {
        var layout = new TestDocument(TestDocument.Space(200, 100), () => TableWithRows(2)).Layout();

        Assert.Equal(1, layout.PageCount);
        Assert.Equal(new SKRect(0, 30, 40, 50), layout.Named("row1-a").Single().Area);
    }

    [Fact]
    public void Draw_RowTallerThanPage_ThrowsLayoutExceptionNamingTable()
    {
        var document = new TestDocument(TestDocument.Space(200, 100), () =>
            new Table([TableColumn.Share(1)]).AddRow(Box.Of(150, "giant")).Named("posts-table"));

        var error = Assert.Throws<LayoutException>(() => document.Layout());

        Assert.Equal("posts-table", error.ElementName);
        Assert.Equal(1, error.PageNumber);
        Assert.Equal(100f, error.AvailableHeight);
        Assert.Equal(157f, error.NeededHeight);
    }
}
