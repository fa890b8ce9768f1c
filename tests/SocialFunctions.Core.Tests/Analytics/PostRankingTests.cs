using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class PostRankingTests
{
    private static readonly List<CanonicalPost> Posts =
    [
        Post(Channels.Instagram, "tiny", "2026-10-01T10:00:00Z", 50, 40),      // ER 0.8 but below the floor
        Post(Channels.Instagram, "t2", "2026-10-02T10:00:00Z", 1000, 100),     // 0.10
        Post(Channels.Instagram, "t3", "2026-10-03T10:00:00Z", 2000, 40),      // 0.02
        Post(Channels.Instagram, "t4", "2026-10-04T10:00:00Z", 3000, 150),     // 0.05
        Post(Channels.Instagram, "t5", "2026-10-05T10:00:00Z", 40000, 400),    // 0.01
        Post(Channels.Instagram, "none", "2026-10-06T10:00:00Z", null, 400),   // no impressions
    ];

    [Fact]
    public void Floor_MedianOfMonth_TenPercentOrMinimum()
    {
        // Median of 50, 1000, 2000, 3000, 40000 = 2000 → 10 % = 200 > 100.
        Assert.Equal(200, PostRanking.Floor(Posts, new TrendReportOptions()));
        Assert.Equal(100, PostRanking.Floor(Posts.Take(2).ToList(), new TrendReportOptions()));
    }

    [Fact]
    public void Floor_EvenNumberOfPosts_MedianIsTheMeanOfTheMiddleTwo()
    {
        // Median of 1000, 2000, 3000, 40000 = 2500 → 10 % = 250.
        Assert.Equal(250, PostRanking.Floor(Posts.Skip(1).Take(4).ToList(), new TrendReportOptions()));
    }

    [Fact]
    public void Rank_ByEngagementRate_FloorExcludesTinyPosts()
    {
        var (top, bottom) = PostRanking.Rank(Posts, new TrendReportOptions { TopPosts = 2 });

        Assert.Equal(["t2", "t4"], top.Select(p => p.PostId).ToArray());
        Assert.Equal(["t5", "t3"], bottom.Select(p => p.PostId).ToArray());
        Assert.Equal((1000L, 100L, 0.1), (top[0].Impressions!.Value, top[0].Engagements!.Value, top[0].EngagementRate!.Value));
    }

    [Fact]
    public void Rank_FewPosts_NeverInBothLists()
    {
        var (top, bottom) = PostRanking.Rank(Posts, new TrendReportOptions { TopPosts = 5 });

        Assert.Equal(4, top.Count);
        Assert.Empty(bottom);
    }

    [Fact]
    public void Rank_TiesOnRate_MoreImpressionsFirstThenPostId()
    {
        // Floor: median 1,000 → 100. x, y and b all have ER 0.05: b (2,000 impressions) leads, then x before y by id.
        // Bottom from the rest: c, d and e at 0.01 → e (2,000 impressions), then c before d. Catches each tie-break reversed.
        var posts = new[]
        {
            Post(Channels.Instagram, "y", "2026-10-01T10:00:00Z", 1000, 50),
            Post(Channels.Instagram, "x", "2026-10-02T10:00:00Z", 1000, 50),
            Post(Channels.Instagram, "b", "2026-10-03T10:00:00Z", 2000, 100),
            Post(Channels.Instagram, "d", "2026-10-04T10:00:00Z", 1000, 10),
            Post(Channels.Instagram, "c", "2026-10-05T10:00:00Z", 1000, 10),
            Post(Channels.Instagram, "e", "2026-10-06T10:00:00Z", 2000, 20),
        };

        var (top, bottom) = PostRanking.Rank(posts, new TrendReportOptions { TopPosts = 2 });

        Assert.Equal(["b", "x"], top.Select(p => p.PostId));
        Assert.Equal(["e", "c"], bottom.Select(p => p.PostId));
    }

    [Fact]
    public void Summary_SeriesKept_EmptySeriesIsNone()
    {
        Assert.Equal("Tip Tuesday", PostRanking.Summary(Post(Channels.Instagram, "a", "2026-10-01T10:00:00Z", 100, 5, series: "Tip Tuesday")).Series);
        Assert.Null(PostRanking.Summary(Post(Channels.Instagram, "b", "2026-10-01T10:00:00Z", 100, 5, series: "")).Series);
        Assert.Null(PostRanking.Summary(Post(Channels.Instagram, "c", "2026-10-01T10:00:00Z", 100, 5)).Series);
    }
}
