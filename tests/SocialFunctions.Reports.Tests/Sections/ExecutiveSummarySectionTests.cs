using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests.Sections;

public sealed class ExecutiveSummarySectionTests
{
    [Fact]
    public void Render_FrenchBrandWithLocalizedInsight_PrintsTheFrenchSentence()
    {
        var model = ReportModelBuilder.Build(topPosts: 5, commentaryParagraphs: 1) with
        {
            Locale = ReportLocale.French,
            Insights =
            [
                new Insight { Rank = 1, Kind = InsightKind.MetricMove, Text = "Instagram engagement rate up 18 % vs September.", LocalizedText = "Taux d'engagement Instagram en hausse de 18 % par rapport à septembre." },
            ],
        };

        var pdf = RenderedReports.Render(model);

        Assert.Contains("Taux d'engagement Instagram en hausse de 18 %", pdf.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Instagram engagement rate up 18 %", pdf.All, StringComparison.Ordinal);
    }
}
