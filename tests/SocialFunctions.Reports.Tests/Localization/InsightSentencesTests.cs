using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports.Tests.Localization;

/// <summary>The insight sentences, from the numbers Core chose; the builder's tests check that Core chooses them.</summary>
public sealed class InsightSentencesTests
{
    private static readonly ReportMonth October = new(2026, 10);

    private static readonly Insight ErUp = new()
    {
        Rank = 1, Kind = InsightKind.MetricMove, Channel = "instagram", Metric = "engagementRate", Value = 0.0475, Reference = 0.03, Change = (0.0475 - 0.03) / 0.03, Streak = 3,
    };

    [Fact]
    public void Sentence_MetricMoveWithStreak_EnglishAndFrench()
    {
        Assert.Equal("Instagram engagement rate up 58 % vs September (4.8 % vs 3.0 %), best in 3 months.", InsightSentences.Sentence(ErUp, October, ReportLocale.English));
        Assert.Equal("Taux d'engagement Instagram en hausse de 58 % par rapport à septembre (4,8 % contre 3,0 %), au plus haut depuis 3 mois.", InsightSentences.Sentence(ErUp, October, ReportLocale.French));
    }

    [Fact]
    public void Sentence_MetricMoveWithoutStreak_NoStreakClause() =>
        Assert.Equal(
            "Instagram engagements down 20 % vs September (160 vs 200).",
            InsightSentences.Sentence(new Insight { Rank = 1, Kind = InsightKind.MetricMove, Channel = "instagram", Metric = "engagements", Value = 160, Reference = 200, Change = -0.2 }, October, ReportLocale.English));

    [Fact]
    public void Sentence_Cadence_PostsOfPlan() =>
        Assert.Equal(
            "Instagram published 4 of 10 planned posts in the 5 weeks of October (40 % of plan).",
            InsightSentences.Sentence(new Insight { Rank = 3, Kind = InsightKind.Cadence, Channel = "instagram", Metric = "adherence", Value = 4, Reference = 10, Weeks = 5 }, October, ReportLocale.English));

    // The sign is ASCII: the PDF's font has no U+2212 and used to drop it, printing a fall as "(78 %)".
    [Fact]
    public void Sentence_SeriesGap_NamesSeriesAndSignedGap() =>
        Assert.Equal(
            "Series “Weak” on X: engagement rate 1.0 % vs 4.6 % for the channel's other posts (-78 %), over 3 posts.",
            InsightSentences.Sentence(new Insight { Rank = 1, Kind = InsightKind.SeriesGap, Channel = "x", Series = "Weak", Value = 0.01, Reference = 0.0457, Change = -0.781, Posts = 3 }, October, ReportLocale.English));

    [Fact]
    public void Sentence_CoverageGaps_DayRangesInBothLanguages()
    {
        var gaps = new Insight
        {
            Rank = 4, Kind = InsightKind.CoverageGaps, Channel = "facebook", Metric = "coverage", Value = 23, Reference = 31,
            Gaps = [new DateRange(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 19)), new DateRange(new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 30))],
        };

        Assert.Equal("No Facebook export covers 12–19 October and 30 October: those days are missing, not zero, so Facebook trends are not reported.", InsightSentences.Sentence(gaps, October, ReportLocale.English));
        Assert.Equal(
            "Aucun export Facebook ne couvre du 12 au 19 octobre et le 30 octobre : ces jours sont manquants, pas nuls, et les tendances Facebook ne sont pas commentées.",
            InsightSentences.Sentence(gaps, October, ReportLocale.French));
    }

    [Fact]
    public void Sentence_PreviousMonthGaps_NamesThePreviousMonth() =>
        Assert.Equal(
            "Reddit is not compared with September: no export covers 1–6 September.",
            InsightSentences.Sentence(new Insight { Rank = 1, Kind = InsightKind.PreviousMonthGaps, Channel = "reddit", Gaps = [new DateRange(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 6))] }, October, ReportLocale.English));

    [Fact]
    public void Sentence_StraddlingRanges_SaysHowToExport() =>
        Assert.StartsWith(
            "YouTube shows no October figures: its exports are ranges spanning several months",
            InsightSentences.Sentence(new Insight { Rank = 1, Kind = InsightKind.StraddlingRanges, Channel = "youtube" }, October, ReportLocale.English),
            StringComparison.Ordinal);

    [Fact]
    public void Sentence_EveryKind_WordedInBothLanguages()
    {
        foreach (var kind in typeof(InsightKind).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            var insight = new Insight { Rank = 1, Kind = kind, Channel = "blog", Metric = "impressions", Value = 1, Reference = 2, Change = 0.5, Series = "S", Posts = 3, Weeks = 4, Threshold = 0.05, Gaps = [new DateRange(new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 3))] };

            var english = InsightSentences.Sentence(insight, October, ReportLocale.English);
            var french = InsightSentences.Sentence(insight, October, ReportLocale.French);

            Assert.NotEqual(english, french);
        }
    }
}
