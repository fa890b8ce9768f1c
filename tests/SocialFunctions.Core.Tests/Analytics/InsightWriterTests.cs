using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>
/// The executive summary's choices on hand-made channel figures (report month October 2026, funnel focus consideration
/// unless said): each channel's share of the lead volume, the noise-adjusted confidence of a move, the cap and order of
/// the items, streaks, posting-plan shortfalls and the caveats. Every expected materiality is worked out in the comments.
/// </summary>
public class InsightWriterTests
{
    private static readonly ReportMonth October = new(2026, 10);

    private static ChannelCoverage Full(string channel, ReportMonth m) => new() { Channel = channel, DaysInMonth = m.Days, CoveredDays = m.Days };

    private static ChannelCoverage Gapped(string channel, ReportMonth m) => new()
    {
        Channel = channel, DaysInMonth = m.Days, CoveredDays = m.Days - 5, Gaps = [new DateRange(m.FirstDay, m.FirstDay.AddDays(4))],
    };

    private static InsightWriter Writer(
        TrendReportOptions? options = null, FunnelFocus focus = FunnelFocus.Consideration,
        Func<string, ReportMonth, ChannelCoverage>? coverage = null, Func<string, bool>? straddling = null) =>
        new(October, focus, options ?? new TrendReportOptions(), coverage ?? Full, straddling ?? (_ => false));

    private static ChannelMetrics Metrics(long? engagements, long? impressions = null, int posts = 1) => new()
    {
        Posts = posts,
        Engagements = engagements,
        Impressions = impressions,
        EngagementRate = engagements is { } e && impressions is > 0 ? (double)e / impressions.Value : null,
    };

    /// <summary>A channel's month; its history is the 13 months ending with it: <paramref name="earlier"/> (oldest first) before the previous month, months before those without figures.</summary>
    private static ChannelTrend Trend(string channel, ChannelMetrics current, ChannelMetrics previous, params ChannelMetrics[] earlier)
    {
        ChannelMetrics[] known = [.. earlier, previous, current];
        var history = Enumerable.Range(0, 13).Select(i =>
        {
            var k = i - (13 - known.Length);
            var m = k >= 0 ? known[k] : new ChannelMetrics();
            return new MonthlyMetrics { Month = October.AddMonths(i - 12), Posts = m.Posts, Engagements = m.Engagements, Impressions = m.Impressions, EngagementRate = m.EngagementRate };
        }).ToList();
        return new ChannelTrend
        {
            Channel = channel,
            Posts = current.Posts,
            Engagements = current.Engagements,
            Impressions = current.Impressions,
            EngagementRate = current.EngagementRate,
            Previous = previous,
            Mom = MetricNames.Changes(current, previous),
            History = history,
        };
    }

    private static ChannelTrend Quiet(string channel) => Trend(channel, new ChannelMetrics { Posts = 0 }, new ChannelMetrics { Posts = 0 });

    private static OverallTotals Total(long engagements) => new() { Current = new ChannelMetrics { Engagements = engagements } };

    private static IReadOnlyList<Insight> Insights(InsightWriter writer, IReadOnlyList<ChannelTrend> channels, IReadOnlyList<CadenceWeek>? cadence = null, OverallTotals? total = null) =>
        writer.Write(channels, [], cadence ?? [], total).Insights;

