using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>
/// Which channels a report lists and where their figures come from (posts, daily account series, follower counts,
/// uploads), their components and available metrics, the cadence table's channels and the window of series suggestions.
/// Report month October 2026 in UTC; figures worked out in the comments.
/// </summary>
public class TrendReportBuilderChannelsTests
{
    private static readonly ReportMonth October = new(2026, 10);

    private static TrendReportInput Input(
        IReadOnlyList<CanonicalPost>? posts = null, IReadOnlyList<DailyMetric>? daily = null, IReadOnlyList<UploadRecord>? uploads = null,
        Dictionary<string, double>? targets = null) => new()
        {
            Settings = BrandSettings.CreateDefault(BrandName.Parse("acme")) with { Clock = BrandClock.Utc, PostingTargets = targets ?? new Dictionary<string, double>() },
            Month = October,
            Posts = posts ?? [],
            Daily = daily ?? [],
            Uploads = uploads ?? [],
        };

    private static ReportModel Build(TrendReportInput input, TrendReportOptions? options = null) =>
        new TrendReportBuilder(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero)), options).Build(input);

    private static ChannelTrend Channel(ReportModel model, string channel) => Assert.Single(model.Channels, c => c.Channel == channel);

    [Fact]
    public void Build_NoInput_Refused() =>
        Assert.Throws<ArgumentNullException>(() => new TrendReportBuilder(new FakeTimeProvider()).Build(null!));

    [Fact]
    public void Build_ChannelWithOnlyDailySeries_SumsTheDaysOfTheMonth()
    {
        // Pinterest has no post export, only daily series: impressions 100 (1 Oct) + 200 (31 Oct; 1 Nov is the next
        // month); engagements = reactions 20 + saves 5 + clicks 7 = 32. Its components are the ones its series name.
        DailyMetric[] daily =
        [
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-01", 100),
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-31", 200),
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-11-01", 400),
            Daily(Channels.Pinterest, DailyMetricNames.Reactions, "2026-10-03", 20),
            Daily(Channels.Pinterest, DailyMetricNames.Saves, "2026-10-10", 5),
            Daily(Channels.Pinterest, DailyMetricNames.Clicks, "2026-10-12", 7),
        ];

        var pinterest = Assert.Single(Build(Input(daily: daily)).Channels);

        Assert.Equal((Channels.Pinterest, ChannelSources.Daily, 0), (pinterest.Channel, pinterest.Source, pinterest.Posts));
        Assert.Equal((300L, 32L, 5L, 7L), (pinterest.Impressions!.Value, pinterest.Engagements!.Value, pinterest.Saves!.Value, pinterest.Clicks!.Value));
        Assert.Equal(32.0 / 300, pinterest.EngagementRate!.Value, 12);
        Assert.Equal(["saves", "clicks"], pinterest.Components);
        // No post count for a channel without posts; only the metrics its series give.
        Assert.Equal(["impressions", "engagements", "engagementRate", "saves", "clicks", "ctr"], pinterest.Available);
    }

    [Fact]
    public void Build_ChannelWithPostsAndDailySeries_FiguresFromItsPosts()
    {
        var model = Build(Input(
            posts: [Post(Channels.Instagram, "i1", "2026-10-05T10:00:00Z", 1000, 50)],
            daily: [Daily(Channels.Instagram, DailyMetricNames.Impressions, "2026-10-05", 9999)]));

        var instagram = Channel(model, Channels.Instagram);
        Assert.Equal((ChannelSources.Posts, 1, 1000L), (instagram.Source, instagram.Posts, instagram.Impressions!.Value));
    }

    [Fact]
    public void Build_ListedChannels_AnyFiguresInTheThirteenMonthsOrAnUploadCoveringTheMonth()
    {
        var model = Build(Input(
            posts:
            [
                Post("zeta", "z1", "2026-10-02T10:00:00Z", 100, 1),                  // channels we do not know come last, by name
                Post("alpha", "a1", "2026-10-02T10:00:00Z", 100, 1),
                Post(Channels.Instagram, "i1", "2026-10-05T10:00:00Z", 1000, 50),
                Post(Channels.Facebook, "f1", "2025-10-31T10:00:00Z", 1000, 50),      // the oldest of the 13 months
                Post(Channels.X, "x1", "2025-09-30T10:00:00Z", 1000, 50),             // a month before them
            ],
            daily:
            [
                Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-09-30", 1000), // posts and followers, no upload
                Daily(Channels.Instagram, DailyMetricNames.Followers, "2026-10-31", 1010),
                Daily(Channels.LinkedIn, DailyMetricNames.Followers, "2026-09-30", 500),   // followers only
                Daily(Channels.LinkedIn, DailyMetricNames.Followers, "2026-10-31", 530),
            ],
            uploads:
            [
                Upload(Channels.TikTok, "2026-10-01", "2026-10-31"),  // an export covering the month, no post in it
                Upload(Channels.YouTube, "2026-08-01", "2026-08-31"), // an export of another month only
            ]));

        Assert.Equal([Channels.Facebook, Channels.Instagram, Channels.LinkedIn, Channels.TikTok, "alpha", "zeta"], model.Channels.Select(c => c.Channel).ToArray());
        Assert.Equal(30.0, Channel(model, Channels.LinkedIn).FollowerGrowth);
        var tiktok = Channel(model, Channels.TikTok);
        Assert.Equal((ChannelSources.Posts, 0), (tiktok.Source, tiktok.Posts));
        Assert.Empty(tiktok.Available); // not even a post count: nothing was ever posted
    }

    [Fact]
    public void Build_Cadence_ChannelsWithPostsOrAPositiveTargetInReportOrder()
    {
        var model = Build(Input(
            posts:
            [
                Post("zeta", "z1", "2026-10-02T10:00:00Z", 100, 1),
                Post("alpha", "a1", "2026-10-02T10:00:00Z", 100, 1),
                Post(Channels.Instagram, "i1", "2026-10-05T10:00:00Z", 1000, 50),
                Post(Channels.Facebook, "f1", "2026-10-06T10:00:00Z", 1000, 50),
            ],
            targets: new Dictionary<string, double> { [Channels.Pinterest] = 1, [Channels.TikTok] = 0 }));

        // Pinterest posted nothing but has a plan; TikTok's zero target is no plan.
        Assert.Equal([Channels.Facebook, Channels.Instagram, Channels.Pinterest, "alpha", "zeta"], model.Cadence.Select(w => w.Channel).Distinct().ToArray());
        Assert.All(model.Cadence.Where(w => w.Channel == Channels.Pinterest), w => Assert.Equal((0, 1.0), (w.Posts, w.Target!.Value)));
    }

    [Fact]
    public void Build_ChannelWithPostsThisMonth_ItsRangesSpanningMonthsAreNoCaveat()
    {
        // YouTube shows this month's videos; its September–October range is simply not counted. TikTok (an export, no
        // posts) has no range either: no channel gets the "only ranges spanning months" caveat.
        var model = Build(Input(
            posts: [Post(Channels.YouTube, "v1", "2026-10-10T10:00:00Z", 1000, 50), Range(Channels.YouTube, "r1", "2026-09-01", "2026-10-31", 5000, 50)],
            uploads: [Upload(Channels.YouTube, "2026-09-01", "2026-10-31"), Upload(Channels.TikTok, "2026-10-01", "2026-10-31")]));

        Assert.Equal(1, Channel(model, Channels.YouTube).Posts);
        Assert.DoesNotContain(model.Caveats, c => c.Kind == InsightKind.StraddlingRanges);
    }

    [Fact]
    public void Build_Components_FromTheMonthsPostsElseFromTheThirteenMonths()
    {
        var model = Build(Input(posts:
        [
            Post(Channels.Instagram, "i1", "2026-10-05T10:00:00Z", 1000, 50),          // October: reactions only
            Post(Channels.Instagram, "i0", "2026-09-05T10:00:00Z", 1000, 10, saves: 4), // September had saves too
            Post(Channels.Facebook, "f1", "2025-10-05T10:00:00Z", 100, 5, comments: 2), // no October post: the 13 months …
            Post(Channels.Facebook, "f0", "2025-09-05T10:00:00Z", 100, null, shares: 3), // … from October 2025, not before
        ]));

        var instagram = Channel(model, Channels.Instagram);
        Assert.Equal(["reactions"], instagram.Components);
        Assert.Equal(["reactions", "comments"], Channel(model, Channels.Facebook).Components);
        // Metrics with a value in some month or comparison: September's saves count; reach, clicks, views never appear.
        Assert.Equal(["posts", "impressions", "engagements", "engagementRate", "saves"], instagram.Available);
    }

    [Fact]
    public void Build_SeriesSuggestions_FromTheBaselineDaysEndingWithTheMonth()
    {
        // Baseline 10 days: 22–31 October. #TipDay on 22, 25 and 31 October counts three times; on 21 October it is outside.
        CanonicalPost Tagged(string id, string at) => Post(Channels.Instagram, id, at, 1000, 10) with { Text = "Our tip of the day #TipDay" };
        CanonicalPost Plain(string id, string at) => Post(Channels.Instagram, id, at, 1000, 10) with { Text = "Behind the scenes" };
        var posts = new[]
        {
            Tagged("t0", "2026-10-21T10:00:00Z"), Tagged("t1", "2026-10-22T00:00:00Z"), Tagged("t2", "2026-10-25T10:00:00Z"), Tagged("t3", "2026-10-31T23:00:00Z"),
            Plain("p1", "2026-10-23T10:00:00Z"), Plain("p2", "2026-10-24T10:00:00Z"), Plain("p3", "2026-10-26T10:00:00Z"), Plain("p4", "2026-10-27T10:00:00Z"),
            Plain("p5", "2026-10-28T10:00:00Z"),
        };

        var model = Build(Input(posts: posts), new TrendReportOptions { BaselineDays = 10 });

        Assert.Equal(3, Assert.Single(model.SeriesSuggestions, s => s.Hashtag == "#TipDay").Posts);
    }

    [Fact]
    public void Build_LastYearOnlyFollowers_ComparedYearOnYear()
    {
        // LinkedIn has no posts, only follower counts: +20 in October 2025 (400 → 420), +30 now (500 → 530): +50 %.
        DailyMetric[] daily =
        [
            Daily(Channels.LinkedIn, DailyMetricNames.Followers, "2025-09-30", 400),
            Daily(Channels.LinkedIn, DailyMetricNames.Followers, "2025-10-31", 420),
            Daily(Channels.LinkedIn, DailyMetricNames.Followers, "2026-09-30", 500),
            Daily(Channels.LinkedIn, DailyMetricNames.Followers, "2026-10-31", 530),
        ];

        var linkedin = Channel(Build(Input(daily: daily)), Channels.LinkedIn);

        Assert.Equal(0.5, linkedin.Yoy["followerGrowth"]!.Value, 12);
    }

    [Fact]
    public void Build_DailyOnlyChannelWithLastYearsImpressions_ComparedYearOnYear()
    {
        // Pinterest: 200 impressions in October 2025, 100 + 200 now: +50 %.
        DailyMetric[] daily =
        [
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2025-10-15", 200),
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-01", 100),
            Daily(Channels.Pinterest, DailyMetricNames.Impressions, "2026-10-31", 200),
        ];

        var pinterest = Channel(Build(Input(daily: daily)), Channels.Pinterest);

        Assert.Equal(0.5, pinterest.Yoy["impressions"]!.Value, 12);
    }
}
