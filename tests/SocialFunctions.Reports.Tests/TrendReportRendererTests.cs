using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Glossary;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests;

public sealed class TrendReportRendererTests(RenderedReports reports) : IClassFixture<RenderedReports>
{
    private static readonly ReportFormatter English = new(ReportLocale.English);

    [Fact]
    public void Render_FixtureModel_PrintsEverySectionHeading()
    {
        var labels = ReportLabels.English;
        string[] headings =
        [
            labels.ExecutiveSummary, labels.AtAGlance, labels.ContentPerformance, labels.TopPosts, labels.BottomPosts,
            labels.SeriesPerformance, labels.SeriesSuggestions, labels.CalendarAdherence, labels.PivotPlan,
            labels.DataCoverage, labels.Glossary, "Instagram", "LinkedIn", "TikTok", "YouTube",
        ];

        var missing = headings.Where(heading => reports.English.FirstPageContaining(heading) == 0).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Render_FixtureModel_SectionsAppearInOrderOnTheirOwnPages()
    {
        var labels = ReportLabels.English;
        var pdf = reports.English;
        int[] pages =
        [
            pdf.FirstPageContaining(labels.ExecutiveSummary + "What leadership"),
            pdf.FirstPageContaining("InstagramChannel performance"),
            pdf.FirstPageContaining(labels.ContentPerformance + "The posts"),
            pdf.FirstPageContaining(labels.SeriesPerformance + "Each recurring"),
            pdf.FirstPageContaining(labels.CalendarAdherence + "Posts per ISO"),
            pdf.FirstPageContaining(labels.PivotPlan + "The social team"),
            pdf.FirstPageContaining(labels.DataCoverage + "Which days"),
            pdf.FirstPageContaining(labels.Glossary + "How each metric"),
        ];

        Assert.All(pages, page => Assert.True(page > 1));
        Assert.Equal(pages.Order(), pages);
    }

    [Fact]
    public void Render_FixtureModel_ChannelPagesShowTheModelsNumbersFormatted()
    {
        var model = ReportModelBuilder.Build();
        foreach (var channel in model.Channels)
        {
            var name = ReportContext.ChannelName(channel.Channel);
            var page = reports.English.Pages[reports.English.FirstPageContaining(name + "Channel performance") - 1];

            Assert.Contains(English.Count(channel.Impressions), page, StringComparison.Ordinal);
            Assert.Contains(English.Rate(channel.EngagementRate), page, StringComparison.Ordinal);
            Assert.Contains(English.Count(channel.Engagements), page, StringComparison.Ordinal);
            Assert.Contains(English.Change(channel.Mom["engagementRate"]), page, StringComparison.Ordinal);
            Assert.Contains(English.Rate(channel.Ctr), page, StringComparison.Ordinal);
            if (channel.WatchTimeSeconds is not null)
            {
                Assert.Contains(English.Duration(channel.WatchTimeSeconds), page, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Render_ChannelWithoutVideoMetrics_NoRowOrTileOfDashesNorZero()
    {
        var page = reports.English.Pages[reports.English.FirstPageContaining("LinkedInChannel performance") - 1];

        Assert.DoesNotContain(ReportLabels.English.Metrics["watchTimeSeconds"], page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportLabels.English.Metrics["videoViews"], page, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0 h", page, StringComparison.Ordinal);
        // A channel with video keeps the rows.
        Assert.Contains(ReportLabels.English.Metrics["watchTimeSeconds"], reports.English.Pages[reports.English.FirstPageContaining("InstagramChannel performance") - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FixtureModel_PageCountIsSane()
    {
        // Cover, summary, 4 channels, ~11 pages of 200 + 10 posts, series, calendar, ~3 of commentary, coverage, glossary.
        Assert.InRange(reports.English.Pages.Count, 20, 32);
    }

    [Fact]
    public void Render_200TopPosts_PaginateWithRepeatedHeaderAndKeepTheLastPost()
    {
        var pdf = reports.English;
        var first = pdf.FirstPageContaining(ReportLabels.English.TopPosts);
        var bottom = pdf.FirstPageContaining(ReportLabels.English.BottomPosts);
        var last = ReportModelBuilder.Build().TopPosts[^1];

        Assert.True(bottom - first >= 8, $"200 posts took only pages {first}–{bottom}.");
        Assert.All(Enumerable.Range(first, bottom - first + 1), page => Assert.Contains("#DATECHANNELPOST", pdf.Pages[page - 1], StringComparison.Ordinal));
        Assert.Contains("200" + English.ShortDate(new DateOnly(2026, 10, 14)), pdf.All, StringComparison.Ordinal);
        Assert.Contains(English.Count(last.Impressions) + English.Count(last.Engagements), pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongCommentary_PaginatesAndKeepsTheLastParagraphAsPlainText()
    {
        var pdf = RenderedReports.Render(ReportModelBuilder.Build(topPosts: 5, commentaryParagraphs: 80));

        Assert.True(pdf.CountPagesContaining("we will move Tip Tuesday") >= 5);
        Assert.Contains("Paragraph 80:", pdf.All, StringComparison.Ordinal);
        Assert.Contains("<b>and</b>", pdf.All, StringComparison.Ordinal);
        Assert.Contains("Action 80b: test two posting times", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FixtureModel_EmbedsSubsetFontsOnly()
    {
        Assert.NotEmpty(reports.English.FontNames);
        Assert.All(reports.English.FontNames, font => Assert.Matches("^[A-Z]{6}\\+Noto(Sans|Emoji)-", font));
    }

    [Fact]
    public void Render_FixtureModel_SetsMetadataFromTheModel()
    {
        Assert.Equal("Northwind Coffee Roasters — trend report October 2026", reports.English.Title);
        Assert.Equal("SocialFunctions", reports.English.Author);
        Assert.StartsWith("D:20261101060000", reports.English.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FrenchLocale_UsesFrenchLabelsNumbersMonthsAndLetterPaper()
    {
        var pdf = reports.French;
        var french = new ReportFormatter(ReportLocale.French);
        var instagram = ReportModelBuilder.Build().Channels[0];

        foreach (var label in new[] { "Synthèse", "Performance des contenus", "Séries de contenus", "Respect du calendrier", "Couverture des données", "Glossaire", "octobre 2026", "Page 2 sur" })
        {
            Assert.True(pdf.FirstPageContaining(label) > 0, $"'{label}' is missing from the French report.");
        }

        Assert.Contains(PdfText.Normalize(french.Rate(instagram.EngagementRate)), pdf.All, StringComparison.Ordinal);
        Assert.Contains(PdfText.Normalize(french.Count(instagram.Impressions)), pdf.All, StringComparison.Ordinal);
        Assert.Matches(@"\d,\d\d %", pdf.All);
        Assert.DoesNotContain("Executive summary", pdf.All, StringComparison.Ordinal);
        // Table headers use the abbreviation each glossary defines: "ER" in English, "TE" (taux d'engagement) in French.
        Assert.DoesNotMatch(@"\bER\b", pdf.All);
        Assert.Matches(@"\bER\b", reports.English.All);
        Assert.Equal(612, pdf.PageWidth, 1);
    }

    [Fact]
    public void Render_FixtureModel_PrintsGlossaryTermsFromTheSpec()
    {
        var glossaryPage = reports.English.FirstPageContaining(ReportLabels.English.Glossary + "How each metric");
        // Terms wrap inside their column, and a line break leaves no space in the extracted text: compare without spaces.
        var glossary = string.Concat(string.Join(string.Empty, reports.English.Pages.Skip(glossaryPage - 1)).Where(c => !char.IsWhiteSpace(c)));
        static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

        string[] terms = ["Engagement rate (ER)", "Click-through rate (CTR)", "platformEngagements", "watchTimeSeconds", "awareness", "Funnel focus"];
        Assert.All(terms, term => Assert.Contains(Squeeze(term), glossary, StringComparison.Ordinal));
        Assert.All(MetricGlossary.Topics.SelectMany(topic => topic.Entries).Select(entry => entry.Term), term => Assert.Contains(Squeeze(term), glossary, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SameModelTwice_ProducesTheSameTextLayout()
    {
        var again = RenderedReports.Render(ReportModelBuilder.Build());

        Assert.Equal(reports.English.Layout, again.Layout);
    }

    [Fact]
    public void Render_EmptyModel_ExplainsEverySectionInsteadOfDroppingIt()
    {
        var model = ReportModelBuilder.Build() with
        {
            Channels = [],
            Cadence = [],
            Series = [],
            TopPosts = [],
            BottomPosts = [],
            Coverage = [],
            Insights = [],
            SeriesSuggestions = [],
            Commentary = "   ",
        };
        var labels = ReportLabels.English;

        var pdf = RenderedReports.Render(model);

        string[] notes = [labels.NoInsights, labels.NoChannels, labels.NoPosts, labels.NoSeries, labels.NoCadence, labels.NoCommentary, labels.NoCoverage];
        Assert.All(notes, note => Assert.Contains(note, pdf.All, StringComparison.Ordinal));
        Assert.Contains(labels.ChannelPerformance, pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderAsync_ConcurrentRenders_ProduceIdenticalText()
    {
        var renderer = new TrendReportRenderer();
        var model = ReportModelBuilder.Build(topPosts: 20, commentaryParagraphs: 4);

        var renders = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var stream = new MemoryStream();
            await renderer.RenderAsync(model, stream, TestContext.Current.CancellationToken);
            return PdfText.Read(stream.ToArray()).Layout;
        }));

        Assert.All(renders, layout => Assert.Equal(renders[0], layout));
    }

    [Fact]
    public void Render_HugeUserTexts_FlowOrClampInsteadOfFailingLayout()
    {
        var words = string.Join(' ', Enumerable.Repeat("overflowing", 900));
        var baseline = ReportModelBuilder.Build(topPosts: 3, commentaryParagraphs: 1);
        var model = baseline with
        {
            Commentary = "- " + words + " END-OF-BULLET",
            TopPosts = [baseline.TopPosts[0] with { Text = new string('x', 20_000) }],
            Insights = [new Insight { Rank = 1, Kind = InsightKind.NoMoves, Text = words, LocalizedText = words }],
            Series = [baseline.Series[0] with { Series = words }],
        };

        var pdf = RenderedReports.Render(model);

        Assert.Contains("END-OF-BULLET", pdf.All, StringComparison.Ordinal);
        Assert.Contains("…", pdf.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AtRiskSeriesWithEvidence_ShowsTheStatusAndTheSentence()
    {
        var baseline = ReportModelBuilder.Build(topPosts: 3, commentaryParagraphs: 1);
        var model = baseline with
        {
            Series = [baseline.Series[0] with { Status = "at-risk", Evidence = "−31 % over 7 posts since 14 Sep; 6 of the 7 below the channel's median for reels" }],
        };

        var text = string.Concat(RenderedReports.Render(model).All.Where(c => !char.IsWhiteSpace(c)));

        Assert.Contains("Atrisk", text, StringComparison.Ordinal);
        Assert.Contains("-31%over7postssince14Sep;6ofthe7belowthechannel'smedianforreels", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PostTextWithEmojiAndAccents_RendersEmojiInTheShippedFontAndKeepsAccents()
    {
        // Cells wrap where the column ends, and a line break leaves no space in the extracted text: compare without spaces.
        var text = string.Concat(reports.English.All.Where(c => !char.IsWhiteSpace(c)));

        Assert.Contains("Cafécrème,déjàvu:therecipe", text, StringComparison.Ordinal);
        Assert.Contains("OurnewEthiopiansingleoriginishere☕🎉Bright,floral", text, StringComparison.Ordinal);
        Assert.Contains(reports.English.FontNames, font => font.EndsWith("+NotoEmoji-Regular", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Overview_PageWithTheFormatTableNumbers()
    {
        var baseline = ReportModelBuilder.Build(topPosts: 3, commentaryParagraphs: 1);
        var model = baseline with
        {
            Overview = baseline.Overview with
            {
                Total = new OverallTotals { Current = new ChannelMetrics { Posts = 4, Impressions = 5000, Engagements = 270, EngagementRate = 0.054 } },
                History = [.. Enumerable.Range(0, 13).Select(i => new OverviewMonth
                {
                    Month = baseline.Month.AddMonths(i - 12),
                    Posts = 4,
                    Impressions = 5000,
                    Engagements = 200 + i,
                    EngagementRate = (200.0 + i) / 5000,
                    EngagementsByChannel = new Dictionary<string, long> { ["instagram"] = 200 + i },
                })],
                ByContentType =
                [
                    new ContentSlice { Dimension = ContentDimensions.ContentType, Key = "reel", Posts = 2, EngagementRate = 220.0 / 3000, PriorPosts = 1, PriorEngagementRate = 0.05, Lift = 1.4 },
                    new ContentSlice { Dimension = ContentDimensions.ContentType, Key = "image", Posts = 2, EngagementRate = 0.025, PriorPosts = 0, Lift = 0.6 },
                ],
            },
        };

        var pdf = RenderedReports.Render(model);
        var overview = pdf.FirstPageContaining(ReportLabels.English.Overview + ReportLabels.English.OverviewLead[..20]);
        var page = pdf.Pages[overview - 1] + pdf.Pages[overview]; // "What works" may start on the next page

        Assert.Contains(ReportLabels.English.WhatWorks, page, StringComparison.Ordinal);
        Assert.Contains("Reels", page, StringComparison.Ordinal);
        Assert.Contains("7.33%", page, StringComparison.Ordinal);
        Assert.Contains("5.00%", page, StringComparison.Ordinal);
        Assert.Contains("Images", page, StringComparison.Ordinal);
        Assert.Contains("2.50%", page, StringComparison.Ordinal);
        Assert.True(overview < pdf.FirstPageContaining("InstagramChannel performance"));
    }

    [Fact]
    public void Render_FrenchLocale_GlossaryInFrench()
    {
        var text = string.Join('\n', reports.French.Pages.Skip(reports.French.FirstPageContaining(ReportLabels.French.Glossary) - 1));

        Assert.Contains("L'enregistrement canonique d'une publication", text, StringComparison.Ordinal);
        Assert.DoesNotContain("The canonical post record", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FixtureModel_StaysUnder500KB()
    {
        // 30 pages with 200 posts, every chart and both fonts subset: the demo report's bound holds for a larger one.
        Assert.InRange(reports.English.Bytes.Length, 1, 500 * 1024);
        Assert.InRange(reports.French.Bytes.Length, 1, 500 * 1024);
    }
}
