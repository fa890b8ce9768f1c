using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests.Sections;

public sealed class CalendarSectionTests
{
    [Fact]
    public void Render_WeeksNoExportCovers_SayNoExportInsteadOfZeroPosts_PartWeeksSayTheirDays()
    {
        // An Instagram export that began mid-month: two weeks unknown, one covered 5 days of 7.
        var baseline = ReportModelBuilder.Build(topPosts: 5, commentaryParagraphs: 1);
        CadenceWeek Week(string week, int day, int posts, int covered, double? adherence) => new()
        {
            Channel = "instagram", Week = week, WeekStart = new DateOnly(2026, 10, day), Posts = posts, Target = 3, CoveredDays = covered, Adherence = adherence,
        };
        var model = baseline with
        {
            Cadence =
            [
                Week("2026-W41", 5, 0, 0, null), Week("2026-W42", 12, 0, 0, null), Week("2026-W43", 19, 2, 5, 2 / (3 * 5 / 7.0)), Week("2026-W44", 26, 3, 7, 1),
                Week("2026-W44", 26, 1, 6, null) with { Channel = "reddit", Target = null },
            ],
        };

        var pdf = RenderedReports.Render(model);
        var page = pdf.Pages[pdf.FirstPageContaining(ReportLabels.English.CalendarAdherence + "Posts per ISO") - 1];
        var flat = string.Concat(page.Where(c => !char.IsWhiteSpace(c)));

        Assert.Equal(2, flat.Split("—/3noexport").Length - 1);
        Assert.DoesNotContain("0/30%", flat, StringComparison.Ordinal);
        Assert.Contains("2/393%·5/7days", flat, StringComparison.Ordinal);
        Assert.Contains("3/3100%", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("100%·", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("notarget·", flat, StringComparison.Ordinal); // no target, no percentage to qualify
    }
}
