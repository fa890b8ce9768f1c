using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;
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

    [Fact]
    public void Render_ItemsAndCaveats_ItemsInRankOrderAndGapsOnOneLinePointingToCoverage()
    {
        var model = ReportModelBuilder.Build(topPosts: 5, commentaryParagraphs: 1) with
        {
            Insights =
            [
                new Insight { Rank = 3, Kind = InsightKind.Cadence, Channel = "facebook", LocalizedText = "Item three: Facebook posted 4 of 12 planned." },
                new Insight { Rank = 1, Kind = InsightKind.MetricMove, Channel = "instagram", LocalizedText = "Item one: Instagram engagements up 20 %." },
                new Insight { Rank = 2, Kind = InsightKind.SeriesGap, Channel = "tiktok", LocalizedText = "Item two: Tip Tuesday 40 % below TikTok." },
            ],
            Caveats =
            [
                new Insight { Rank = 1, Kind = InsightKind.CoverageGaps, Channel = "linkedin", Metric = "coverage", LocalizedText = "CAVEAT LinkedIn is missing 12–19 October." },
                new Insight { Rank = 2, Kind = InsightKind.NoCoverage, Channel = "tiktok", Metric = "coverage", LocalizedText = "CAVEAT TikTok has no export for October." },
            ],
        };

        var pdf = RenderedReports.Render(model);
        var summary = pdf.Pages[pdf.FirstPageContaining(ReportLabels.English.ExecutiveSummary + ReportLabels.English.ExecutiveSummaryLead[..20]) - 1];
        var flat = string.Concat(summary.Where(c => !char.IsWhiteSpace(c)));

        var positions = new[] { "Itemone:", "Itemtwo:", "Itemthree:" }.Select(item => flat.IndexOf(item, StringComparison.Ordinal)).ToArray();
        Assert.All(positions, position => Assert.True(position >= 0));
        Assert.Equal(positions.Order(), positions);
        // Gaps are named on one line, not listed as items: their sentences are on the coverage page.
        Assert.DoesNotContain("CAVEAT", summary, StringComparison.Ordinal);
        var coveragePage = pdf.FirstPageContaining(ReportLabels.English.DataCoverage + "Which days");
        Assert.Contains("CAVEAT LinkedIn is missing 12–19 October.", pdf.Pages[coveragePage - 1], StringComparison.Ordinal);
        Assert.Contains($"Datagaps:LinkedIn,TikTok.", flat, StringComparison.Ordinal);
        Assert.Contains($"seeDatacoverage,page{coveragePage}.", flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, PaperSize.A4)]
    [InlineData(true, PaperSize.Letter)]
    public void Render_SummaryOfEveryLength_GlanceTableNeverSplitsAcrossPages(bool french, PaperSize paper)
    {
        var locale = french ? ReportLocale.French : ReportLocale.English;
        // However long the items above it are, the short table of channels (and its heading) sits whole on one page.
        var labels = ReportLabels.For(locale);
        var fixture = ReportModelBuilder.Build(topPosts: 5, commentaryParagraphs: 1);
        string[] more = ["facebook", "x", "pinterest", "blog"];
        var eight = fixture.Channels.Concat(fixture.Channels.Select((c, i) => c with { Channel = more[i] })).ToList();
        var channels = eight.Select(c => ReportContext.ChannelName(c.Channel)).ToList();
        for (var words = 4; words <= 60; words += 4)
        {
            var filler = string.Join(' ', Enumerable.Repeat("placeholder", words));
            var model = fixture with
            {
                Locale = locale,
                PaperSize = paper,
                Channels = eight,
                Insights = [.. Enumerable.Range(1, 5).Select(rank => new Insight { Rank = rank, Kind = InsightKind.MetricMove, LocalizedText = $"Item {rank}: {filler}." })],
            };

            var pdf = RenderedReports.Render(model);

            var page = pdf.Pages[pdf.FirstPageContaining(labels.AtAGlance) - 1];
            Assert.All(channels, name => Assert.Contains(name, page, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Render_TotalChangedOverFewerChannels_TilesMarkedAndTheLeftOutNamedUnderThem(bool instagramLeftOut)
    {
        // A real brand whose Instagram export began mid-month: its total counts Instagram, its change does not.
        var baseline = ReportModelBuilder.Build(topPosts: 5, commentaryParagraphs: 1);
        var model = baseline with
        {
            Overview = baseline.Overview with
            {
                Total = new OverallTotals
                {
                    Current = new ChannelMetrics { Posts = 107, Reach = 8025, Engagements = 251, EngagementRate = 0.0211 },
                    Mom = new Dictionary<string, double?> { ["reach"] = -0.398, ["engagements"] = -0.697, ["engagementRate"] = -0.54, ["posts"] = -0.477 },
                    NotComparedMom = instagramLeftOut ? ["instagram"] : [],
                },
            },
        };

        var pdf = RenderedReports.Render(model);
        var summary = pdf.Pages[pdf.FirstPageContaining(ReportLabels.English.ExecutiveSummary + ReportLabels.English.ExecutiveSummaryLead[..20]) - 1];
        var flat = string.Concat(summary.Where(c => !char.IsWhiteSpace(c)));

        var note = "*Likeforlike:withoutInstagram";
        Assert.Equal(instagramLeftOut, flat.Contains(note, StringComparison.Ordinal));
        Assert.Equal(instagramLeftOut ? 4 : 0, flat.Split("vsSep26*").Length - 1);
        Assert.DoesNotContain("**", flat, StringComparison.Ordinal); // no change vs last year: nothing to mark
    }
}
