using SocialFunctions.Documents.Charts;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Documents.Tests.Support;
using UglyToad.PdfPig;

namespace SocialFunctions.Documents.Tests.Charts;

public sealed class ChartElementTests
{
    [Fact]
    public void Draw_ScatterChart_WritesAxisLabelsAsVectorText()
    {
        var document = new TestDocument(TestDocument.Space(400, 300), () => new ChartElement(250, plot =>
        {
            plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 10, 30, 20 });
            plot.Axes.Left.Label.Text = "Impressions";
            plot.Title("Quarterly trend");
        }));
        using var stream = new MemoryStream();

        DocumentRenderer.RenderPdf(document, stream, TestContext.Current.CancellationToken);

        using var pdf = PdfDocument.Open(stream.ToArray());
        var page = pdf.GetPage(1);
        Assert.Contains("Quarterly trend", page.Text, StringComparison.Ordinal);
        Assert.Empty(page.GetImages());
    }

    [Fact]
    public void Measure_TallerThanSpace_Wraps()
    {
        var chart = new ChartElement(250, _ => { });

        Assert.True(chart.Measure(new SkiaSharp.SKSize(400, 249)).IsWrap);
    }
}
