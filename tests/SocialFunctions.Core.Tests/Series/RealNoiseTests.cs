using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>The measuring code of <see cref="SeriesDetectionOnRealExports"/> on invented posts.</summary>
public sealed class RealNoiseTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    // Built per test, never in a static (one test process serves many mutants).
    private SeriesDetector Detector { get; } = new(new SeriesDetectionOptions());

    [Fact]
    public void RobustSigma_KnownSample_Is1Point4826TimesTheMedianAbsoluteDeviation()
    {
        // Median 3, absolute deviations 2, 1, 0, 1, 97: their median is 1. Catches a plain standard deviation or a lost factor.
        Assert.Equal(1.4826, RealNoise.RobustSigma([1.0, 2, 3, 4, 100]), 10);
    }

    [Fact]
    public void TypeResiduals_RemoveEachLargeTypesMedian_AndPoolTheSmallTypes()
    {
        // 10 reels at 4 %, 10 images at 1 %, 2 links at 2 % and 2 texts at 8 % (too few each: pooled, median ER 4 %).
        var posts = Posts(Enumerable.Repeat((ContentTypes.Reel, 0.04), 10)
            .Concat(Enumerable.Repeat((ContentTypes.Image, 0.01), 10))
            .Concat([(ContentTypes.Link, 0.02), (ContentTypes.Link, 0.02), (ContentTypes.Text, 0.08), (ContentTypes.Text, 0.08)]));

        var r = RealNoise.TypeResiduals(posts);

        Assert.All(r.Take(20), v => Assert.Equal(0, v, 9));
        // Pooled median of {2, 2, 8, 8} % is log(4 %) (the mean of the middle logs): links log(½), texts log 2 off it.
        Assert.Equal(-Math.Log(2), r[20], 9);
        Assert.Equal(Math.Log(2), r[23], 9);
        Assert.Equal(0, RealNoise.RobustSigma(r.Take(20).ToArray()), 9);
    }

    [Fact]
    public void SlopeAndLag1_KnownSequences()
    {
        Assert.Equal(-0.5, RealNoise.Slope([1.0, 2, 3, 4], [3.0, 2.5, 2, 1.5]), 12);
        // Alternating ±1: each value is the negative of the one before; the sum of 3 products over 4 squares.
        Assert.Equal(-0.75, RealNoise.Lag1([1.0, -1, 1, -1]), 12);
        Assert.True(RealNoise.Lag1([1.0, 2, 3, 4, 5, 6]) > 0.4);
    }

    [Fact]
    public void Profile_CountsWeeksWithoutAPost_AndPostsPerWeek()
    {
        // Posts on days 0, 1, 8 and 22: weeks 0, 1 and 3 of four hold a post. Span 22 days = 3.14 weeks.
        var posts = new[] { 0, 1, 8, 22 }.Select(day => Post(day, ContentTypes.Image, impressions: 1000, engagements: 20)).ToList();

        var profile = RealNoise.Profile(posts);

        Assert.Equal(0.25, profile.EmptyWeekShare, 9);
        Assert.Equal(4 / (22 / 7.0), profile.PostsPerWeek, 9);
        Assert.Equal(0.02, profile.MedianRate, 9);
        Assert.Equal(20, profile.MedianEngagements, 9);
        Assert.Equal(0, profile.Sigma, 9);
    }

    [Fact]
    public void Rated_KeepsLifetimePostsWithImpressionsAndEngagements_OldestFirst()
    {
        var posts = new[]
        {
            Post(3, ContentTypes.Image, 1000, 10),
            Post(1, ContentTypes.Image, 1000, 10),
            Post(2, ContentTypes.Image, 0, 10),
            Post(4, ContentTypes.Image, 1000, 10) with { Reactions = null },
            Post(5, ContentTypes.Image, 1000, 10) with { Kind = ExportKind.Range },
        };

        var rated = RealNoise.Rated(posts);

        Assert.Equal([Start.AddDays(1), Start.AddDays(3)], rated.Select(p => p.PublishedAt));
    }

    [Fact]
    public void DrawSeries_TakesEveryKthPost_KThePostsPerWeek_WithinTheHistory()
    {
        var posts = Enumerable.Range(0, 400).Select(i => Post(i * 1.4, ContentTypes.Image, 1000, 10)).ToList();
        var random = new Random(7);

        for (var draw = 0; draw < 50; draw++)
        {
            var indices = RealNoise.DrawSeries(posts, postsPerWeek: 5, random);

            Assert.NotNull(indices);
            Assert.InRange(indices.Length, 8, 26);
            Assert.All(indices.Zip(indices.Skip(1)), pair => Assert.Equal(5, pair.Second - pair.First));
            Assert.True(posts[indices[^1]].PublishedAt - posts[indices[0]].PublishedAt < TimeSpan.FromDays(SeriesDetectionDefaults.HistoryDays));
        }
    }

    [Fact]
    public void DrawSeries_ShortFileOfABusyChannel_TakesEveryKthWithKSmallEnoughFor8Posts()
    {
        // 78 posts in 4 weeks (20 a week): every 20th would give 4 posts; every 11th gives 8.
        var posts = Enumerable.Range(0, 78).Select(i => Post(i * 0.35, ContentTypes.Image, 1000, 10)).ToList();

        var indices = RealNoise.DrawSeries(posts, postsPerWeek: 20, new Random(3));

        Assert.NotNull(indices);
        Assert.Equal(8, indices.Length);
        Assert.All(indices.Zip(indices.Skip(1)), pair => Assert.Equal(11, pair.Second - pair.First));
    }

    [Fact]
    public void DrawSeries_TooFewPosts_IsNull()
    {
        var posts = Enumerable.Range(0, 13).Select(i => Post(i * 7, ContentTypes.Image, 1000, 10)).ToList();

        // Every 2nd of 13 posts: at most 7, fewer than the 8 a pseudo-series needs.
        Assert.Null(RealNoise.DrawSeries(posts, postsPerWeek: 1, new Random(1)));
    }

    [Fact]
    public void DrawSeries_FromAPool_TakesEveryKthPostOfThePool()
    {
        // The pool is every 2nd post; 3 pool posts a week: every 3rd of the pool, 6 posts apart in the channel.
        var posts = Enumerable.Range(0, 400).Select(i => Post(i * 1.4, ContentTypes.Image, 1000, 10)).ToList();
        int[] pool = [.. Enumerable.Range(0, 200).Select(i => 2 * i)];
        var random = new Random(11);

        for (var draw = 0; draw < 50; draw++)
        {
            var indices = RealNoise.DrawSeries(posts, pool, poolPostsPerWeek: 3, minimumStep: 1, random);

            Assert.NotNull(indices);
            Assert.InRange(indices.Length, 8, 26);
            Assert.All(indices, i => Assert.Equal(0, i % 2));
            Assert.All(indices.Zip(indices.Skip(1)), pair => Assert.Equal(6, pair.Second - pair.First));
        }
    }

    [Fact]
    public void DrawSeries_FromAPoolOfUnderOnePostAWeek_TakesEveryPostWhenTheStepMayBe1()
    {
        // Catches a minimum step of 2 kept for pools: every 2nd of 12 pool posts is 6, fewer than 8.
        var posts = Enumerable.Range(0, 36).Select(i => Post(i * 2.5, ContentTypes.Image, 1000, 10)).ToList();
        int[] pool = [.. Enumerable.Range(0, 12).Select(i => 3 * i)];

        var indices = RealNoise.DrawSeries(posts, pool, poolPostsPerWeek: 0.9, minimumStep: 1, new Random(5));

        Assert.NotNull(indices);
        Assert.All(indices.Zip(indices.Skip(1)), pair => Assert.Equal(3, pair.Second - pair.First));
    }

    [Fact]
    public void ReachTerciles_RankWithinContentType_AndPoolTheSmallTypes()
    {
        // 12 reels at 10,000–21,000 impressions and 12 images at 100–1,100 (in reverse time order): every image reaches fewer
        // than every reel, yet each type has its own top four. Three links and three texts (too few each) share one ranking.
        var posts = Enumerable.Range(0, 12).Select(i => Post(i, ContentTypes.Reel, 21_000 - (1000 * i), 100))
            .Concat(Enumerable.Range(0, 12).Select(i => Post(12 + i, ContentTypes.Image, 1_100 - (100 * i), 10)))
            .Concat(Enumerable.Range(0, 6).Select(i => Post(24 + i, i % 2 == 0 ? ContentTypes.Link : ContentTypes.Text, 500 + (10 * i), 5)))
            .ToList();

        var terciles = RealNoise.ReachTerciles(posts);

        Assert.Equal([2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0], terciles.Take(12));
        Assert.Equal([2, 2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0], terciles.Skip(12).Take(12));
        Assert.Equal([0, 0, 1, 1, 2, 2], terciles.Skip(24));
    }

    [Fact]
    public void ReachTerciles_OnAGrowingAccount_RankReachAgainstTheTrailing90Days()
    {
        // Reach grows 20-fold over 177 days and every third post is boosted 4×. Against the whole history the top tercile
        // would be the last 20 posts; against the trailing 90 days it is the boosted ones.
        var posts = Enumerable.Range(0, 60)
            .Select(i => Post(3 * i, ContentTypes.Image, (long)Math.Round(1000 * Math.Exp(i / 20.0) * (i % 3 == 2 ? 4 : 1)), 10))
            .ToList();

        var terciles = RealNoise.ReachTerciles(posts);

        Assert.Equal(Enumerable.Range(0, 60).Select(i => i % 3 == 2), terciles.Select(t => t == 2));
    }

    [Fact]
    public void ReachGap_IsTheMeanLogImpressionsAboveTheOtherPostsOfTheSameType()
    {
        // Reels: others at e^9, the series' reel at e^10 (+1). Images: others at e^6 and e^8 (mean 7), the series' at e^5 (−2).
        // Mean over the two series posts: −0.5. Catches a gap taken against all types (the reel would be far above).
        var reels = Enumerable.Range(0, 10).Select(i => Post(i, ContentTypes.Reel, (long)Math.Round(Math.Exp(9)), 100)).ToList();
        var images = Enumerable.Range(0, 10).Select(i => Post(10 + i, ContentTypes.Image, (long)Math.Round(Math.Exp(i % 2 == 0 ? 6 : 8)), 10)).ToList();
        var posts = reels.Concat(images)
            .Append(Post(20, ContentTypes.Reel, (long)Math.Round(Math.Exp(10)), 100))
            .Append(Post(21, ContentTypes.Image, (long)Math.Round(Math.Exp(5)), 10))
            .ToList();

        Assert.Equal(-0.5, RealNoise.ReachGap(posts, [20, 21]), 2); // counts rounded: e^5 is 148.4
        Assert.Equal(1, RealNoise.ReachGap(posts, [20]), 2);
    }

    [Fact]
    public void Detect_HighAndLowReachSelections_DrawFromThatTercileOnly()
    {
        var (posts, _) = NoisyChannel(sigma: 0.35, seed: 5);

        var high = RealNoise.Detect(Detector, posts, postsPerWeek: 6, draws: 10, seed: 9, gaps: [0.5], ReachSelection.High);
        var low = RealNoise.Detect(Detector, posts, postsPerWeek: 6, draws: 10, seed: 9, gaps: [0.5], ReachSelection.Low);
        var random = RealNoise.Detect(Detector, posts, postsPerWeek: 6, draws: 10, seed: 9, gaps: [0.5]);

        // Impressions lognormal σ 0.6: the top tercile is about +0.65 in log above the rest, the bottom as far below.
        Assert.Equal(10, high.Series);
        Assert.All(high.ReachGaps, g => Assert.True(g > 0.3, $"high-reach series at {g}"));
        Assert.All(low.ReachGaps, g => Assert.True(g < -0.3, $"low-reach series at {g}"));
        Assert.InRange(random.MeanReachGap, -0.3, 0.3);
    }

    [Fact]
    public void Plant_MultipliesOnlyTheSeriesPostsSinceTheOnset_AndRoundsTheCount()
    {
        var posts = Enumerable.Range(0, 9).Select(i => Post(i, ContentTypes.Image, 1000, 0) with { Reactions = 60, Comments = 41, Series = "real" }).ToList();

        var planted = RealNoise.Plant(posts, indices: [1, 3, 5, 7], series: "s", onset: 2, gap: 0.4, new Random(1));

        // 101 × 0.6 = 60.6: 60 or 61 on posts 5 and 7 only; the rest keep 101; only the four are in the series.
        var engagements = planted.Select(p => Engagement.Of(p)!.Value).ToArray();
        Assert.Equal([101L, 101, 101, 101, 101, 101, 101], engagements.Where((_, i) => i is not 5 and not 7));
        Assert.InRange(engagements[5], 60, 61);
        Assert.InRange(engagements[7], 60, 61);
        Assert.Equal([null, "s", null, "s", null, "s", null, "s", null], planted.Select(p => p.Series));
        Assert.Equal(posts.Select(p => p.Impressions), planted.Select(p => p.Impressions));
    }

    [Theory]
    [InlineData(101, 0.4, 60.6)]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(1, 0.4, 0.6)]
    public void Plant_RoundsAtRandom_SoTheMeanIsTheExactProduct(long count, double gap, double mean)
    {
        // Rounding to the nearest would keep a single engagement at 1 (0.5 and 0.6 round up): nothing planted on small posts.
        var posts = Enumerable.Range(0, 4000).Select(i => Post(i / 40.0, ContentTypes.Image, 1000, count)).ToList();

        var planted = RealNoise.Plant(posts, [.. Enumerable.Range(0, 4000)], "s", onset: 0, gap, new Random(2));

        var values = planted.Select(p => Engagement.Of(p)!.Value).ToArray();
        Assert.All(values, v => Assert.InRange(v, (long)Math.Floor(mean), (long)Math.Ceiling(mean)));
        // Bernoulli with p ≤ 0.6 over 4,000 posts: standard error ≤ 0.008; 0.04 is five of them.
        Assert.Equal(mean, values.Average(), 0.04);
    }

    [Fact]
    public void Twin_KeepsEachPostsTimeReachAndType_AndDrawsXAroundItsTypesMedianAtTheGivenSpread()
    {
        // Reels around 4 %, images around 1 %, each with a steady drift (x rising by 2 over the posts) the twin must not keep:
        // a twin that kept x would show the drift as a spread above 0.65 and a lag-1 autocorrelation near ½.
        var posts = Enumerable.Range(0, 2000)
            .Select(i => Post(i / 10.0, i % 2 == 0 ? ContentTypes.Reel : ContentTypes.Image, 20_000 + i, (long)Math.Round((i % 2 == 0 ? 300 : 75) * Math.Exp(2.0 * i / 2000))))
            .ToList();

        var twin = RealNoise.Twin(posts, sigma: 0.6, new Random(4));

        Assert.Equal(posts.Select(p => (p.PublishedAt, p.Impressions, p.ContentType)), twin.Select(p => (p.PublishedAt, p.Impressions, p.ContentType)));
        var profile = RealNoise.Profile(twin);
        Assert.InRange(profile.SigmaTypeAdjusted, 0.55, 0.65);
        Assert.InRange(Math.Abs(profile.Lag1TypeAdjusted), 0, 0.1);
        var medianReel = SeriesStatistics.Median(twin.Where(p => p.ContentType == ContentTypes.Reel).Select(RealNoise.LogRate));
        var realReel = SeriesStatistics.Median(posts.Where(p => p.ContentType == ContentTypes.Reel).Select(RealNoise.LogRate));
        Assert.Equal(realReel, medianReel, 0.05);
    }

    [Fact]
    public void Evaluate_HalfGapOver20PostsAtSigma035_IsFlagged_AndTheSameSeriesUntouchedIsNot()
    {
        var (posts, indices) = NoisyChannel(sigma: 0.35, seed: 3);

        var weak = RealNoise.Evaluate(Detector, posts, indices, onset: 0, gap: 0.5, new Random(1));
        var untouched = RealNoise.Evaluate(Detector, posts, indices, onset: 0, gap: 0, new Random(1));

        Assert.Equal(20, weak.Statuses.Length);
        Assert.NotNull(weak.FirstFlag);
        Assert.Equal(SeriesStatus.Underperforming, weak.Statuses[^1]);
        Assert.Null(untouched.FirstFlag);
    }

    [Fact]
    public void Detect_OnANoisyChannel_RecallsAHalfGapMoreOftenThanItFlagsNothing()
    {
        var (posts, _) = NoisyChannel(sigma: 0.35, seed: 5);

        var result = RealNoise.Detect(Detector, posts, postsPerWeek: 6, draws: 20, seed: 9, gaps: [0.5]);

        Assert.Equal(20, result.Series);
        Assert.True(result.Recall(0) >= 0.8, $"recall {result.Recall(0)}");
        Assert.True(result.FlaggedAny <= 2, $"{result.FlaggedAny} untouched series flagged");
        Assert.Equal(result.Detected[0], result.Delays[0].Count);
    }

    /// <summary>30 weeks of 6 posts, ER 3 % × lognormal(σ), impressions ~5,000; a series of every 6th post over the last 20 weeks.</summary>
    private static (IReadOnlyList<CanonicalPost> Posts, int[] Indices) NoisyChannel(double sigma, int seed)
    {
        var random = new Random(seed);
        var posts = new List<CanonicalPost>();
        for (var i = 0; i < 180; i++)
        {
            var impressions = (long)(5000 * Math.Exp(0.6 * Normal(random)));
            var rate = 0.03 * Math.Exp((sigma * Normal(random)) - (sigma * sigma / 2));
            posts.Add(Post(i * (7 / 6.0), ContentTypes.Image, impressions, (long)Math.Round(rate * impressions)));
        }

        return (posts, [.. Enumerable.Range(0, 20).Select(j => 60 + (j * 6))]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static List<CanonicalPost> Posts(IEnumerable<(string Type, double Rate)> specs) =>
        [.. specs.Select((s, i) => Post(i, s.Type, 10_000, (long)Math.Round(s.Rate * 10_000)))];

    private static CanonicalPost Post(double day, string type, long impressions, long engagements) => new()
    {
        Brand = "acme",
        Channel = Channels.Instagram,
        PostId = $"p{day:0.###}",
        PublishedAt = Start.AddDays(day),
        ContentType = type,
        Impressions = impressions,
        Reactions = engagements,
    };
}
