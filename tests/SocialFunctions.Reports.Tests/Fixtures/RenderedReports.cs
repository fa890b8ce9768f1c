using SocialFunctions.Core.Brands;

namespace SocialFunctions.Reports.Tests.Fixtures;

/// <summary>Renders the fixture report once per test class run instead of once per test (each render takes seconds).</summary>
public sealed class RenderedReports
{
    private readonly Lazy<PdfText> english = new(() => Render(ReportModelBuilder.Build()));
    private readonly Lazy<PdfText> french = new(() => Render(ReportModelBuilder.Build() with { Locale = ReportLocale.French, PaperSize = PaperSize.Letter }));

    internal PdfText English => english.Value;

    internal PdfText French => french.Value;

    internal static PdfText Render(Core.Reporting.ReportModel model) =>
        PdfText.Read(new TrendReportRenderer().Render(model, TestContext.Current.CancellationToken));
}