    private static CadenceWeek Week(string channel, int posts, double? target, int day = 5, int covered = 7) =>
        new() { Channel = channel, Week = "2026-W" + (40 + (day / 7)), WeekStart = new DateOnly(2026, 10, day), Posts = posts, Target = target, CoveredDays = covered };

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 0.0)]  // one standard deviation: noise, counts for nothing
    [InlineData(2.0, 0.5)]  // (2 − 1) ÷ 2
    [InlineData(3.0, 1.0)]  // three or more count whole
    [InlineData(5.0, 1.0)]
    public void Confidence_MapsZWithinZeroToOne(double z, double expected) =>
        Assert.Equal(expected, InsightWriter.Confidence(z), 12);

    [Fact]
    public void Write_CountMove_MaterialityIsSizeTimesChangeTimesConfidence()
    {
        // Engagements 100 → 125: +25 %; z = 25 ÷ √(125 + 100) = 5/3, confidence (5/3 − 1) ÷ 2 = 1/3; the only channel
        // (size 1); engagements are a consideration headline (weight 1): materiality 0.25 × 1/3.
        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(125), Metrics(100))]));

        Assert.Equal((1, InsightKind.MetricMove, "a", "engagements", 125.0, 100.0), (move.Rank, move.Kind, move.Channel, move.Metric, move.Value!.Value, move.Reference!.Value));
        Assert.Equal(0.25, move.Change!.Value, 12);
        Assert.Equal(0.25 / 3, move.Materiality!.Value, 12);
        Assert.Null(move.Streak); // two months in a row are no streak worth saying
    }

    [Fact]
    public void Write_Size_IsTheChannelsShareOfTheLeadVolume()
    {
        // Engagements: a 125, b 375 (no move), c none (counts as 0): a's share is 125 ÷ 500 = 1/4, so its move weighs
        // 1/4 × 0.25 × 1/3.
        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(125), Metrics(100)), Trend("b", Metrics(375), Metrics(375)), Trend("c", Metrics(null), Metrics(null))]));

        Assert.Equal("a", move.Channel);
        Assert.Equal(0.25 * 0.25 / 3, move.Materiality!.Value, 12);
    }

    [Fact]
    public void Write_NoEngagementsAnywhere_SizedByTheNextVolumeAndOtherMetricsWeighHalf()
    {
        // No channel has engagements, so consideration sizes by impressions: a 300 of 1,200 = 1/4. Impressions 200 → 300:
        // +50 %, z = 100 ÷ √500 ≈ 4.5 (confidence 1); not a consideration headline: weight 0.5.
        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(null, 300), Metrics(null, 200)), Trend("b", Metrics(null, 900), Metrics(null, 900))]));

        Assert.Equal(("a", "impressions"), (move.Channel, move.Metric));
        Assert.Equal(0.25 * 0.5 * 1 * 0.5, move.Materiality!.Value, 12);
    }

    [Fact]
    public void Write_RateMove_ConfidenceFromTheNoiseOfBothNumerators()
    {
        // September 100 engagements on 1,000 impressions (ER 0.10), October 120 on 800 (ER 0.15): ER +50 %, its
        // z = 0.05 ÷ √(120/800² + 100/1000²) = 0.05 ÷ √0.0002875 ≈ 2.95, materiality 0.5 × (z − 1)/2 ≈ 0.487. It beats
        // impressions −20 % (confidence 1, weight 0.5: 0.1) and engagements +20 % (z = 20/√220 ≈ 1.35: ≈ 0.035), and one
        // move per channel is kept.
        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(120, 800), Metrics(100, 1000))]));

        var z = 0.05 / Math.Sqrt((120.0 / (800 * 800)) + (100.0 / (1000 * 1000)));
        Assert.Equal(("engagementRate", 0.15, 0.1), (move.Metric, Math.Round(move.Value!.Value, 12), Math.Round(move.Reference!.Value, 12)));
        Assert.Equal(0.5, move.Change!.Value, 12);
        Assert.Equal(0.5 * (z - 1) / 2, move.Materiality!.Value, 12);
    }

    [Fact]
    public void Write_MoreMovesThanRoom_TotalFirstThenMostMaterialUpToTheCap()
    {
        // Three channels move +25 %; sizes are shares of October's 750 engagements. a: 1/6 × 0.25 × (5/3 − 1)/2 ≈ 0.014;
        // b: 1/2 × 0.25 × (75/√675 − 1)/2 ≈ 0.118; c: 1/3 × 0.25 × (50/√450 − 1)/2 ≈ 0.057. Cap 3 = the total and two moves.
        var channels = new[]
        {
            Trend("a", Metrics(125), Metrics(100)),
            Trend("b", Metrics(375), Metrics(300)),
            Trend("c", Metrics(250), Metrics(200)),
        };

        var insights = Insights(Writer(new TrendReportOptions { MaxInsights = 3 }), channels, total: Total(750));

        Assert.Equal([(1, InsightKind.Total, (string?)null), (2, InsightKind.MetricMove, "b"), (3, InsightKind.MetricMove, "c")], insights.Select(i => (i.Rank, i.Kind, i.Channel)).ToArray());
        Assert.Equal(750.0, insights[0].Value!.Value);
    }

    [Fact]
    public void Write_EqualMateriality_ChannelsInNameOrder()
    {
        // Two channels with the same figures have the same materiality: the channel name decides, whatever the input order.
        var insights = Insights(Writer(), [Trend("b", Metrics(125), Metrics(100)), Trend("a", Metrics(125), Metrics(100))]);

        Assert.Equal(["a", "b"], insights.Select(i => i.Channel).ToArray());
        Assert.Equal(insights[0].Materiality, insights[1].Materiality);
    }

    [Fact]
    public void Write_OnlyNoiseMoves_NoMovesItemWithTheThreshold()
    {
        // a: engagements 100 → 108 is +8 % (over the 5 % threshold) but z = 8 ÷ √208 < 1: confidence 0, materiality 0, so
        // no item. b has a gap (not comparable); one comparable channel is enough for "no channel moved".
        var coverage = (string c, ReportMonth m) => c == "b" ? Gapped(c, m) : Full(c, m);

        var insights = Insights(Writer(coverage: coverage), [Trend("a", Metrics(108), Metrics(100)), Trend("b", Metrics(500), Metrics(100))], total: Total(608));

        Assert.Equal([InsightKind.Total, InsightKind.NoMoves], insights.Select(i => i.Kind).ToArray());
        Assert.Equal((2, 0.05), (insights[1].Rank, insights[1].Threshold!.Value));
    }

    [Fact]
    public void Write_NoRoomAfterTheTotal_NoMovesItemLeftOut()
    {
        var insights = Insights(Writer(new TrendReportOptions { MaxInsights = 1 }), [Trend("a", Metrics(108), Metrics(100))], total: Total(108));

        Assert.Equal([InsightKind.Total], insights.Select(i => i.Kind).ToArray());
    }

    [Fact]
    public void Write_BestInThirteenMonths_StreakCountsTheWholeHistory()
    {
        // Engagements 100, 200, …, 1,300: each month beats every earlier one. 1,200 → 1,300 is +8.3 %, z = 100 ÷ √2,500 = 2.
        var months = Enumerable.Range(1, 11).Select(i => Metrics(100L * i)).ToArray();

        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(1300), Metrics(1200), months)]));

        Assert.Equal(13, move.Streak);
    }

    [Fact]
    public void Write_UpStreak_StopsAtAnEqualEarlierMonth()
    {
        // Current 200; before it 150, 100, then 200 (equal: not beaten), 50: best in 3 months.
        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(200), Metrics(150), Metrics(50), Metrics(200), Metrics(100))]));

        Assert.Equal(50.0 / 150, move.Change!.Value, 12);
        Assert.Equal(3, move.Streak);
    }

    [Fact]
    public void Write_DownStreak_StopsAtAnEqualEarlierMonth()
    {
        // Current 100; before it 150, 120, then 100 (equal: not undercut), 300: lowest in 3 months.
        var move = Assert.Single(Insights(Writer(), [Trend("a", Metrics(100), Metrics(150), Metrics(300), Metrics(100), Metrics(120))]));

        Assert.Equal(-50.0 / 150, move.Change!.Value, 12);
        Assert.Equal(3, move.Streak);
    }

    [Fact]
    public void Write_ChannelBehindPlan_NoVolumeAnywhere_EqualSharesAndPostsAgainstPlan()
    {
        // No channel has engagements, impressions or reach: each of the two has an equal share, 1/2. a posted 1 of 4
        // planned: change 1/4 − 1 = −0.75, materiality 1/2 × (1 − 1/4) = 0.375.
        var cadence = new[] { Week("a", 1, 4) };

        var item = Assert.Single(Insights(Writer(), [Quiet("a"), Quiet("b")], cadence));

        Assert.Equal((InsightKind.Cadence, "a", "adherence", 1.0, 4.0, 1), (item.Kind, item.Channel, item.Metric, item.Value!.Value, item.Reference!.Value, item.Weeks!.Value));
        Assert.Equal(-0.75, item.Change!.Value, 12);
        Assert.Equal(0.375, item.Materiality!.Value, 12);
    }

    [Fact]
    public void Write_ChannelWithoutFigures_BehindPlan_StillWeighsAFloorShare()
    {
        // a has all the engagements; c has a plan but no figures: its share 0 is floored at 0.05. 0 of 2 planned:
        // materiality 0.05 × 1.
        var item = Assert.Single(Insights(Writer(), [Trend("a", Metrics(100), Metrics(100)), Quiet("c")], [Week("c", 0, 2)]));

        Assert.Equal(("c", -1.0), (item.Channel, item.Change!.Value));
        Assert.Equal(0.05, item.Materiality!.Value, 12);
    }

    [Fact]
    public void Write_PostsExactlyAtTheShortfallLine_NoCadenceItem()
    {
        // 2 + 2 posts of 2 + 3 planned = 0.8, the default shortfall: not below it. b: 3 of 4 = 0.75 is.
        var cadence = new[] { Week("a", 2, 2), Week("a", 2, 3, day: 12), Week("b", 3, 4) };

        var item = Assert.Single(Insights(Writer(), [Quiet("a"), Quiet("b")], cadence));

        Assert.Equal(("b", 3.0, 4.0), (item.Channel, item.Value!.Value, item.Reference!.Value));
    }

    [Fact]
    public void Write_WeeksNoExportCovers_AreNoPartOfThePlan_PartlyCoveredWeeksPlanTheirDays()
    {
        // a's export began mid-week 2: week 1 is unknown, week 2 planned for 3 of its 7 days (2 × 3/7), week 3 whole:
        // 1 + 2 posts of 6/7 + 2 = 1.05 planned — on plan, no item (counting week 1 as 0 of 2 would give 3 of 4, behind).
        var cadence = new[] { Week("a", 0, 2, covered: 0), Week("a", 1, 2, day: 12, covered: 3), Week("a", 2, 2, day: 19) };

        Assert.DoesNotContain(Insights(Writer(), [Quiet("a"), Quiet("b")], cadence), i => i.Kind == InsightKind.Cadence);

        // b is behind on its covered days alone: 1 of 2 × 4/7 + 2 planned.
        var item = Assert.Single(Insights(Writer(), [Quiet("a"), Quiet("b")], [Week("b", 0, 2, covered: 0), Week("b", 0, 2, day: 12, covered: 4), Week("b", 1, 2, day: 19)]));
        Assert.Equal(("b", 1.0, 2 + (2 * 4 / 7.0), 2), (item.Channel, item.Value!.Value, item.Reference!.Value, item.Weeks!.Value));
    }

    [Fact]
    public void Write_WeeksWithoutAPositiveTarget_AreNoPartOfThePlan()
    {
        // Only the week with a target counts: 0 posts of 2 in 1 week (the 6 posts of the weeks without a plan do not
        // make up for it).
        var cadence = new[] { Week("a", 0, 2), Week("a", 3, 0, day: 12), Week("a", 3, null, day: 19) };

        var item = Assert.Single(Insights(Writer(), [Quiet("a")], cadence));

        Assert.Equal((0.0, 2.0, 1), (item.Value!.Value, item.Reference!.Value, item.Weeks!.Value));
    }

    [Fact]
    public void Write_Caveats_OnePerProblemInChannelOrderRankedFromOne()
    {
        // a: only straddling ranges and no day covered; b: gaps this month; c: gaps in September only; d: fully covered.
        var coverage = (string c, ReportMonth m) => (c, m == October) switch
        {
            ("a", true) => new ChannelCoverage { Channel = c, DaysInMonth = 31, CoveredDays = 0, Gaps = [new DateRange(m.FirstDay, m.LastDay)] },
            ("b", true) or ("c", false) => Gapped(c, m),
            _ => Full(c, m),
        };

        var caveats = Writer(coverage: coverage, straddling: c => c == "a").Write([Quiet("a"), Quiet("b"), Quiet("c"), Quiet("d")], [], [], null).Caveats;

        Assert.Equal(
            [
                (1, InsightKind.StraddlingRanges, "a", "coverage", (double?)null, (double?)null),
                (2, InsightKind.NoCoverage, "a", "coverage", 0.0, 31.0),
                (3, InsightKind.CoverageGaps, "b", "coverage", 26.0, 31.0),
                (4, InsightKind.PreviousMonthGaps, "c", "coverage", 25.0, 30.0),
            ],
            caveats.Select(i => (i.Rank, i.Kind, i.Channel, i.Metric, i.Value, i.Reference)).ToArray());
        Assert.Equal(new DateRange(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 5)), Assert.Single(caveats[3].Gaps!));
    }
}
