using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests.Sections;

public sealed class ChannelSectionTests(RenderedReports reports) : IClassFixture<RenderedReports>
{
    [Fact]
    public void Render_FrenchLocale_ChannelPageNamesEngagementComponentsInFrench()
    {
        // The fixture's LinkedIn provides reactions, comments, shares, clicks. Lines wrap where the lead ends, and a line
        // break leaves no space in the extracted text: compare without spaces.
        var page = Squeeze(reports.French.Pages[reports.French.FirstPageContaining("LinkedIn" + ReportLabels.French.ChannelPerformance) - 1]);

        Assert.Contains(Squeeze("réactions, commentaires, partages, clics."), page, StringComparison.Ordinal);
        Assert.DoesNotContain(Squeeze("reactions, comments"), page, StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
