using SocialFunctions.Core.Brands;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests.Sections;

public sealed class SeriesSectionTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Render_SeriesOnAChannelWithoutEngagementFigures_SaysWhyInsteadOfARowOfDashes(string language)
    {
        var locale = language == "fr" ? ReportLocale.French : ReportLocale.English;
        var labels = language == "fr" ? ReportLabels.French : ReportLabels.English;
        var model = ReportModelBuilder.Build() with { Locale = locale };
        // Pinterest exports no per-post engagement: the series has posts but no rate, baseline, gap or verdict.
        model = model with
        {
            Series = [.. model.Series, model.Series[0] with
            {
                Series = "Recipe Pins", Channel = "pinterest", EngagementRate = null, BaselineEngagementRate = null,
                RelativeGap = null, Status = null, Evidence = null, Trend = [],
            }],
        };

        var pdf = RenderedReports.Render(model);

        var page = Squeeze(string.Join('\n', pdf.Pages));
        Assert.Contains(Squeeze("Recipe Pins" + labels.SeriesWithoutEngagement), page, StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
