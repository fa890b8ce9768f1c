using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>
/// One brand in Europe/Paris, report month October 2026, every figure computed by hand in the comments.
/// Instagram: Oct = p1 (1 Oct 01:30 local) + p3; Sep = p4 + p5 (30 Sep 23:59 local); Aug = p7; Oct 2025 = p8;
/// p2 (31 Oct 23:30 UTC) is 1 November in Paris. Facebook has clicks and a missing upload (12–19 Oct).
/// X has no September posts (zero previous month).
/// </summary>
public class TrendReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly ReportMonth October = new(2026, 10);

    private static BrandSettings Settings(string zone = "Europe/Paris", string locale = "en") => new()
    {
        Brand = BrandName.Parse("acme"),
        DisplayName = "Acme",
        Clock = BrandClock.Find(zone),
        Locale = ReportLocale.Parse(locale),
        FunnelFocus = FunnelFocus.Consideration,
        PostingTargets = new Dictionary<string, double> { ["instagram"] = 2 },
    };

    private static TrendReportInput Input(string zone = "Europe/Paris", string locale = "en") => new()
    {
        Settings = Settings(zone, locale),
        Month = October,
        Posts =
        [
            Post(Channels.Instagram, "p1", "2026-09-30T23:30:00Z", 1000, 50, comments: 10, shares: 5, saves: 5, reach: 800), // eng 70
            Post(Channels.Instagram, "p2", "2026-10-31T23:30:00Z", 5000, 1000),                                             // November in Paris
            Post(Channels.Instagram, "p3", "2026-10-15T10:00:00Z", 3000, 100, comments: 20, reach: 2000),                   // eng 120
            Post(Channels.Instagram, "p4", "2026-09-10T10:00:00Z", 2000, 80),
            Post(Channels.Instagram, "p5", "2026-09-30T21:59:00Z", 2000, 40),
            Post(Channels.Instagram, "p7", "2026-08-10T10:00:00Z", 1000, 10),
            Post(Channels.Instagram, "p8", "2025-10-10T10:00:00Z", 2000, 100),
            Post(Channels.Facebook, "f1", "2026-10-05T10:00:00Z", 1000, 10, clicks: 30),                                   // eng 40
            Post(Channels.Facebook, "f0", "2026-09-10T10:00:00Z", 1000, 100, clicks: 0),                                   // eng 100
            Post(Channels.X, "x1", "2026-10-03T10:00:00Z", 500, 10),
        ],
        Daily =
        [
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-30", 1000),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-15", 1050),
            Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-31", 1100),
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-01", 10),
            Daily(Channels.X, DailyMetricNames.NewFollowers, "2026-10-02", 5),
            Daily(Channels.X, DailyMetricNames.Unfollows, "2026-10-01", 3),
        ],
        Uploads =
        [
            Upload(Channels.Instagram, "2026-08-01", "2026-10-31"),
            Upload(Channels.Facebook, "2026-09-01", "2026-10-08"), // a posts export covers 3 quiet days past its last post: to 11 Oct
            Upload(Channels.Facebook, "2026-10-23", "2026-10-31"), // … and before its first: from 20 Oct
            Upload(Channels.Facebook, "2026-10-12", "2026-10-19", status: "rejected"),
            Upload(Channels.X, "2026-09-01", "2026-10-31"),
        ],
        Commentary = "We pivot to reels.",
    };

    private static ReportModel Build(TrendReportInput input) => new TrendReportBuilder(new FakeTimeProvider(Now)).Build(input);

    private static ChannelTrend Channel(ReportModel model, string channel) => Assert.Single(model.Channels, c => c.Channel == channel);

    [Fact]
    public void Build_Header_FromSettingsAndTimeProvider()
    {
        var model = Build(Input());

        Assert.Equal(("acme", "Acme", "2026-10", "Europe/Paris", FunnelFocus.Consideration), (model.Brand.Value, model.DisplayName, model.Month.ToString(), model.Clock.ZoneId, model.FunnelFocus));
        Assert.Equal(Now, model.GeneratedAt);
        Assert.Equal("We pivot to reels.", model.Commentary);
        Assert.Equal(["facebook", "instagram", "x"], model.Channels.Select(c => c.Channel).ToArray());
    }

    [Fact]
    public void Build_MonthBoundariesInParis_PostsAttributedToLocalMonth()
    {
        var instagram = Channel(Build(Input()), Channels.Instagram);

        // p1 + p3: 1000 + 3000 impressions, 70 + 120 engagements, reach 800 + 2000.
        Assert.Equal(2, instagram.Posts);
        Assert.Equal(4000, instagram.Impressions);
        Assert.Equal(2800, instagram.Reach);
        Assert.Equal(190, instagram.Engagements);
        Assert.Equal(0.0475, instagram.EngagementRate!.Value, 12);
        Assert.Equal(["reactions", "comments", "shares", "saves"], instagram.Components);
    }

    [Fact]
    public void Build_SameDataInUtc_BoundaryPostsMoveMonth()
    {
        var instagram = Channel(Build(Input(zone: "UTC")), Channels.Instagram);

        // In UTC October holds p3 and p2 (31 Oct 23:30Z); p1 belongs to September.
        Assert.Equal(2, instagram.Posts);
        Assert.Equal(8000, instagram.Impressions);
    }

    [Fact]
    public void Build_ChannelWithoutClicks_ClicksAndCtrNull()
    {
        var instagram = Channel(Build(Input()), Channels.Instagram);

        Assert.Null(instagram.Clicks);
        Assert.Null(instagram.Ctr);
        Assert.Null(instagram.VideoViews);
        Assert.Null(instagram.WatchTimeSeconds);
        Assert.Null(instagram.Mom["clicks"]);
    }

    [Fact]
    public void Build_ChannelWithClicks_CtrFromSums()
    {
        var facebook = Channel(Build(Input()), Channels.Facebook);

        Assert.Equal(30, facebook.Clicks);
        Assert.Equal(0.03, facebook.Ctr!.Value, 12);
        Assert.Equal(40, facebook.Engagements);
        Assert.Equal(["reactions", "clicks"], facebook.Components);
        // September had 0 clicks: no MoM for clicks (previous must be > 0), but ER moved from 0.1 to 0.04.
        Assert.Null(facebook.Mom["clicks"]);
        Assert.Equal(-0.6, facebook.Mom["engagementRate"]!.Value, 12);
    }

    [Fact]
    public void Build_PreviousMonthAndMom_FromPreviousMonthSums()
    {
        var instagram = Channel(Build(Input()), Channels.Instagram);

        // September: p4 + p5 = 4000 impressions, 120 engagements, ER 0.03, no reach.
        Assert.Equal(2, instagram.Previous!.Posts);
        Assert.Equal(4000, instagram.Previous.Impressions);
        Assert.Equal(120, instagram.Previous.Engagements);
        Assert.Equal(0.03, instagram.Previous.EngagementRate!.Value, 12);
        Assert.Equal(0.0, instagram.Mom["impressions"]!.Value, 12);
        Assert.Equal(70.0 / 120, instagram.Mom["engagements"]!.Value, 12);
        Assert.Equal((0.0475 - 0.03) / 0.03, instagram.Mom["engagementRate"]!.Value, 12);
        Assert.Null(instagram.Mom["reach"]);
    }

    [Fact]
    public void Build_ZeroPreviousMonth_MomNull()
    {
        var x = Channel(Build(Input()), Channels.X);

        Assert.Equal(0, x.Previous!.Posts);
        Assert.Null(x.Previous.Impressions);
        Assert.Equal(MetricNames.All.ToArray(), x.Mom.Keys.ToArray());
        Assert.All(x.Mom.Values, v => Assert.Null(v));
    }

    [Fact]
    public void Build_Rolling3_RecomputedFromSums()
    {
        var instagram = Channel(Build(Input()), Channels.Instagram);

        // Aug–Oct: 1000 + 4000 + 4000 impressions, 10 + 120 + 190 engagements → 320 / 9000 (the mean of monthly ERs would be 0.0292).
        Assert.Equal(5, instagram.Rolling3!.Posts);
        Assert.Equal(9000, instagram.Rolling3.Impressions);
        Assert.Equal(320, instagram.Rolling3.Engagements);
        Assert.Equal(320.0 / 9000, instagram.Rolling3.EngagementRate!.Value, 12);
    }

    [Fact]
    public void Build_SameMonthLastYear_YoyWhereDataExists()
    {
        var model = Build(Input());
        var instagram = Channel(model, Channels.Instagram);

        // Oct 2025: p8 = 2000 impressions, 100 engagements, ER 0.05.
        Assert.Equal(1.0, instagram.Yoy["impressions"]!.Value, 12);
        Assert.Equal(0.9, instagram.Yoy["engagements"]!.Value, 12);
        Assert.Equal(-0.05, instagram.Yoy["engagementRate"]!.Value, 12);
        Assert.All(Channel(model, Channels.Facebook).Yoy.Values, v => Assert.Null(v));
    }

    [Fact]
    public void Build_History_ThirteenMonthsOldestFirst()
    {
        var history = Channel(Build(Input()), Channels.Instagram).History;

        Assert.Equal(13, history.Count);
        Assert.Equal(("2025-10", 1, 2000L), (history[0].Month.ToString(), history[0].Posts, history[0].Impressions!.Value));
        Assert.Equal(("2026-08", 1), (history[10].Month.ToString(), history[10].Posts));
        Assert.Equal(("2026-10", 2, 4000L), (history[12].Month.ToString(), history[12].Posts, history[12].Impressions!.Value));
        Assert.Null(history[1].Impressions);
    }

    [Fact]
    public void Build_FollowerGrowth_FromFollowersOrNetFollows()
    {
        var model = Build(Input());
        var instagram = Channel(model, Channels.Instagram);
        var x = Channel(model, Channels.X);

        Assert.Equal((100.0, "followers"), (instagram.FollowerGrowth!.Value, instagram.FollowerGrowthBasis));
        Assert.Null(instagram.Previous!.FollowerGrowth); // no August value to start from
        Assert.Equal((12.0, "new-followers-minus-unfollows"), (x.FollowerGrowth!.Value, x.FollowerGrowthBasis));
        Assert.Null(Channel(model, Channels.Facebook).FollowerGrowth);
    }

    [Fact]
    public void Build_Cadence_PerIsoWeekInBrandZone()
    {
        var cadence = Build(Input()).Cadence.Where(w => w.Channel == Channels.Instagram).ToList();

        // Weeks overlapping October 2026: Mondays 28 Sep (W40) … 26 Oct (W44). p5 (30 Sep) and p1 (1 Oct) fall in W40;
        // p3 in W42; p2 (Sunday 1 Nov in Paris) in W44. Target 2 per week.
        Assert.Equal(
            [("2026-W40", new DateOnly(2026, 9, 28), 2, 1.0), ("2026-W41", new DateOnly(2026, 10, 5), 0, 0.0), ("2026-W42", new DateOnly(2026, 10, 12), 1, 0.5),
             ("2026-W43", new DateOnly(2026, 10, 19), 0, 0.0), ("2026-W44", new DateOnly(2026, 10, 26), 1, 0.5)],
            cadence.Select(w => (w.Week, w.WeekStart, w.Posts, w.Adherence!.Value)).ToArray());
        Assert.All(Build(Input()).Cadence.Where(w => w.Channel == Channels.Facebook), w => Assert.Null(w.Adherence));
    }

    [Fact]
    public void Build_MissingUpload_CoverageGapAndNoTrendInsightForChannel()
    {
        var model = Build(Input());

        var facebook = Assert.Single(model.Coverage, c => c.Channel == Channels.Facebook);
        Assert.Equal([new DateRange(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 19))], facebook.Gaps);
        Assert.Equal((31, 23), (facebook.DaysInMonth, facebook.CoveredDays));
        Assert.Equal(2, facebook.Uploads.Count); // the rejected upload covers nothing
        // A data gap is a caveat (one line pointing to the coverage page), never a summary item.
        Assert.DoesNotContain(model.Insights, i => i.Channel == Channels.Facebook);
        Assert.DoesNotContain(model.Insights, i => i.Metric == "coverage");
        var caveat = Assert.Single(model.Caveats, i => i.Channel == Channels.Facebook);
        Assert.Equal(InsightKind.CoverageGaps, caveat.Kind);
        Assert.Equal(facebook.Gaps, caveat.Gaps);
        Assert.Equal((23.0, 31.0), (caveat.Value, caveat.Reference));
    }

    [Fact]
    public void Build_Insights_LedByFunnelFocusWithNumbers()
    {
        var insights = Build(Input()).Insights;

        // The total picture first; then by materiality: Instagram's posts against its plan (4 of 10: its share 190/240 of
        // the engagements × 0.6 short = 0.475) before its ER move (190/240 × 58 % × confidence 1 = 0.462); one move per channel, so its
        // engagements move (same channel) is left out; Facebook's gap is a caveat, not an item.
        Assert.Equal([1, 2, 3], insights.Select(i => i.Rank).ToArray());
        Assert.Equal(
            [(InsightKind.Total, null, "engagements"), (InsightKind.Cadence, "instagram", "adherence"), (InsightKind.MetricMove, "instagram", "engagementRate")],
            insights.Select(i => (i.Kind, i.Channel, i.Metric)).ToArray());
        var total = insights[0];
        Assert.Equal((240.0, 4), (total.Value!.Value, total.Totals!.Current.Posts)); // 190 + 40 + 10 engagements, p1 p3 f1 x1
        Assert.Contains(Channels.Facebook, total.Totals.NotComparedMom); // its gap makes a month-on-month total unfair
        Assert.Equal((InsightKind.Cadence, 5), (insights[1].Kind, insights[1].Weeks));
        Assert.Equal((4.0, 10.0), (insights[1].Value!.Value, insights[1].Reference!.Value));
        var move = insights[2];
        Assert.Equal(0.0475, move.Value!.Value, 12);
        Assert.Equal(0.03, move.Reference!.Value, 12);
        Assert.Equal((0.0475 - 0.03) / 0.03, move.Change!.Value, 12);
        Assert.Equal(3, move.Streak);
        Assert.True(insights[1].Materiality > move.Materiality);
        Assert.All(insights, i => Assert.Null(i.Text)); // words come from the Reports project, when the model source builds
    }

    [Fact]
    public void Build_FrenchLocale_SameInsightData()
    {
        Assert.Equal(Build(Input()).Insights.Select(i => (i.Kind, i.Channel, i.Metric, i.Value, i.Change)), Build(Input(locale: "fr")).Insights.Select(i => (i.Kind, i.Channel, i.Metric, i.Value, i.Change)));
    }

    [Fact]
    public void Build_SeriesFarFromBaseline_WorstAndBestGetASentence()
    {
        var input = Input() with
        {
            Posts =
            [
                .. Input().Posts,
                Post(Channels.X, "weak1", "2026-10-05T10:00:00Z", 1000, 10, series: "Weak"),
                Post(Channels.X, "weak2", "2026-10-06T10:00:00Z", 1000, 10, series: "Weak"),
                Post(Channels.X, "weak3", "2026-10-07T10:00:00Z", 1000, 10, series: "Weak"),
                Post(Channels.X, "strong1", "2026-10-08T10:00:00Z", 1000, 50, series: "Strong"),
                Post(Channels.X, "strong2", "2026-10-09T10:00:00Z", 1000, 50, series: "Strong"),
                Post(Channels.X, "strong3", "2026-10-10T10:00:00Z", 1000, 50, series: "Strong"),
            ],
        };

        var insights = Build(input).Insights.Where(i => i.Kind == InsightKind.SeriesGap).ToList();

        // Weak: 30/3000 = 1 % vs the other X posts x1 + Strong = (10 + 150) / (500 + 3000); Strong: 5 % vs (10 + 30) / (500 + 3000).
        Assert.Equal(2, insights.Count);
        var weak = Assert.Single(insights, i => i.Series == "Weak");
        Assert.Equal(((30.0 / 3000) - (160.0 / 3500)) / (160.0 / 3500), weak.Change!.Value, 12);
        Assert.Equal(3, weak.Posts);
        var strong = Assert.Single(insights, i => i.Series == "Strong");
        Assert.Equal(((150.0 / 3000) - (40.0 / 3500)) / (40.0 / 3500), strong.Change!.Value, 12);
        // Ranked by materiality, not by the order of the table: the larger gap on the same share of posts comes first.
        Assert.Equal(["Strong", "Weak"], insights.Select(i => i.Series).ToArray());
    }

    [Fact]
    public void Build_RangeSpanningTwoMonths_NotAttributedAndExplained()
    {
        var input = Input() with
        {
            Posts = [.. Input().Posts, Range(Channels.YouTube, "v1", "2026-09-01", "2026-10-31", 5000, 50)],
            Uploads = [.. Input().Uploads, Upload(Channels.YouTube, "2026-09-01", "2026-10-31", kind: ExportKind.Range)],
        };

        var model = Build(input);

        Assert.Equal(0, Channel(model, Channels.YouTube).Posts);
        Assert.Null(Channel(model, Channels.YouTube).Impressions);
        Assert.DoesNotContain(model.Insights, i => i.Channel == Channels.YouTube);
        var caveat = Assert.Single(model.Caveats, i => i.Channel == Channels.YouTube);
        Assert.Equal(InsightKind.StraddlingRanges, caveat.Kind);
    }

    [Fact]
    public void Build_CountMovingFromTinyBase_NoSentence()
    {
        // Instagram engagements move 120 → 190 (+58 %): with a base floor of 150, neither the count nor the rate built on
        // it is a headline; with the default floor (50) both are.
        var strict = new TrendReportBuilder(new FakeTimeProvider(Now), new TrendReportOptions { MinimumInsightBase = 150 }).Build(Input());

        Assert.DoesNotContain(strict.Insights, i => i.Kind == InsightKind.MetricMove && i.Metric is "engagements" or "engagementRate");
        Assert.Contains(Build(Input()).Insights, i => i.Kind == InsightKind.MetricMove && i.Metric == "engagementRate");
    }
}
