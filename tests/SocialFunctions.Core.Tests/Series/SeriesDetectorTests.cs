using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

public sealed class SeriesDetectorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly SeriesDetector Detector = new(new SeriesDetectionOptions());

    [Fact]
    public void Detect_SeriesAtBaseline_IsHealthy()
    {
        var posts = Channel(weeks: 12, seriesRate: i => 0.030);

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.Healthy, health.Status);
        Assert.Equal(0.0, health.RelativeGap!.Value, 3);
        Assert.Equal(0.030, health.BaselineEngagementRate!.Value, 4);
        Assert.Equal(4, health.Posts);
    }

    [Fact]
    public void Detect_SeriesHalfTheBaseline_IsUnderperformingWithEvidence()
    {
        var posts = Channel(weeks: 12, seriesRate: i => 0.015);

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.Underperforming, health.Status);
        Assert.Equal(-0.5, health.RelativeGap!.Value, 2);
        Assert.Equal(0.015, health.RecentEngagementRate!.Value, 4);
        Assert.True(health.Confidence > 0.99, $"confidence {health.Confidence}");
        // Flagged at the third post (the minimum), which is when the episode began.
        Assert.Equal(Start.AddDays(14 + 1), health.Since);
    }

    [Fact]
    public void Detect_TwoPostsOnly_IsInsufficientDataNeverFlagged()
    {
        var posts = Channel(weeks: 12, seriesRate: i => 0.005).Where(p => p.Series is null || p.PublishedAt > Start.AddDays(70)).ToList();

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.InsufficientData, health.Status);
        Assert.Equal(2, health.Posts);
    }

    [Fact]
    public void Detect_WeakSeriesWithOneViralPost_StaysUnderperforming()
    {
        // Three weak posts and one viral hit at 10× baseline: a plain Σ/Σ would read +60 %; the capped rate does not.
        var posts = Channel(weeks: 12, seriesRate: i => i == 10 ? 0.30 : 0.012);

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.Underperforming, health.Status);
    }

    [Fact]
    public void Detect_ModerateGapHeldForEightPosts_IsFlaggedByTheLongWindow()
    {
        // 35 % below: four posts cannot show "more than 25 % below" at 99.5 %, eight posts show "more than 20 % below".
        var posts = Channel(weeks: 12, seriesRate: i => 0.0195);

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));
        var shortOnly = new SeriesDetector(new SeriesDetectionOptions { LongWindowPosts = 4 });
        var shortOnlyHealth = Assert.Single(shortOnly.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.Underperforming, health.Status);
        Assert.Equal(Start.AddDays((7 * 7) + 1), health.Since);
        Assert.Equal(-0.35, health.RelativeGap!.Value, 2);
        Assert.Equal(SeriesStatus.Healthy, shortOnlyHealth.Status);
    }

    [Fact]
    public void Detect_ViralPostInBaseline_DoesNotFlagHealthySeries()
    {
        var posts = Channel(weeks: 12, seriesRate: i => 0.030).ToList();
        posts.Add(Post("other-viral", null, Start.AddDays(80), 0.40, impressions: 500_000));

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.Healthy, health.Status);
        Assert.True(health.RelativeGap > -0.05, $"gap {health.RelativeGap}");
    }

    [Fact]
    public void Detect_DipThenRecovery_IsHealthyAgainSinceRecovery()
    {
        var posts = Channel(weeks: 12, seriesRate: i => i is >= 2 and < 6 ? 0.012 : 0.030);

        var trace = Detector.Trace(posts, "Tips", Start.AddDays(84));
        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Contains(trace, e => e.Status == SeriesStatus.Underperforming);
        Assert.Equal(SeriesStatus.Healthy, health.Status);
        var flaggedAt = trace.First(e => e.Status == SeriesStatus.Underperforming).PostIndex;
        var recoveredAt = trace.First(e => e.PostIndex > flaggedAt && e.Status == SeriesStatus.Healthy).At;
        Assert.Equal(recoveredAt, health.Since);
    }

    [Fact]
    public void Detect_SeriesSilentForMoreThanTheWindow_IsInsufficientData()
    {
        var posts = Channel(weeks: 12, seriesRate: i => 0.010).Where(p => p.Series is null || p.PublishedAt < Start.AddDays(30)).ToList();
        posts.AddRange(Enumerable.Range(0, 30).Select(d => Post($"late-{d}", null, Start.AddDays(84 + (d * 3)), 0.03)));

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(175)));

        Assert.Equal(SeriesStatus.InsufficientData, health.Status);
        Assert.Equal(0, health.Posts);
    }

    [Fact]
    public void Detect_BaselineWithoutImpressions_IsInsufficientData()
    {
        var posts = Channel(weeks: 12, seriesRate: i => 0.015).Select(p => p.Series is null ? p with { Impressions = null } : p).ToList();

        var health = Assert.Single(Detector.Detect("acme", posts, Start.AddDays(84)));

        Assert.Equal(SeriesStatus.InsufficientData, health.Status);
        Assert.Equal(0, health.BaselinePosts);
    }

    /// <summary>One channel: 10 unseries'd posts a week alternating 0.027/0.033 (median and rate 0.030), and the series "Tips" weekly.</summary>
    private static List<CanonicalPost> Channel(int weeks, Func<int, double> seriesRate)
    {
        var posts = new List<CanonicalPost>();
        for (var w = 0; w < weeks; w++)
        {
            for (var k = 0; k < 10; k++)
            {
                posts.Add(Post($"o-{w}-{k}", null, Start.AddDays((7 * w) + (k * 0.7)), k % 2 == 0 ? 0.027 : 0.033));
            }

            posts.Add(Post($"s-{w}", "Tips", Start.AddDays((7 * w) + 1), seriesRate(w)));
        }

        return posts;
    }

    private static CanonicalPost Post(string id, string? series, DateTimeOffset at, double rate, long impressions = 10_000) => new()
    {
        Brand = "acme",
        Channel = Channels.Instagram,
        PostId = id,
        PublishedAt = at,
        Series = series,
        Impressions = impressions,
        Reactions = (long)Math.Round(impressions * rate * 0.8),
        Comments = (long)Math.Round(impressions * rate * 0.2),
    };
}
