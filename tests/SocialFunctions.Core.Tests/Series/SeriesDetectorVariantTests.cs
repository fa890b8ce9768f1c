using System.Globalization;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// The research options of <see cref="SeriesDetectionOptions"/> (statistic weights, sign evidence, type centres shrunk or
/// offset over the history): what each must keep or change. Their defaults are pinned bit for bit by <see cref="SeriesDetectorPinnedVerdictsTests"/>.
/// </summary>
public sealed class SeriesDetectorVariantTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = Start.AddDays(84);

    [Theory]
    [InlineData(SeriesStatisticWeights.Impressions)]
    [InlineData(SeriesStatisticWeights.Equal)]
    [InlineData(SeriesStatisticWeights.Precision)]
    [InlineData(SeriesStatisticWeights.PrecisionExpected)]
    [InlineData(SeriesStatisticWeights.PrecisionTimesImpressions)]
    public void Detect_AnyStatisticWeights_ShownGapStaysImpressionsWeighted(SeriesStatisticWeights weights)
    {
        // Every other series post is seen by a quarter of the usual audience at 80 % of the ER: weighted by impressions the
        // series is (0.030 · 10,000 + 0.024 · 2,500) / 12,500 = 0.0288, 4 % below; equally weighted it would be 10 % below.
        // Catches the statistic's weights leaking into the rates shown.
        var posts = Channel(week => week % 2 == 0 ? (0.030, 10_000) : (0.024, 2_500));
        var detector = new SeriesDetector(new SeriesDetectionOptions { StatisticWeights = weights });

        var health = Assert.Single(detector.Detect("acme", posts, AsOf));

        Assert.Equal(SeriesStatus.Healthy, health.Status);
        Assert.Equal(12, health.Posts);
        Assert.Equal(0.0288, health.RecentEngagementRate!.Value, 4);
        Assert.Equal(-0.04, health.RelativeGap!.Value, 3);
    }

    [Fact]
    public void Detect_PrecisionWeightsOnATypeWithFewPosts_BaselineShownIsTheImpressionsWeightedOne()
    {
        // Eight link posts in the window (too few for a reference of their own): small ones at a low ER, large ones at a
        // higher. Their shift from all types is what the baseline shown for a link series is made of; impressions-weighted
        // and precision-weighted means of them differ. With τ large the shrinkage keeps (almost) the whole shift whatever
        // the weights, so the baseline shown must be the same under both. Catches the shown shift taken from the
        // statistic's weighted means.
        var posts = Channel(_ => (0.012, 10_000), seriesType: ContentTypes.Link);
        for (var k = 0; k < 8; k++)
        {
            var (rate, impressions) = k % 2 == 0 ? (0.004, 500L) : (0.016, 10_000L);
            posts.Add(Post($"l-{k}", null, Start.AddDays(3 + (k * 10.3)), rate, impressions) with { ContentType = ContentTypes.Link });
        }

        var options = new SeriesDetectionOptions { ContentTypeEffectSigma = 5 };
        var byImpressions = Assert.Single(new SeriesDetector(options with { StatisticWeights = SeriesStatisticWeights.Impressions }).Detect("acme", posts, AsOf));
        var byPrecision = Assert.Single(new SeriesDetector(options with { StatisticWeights = SeriesStatisticWeights.Precision }).Detect("acme", posts, AsOf));

        Assert.Equal(SeriesBaselineBasis.AllTypes, byPrecision.BaselineBasis);
        Assert.Equal(byImpressions.BaselineEngagementRate!.Value, byPrecision.BaselineEngagementRate!.Value, 1e-3 * byImpressions.BaselineEngagementRate.Value);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(22)]
    public void Trace_PrecisionWeightsSeriesAloneInItsType_EveryFigureFinite(int variant)
    {
        // Every other post of the series is a link post, each seen by a different audience, and the channel's only other
        // link post leaves the 90-day window (at day 68–70) between two refreshes of the window's sums (days 57 and 85),
        // taken out by subtraction: the window's link sums less the series' own are then empty, but precision weights
        // added and taken away in another order leave a rounding residue (these two variants: found by a scan, an infinite
        // and a NaN baseline before the fix). Catches an empty type told by its residual weight rather than by its count.
        var posts = Channel(week => (
            week % 2 == 0 ? 0.030 : 0.013 + (0.001 * week) + (0.0003 * (variant % 7)),
            2_000 + (1_700L * week) + (137L * variant)));
        for (var i = 0; i < posts.Count; i++)
        {
            if (posts[i].Series is not null && int.Parse(posts[i].PostId[2..], CultureInfo.InvariantCulture) % 2 == 1)
            {
                posts[i] = posts[i] with { ContentType = ContentTypes.Link };
            }
        }

        posts.Add(Post("l-old", null, Start.AddDays(-20 - (variant % 5)), 0.020, 7_000 + (311L * variant)) with { ContentType = ContentTypes.Link });

        var trace = new SeriesDetector(new SeriesDetectionOptions { StatisticWeights = SeriesStatisticWeights.Precision }).Trace(posts, "Tips", AsOf);

        Assert.Equal(10, trace.Count(e => e.Sufficient));
        Assert.All(trace.Where(e => e.Sufficient), e =>
        {
            Assert.True(double.IsFinite(e.Statistic!.Value), $"statistic {e.Statistic}");
            Assert.True(double.IsFinite(e.BaselineEngagementRate!.Value), $"baseline {e.BaselineEngagementRate}");
            Assert.True(double.IsFinite(e.RelativeGap!.Value), $"gap {e.RelativeGap}");
        });
    }

    [Fact]
    public void Trace_EqualWeightsWhenEveryPostHasTheSameImpressions_SameStatisticAsImpressionWeights()
    {
        // Equal impressions make impression weights a constant, and the statistic does not depend on the weights' scale.
        // Catches equal weights applied to only some of the sums (the series' and the reference's must match).
        var posts = Channel(week => (week >= 6 ? 0.018 : 0.030, 10_000), noisy: true);

        var byImpressions = new SeriesDetector(new SeriesDetectionOptions { StatisticWeights = SeriesStatisticWeights.Impressions }).Trace(posts, "Tips", AsOf);
        var equal = new SeriesDetector(new SeriesDetectionOptions { StatisticWeights = SeriesStatisticWeights.Equal }).Trace(posts, "Tips", AsOf);

        Assert.Equal(byImpressions.Count, equal.Count);
        Assert.Contains(byImpressions, e => e.Statistic is not null);
        for (var i = 0; i < equal.Count; i++)
        {
            Assert.Equal(byImpressions[i].Statistic ?? 0, equal[i].Statistic ?? 0, 1e-9);
        }
    }

    [Fact]
    public void Trace_PrecisionFromExpectedCountsWhenEveryPostHasTheSameImpressionsAndType_SameStatisticAsEqualWeights()
    {
        // Same impressions and one content type: every post expects the same count, so expected-count precision weighs all
        // alike (the observed counts, 100 to 900 here, would not). Catches the observed count used in place of the expected.
        var posts = Channel(week => (week >= 6 ? 0.018 : 0.030, 10_000), noisy: true);

        var equal = new SeriesDetector(new SeriesDetectionOptions { StatisticWeights = SeriesStatisticWeights.Equal }).Trace(posts, "Tips", AsOf);
        var expected = new SeriesDetector(new SeriesDetectionOptions { StatisticWeights = SeriesStatisticWeights.PrecisionExpected }).Trace(posts, "Tips", AsOf);

        Assert.Equal(equal.Count, expected.Count);
        Assert.Contains(equal, e => e.Statistic is not null);
        for (var i = 0; i < equal.Count; i++)
        {
            Assert.Equal(equal[i].Statistic ?? 0, expected[i].Statistic ?? 0, 1e-9);
        }
    }

    [Fact]
    public void Trace_SignEvidenceLarger_NeverBelowTheMeansAloneAndAboveWhereEveryPostIsBelow()
    {
        // A noisy channel (σ̂ ≈ 1.6) and a series a third below at every post: the mean's evidence stays weak (log B ≈ 0.6)
        // while 12 of 12 posts below the median is strong sign evidence (≈ 3). The larger of the two per onset can only raise the mixture.
        // Catches the smaller taken instead of the larger, and the sign evidence never computed.
        var posts = Channel(_ => (0.020, 10_000), noisy: true);

        var mean = new SeriesDetector(new SeriesDetectionOptions()).Trace(posts, "Tips", AsOf);
        var larger = new SeriesDetector(new SeriesDetectionOptions { SignEvidence = SeriesSignEvidence.Larger }).Trace(posts, "Tips", AsOf);

        Assert.Equal(mean.Count, larger.Count);
        for (var i = 0; i < mean.Count; i++)
        {
            Assert.True((larger[i].Statistic ?? 0) >= (mean[i].Statistic ?? 0) - 1e-12, $"look {i}: {larger[i].Statistic} < {mean[i].Statistic}");
        }

        Assert.True(larger[^1].Statistic > mean[^1].Statistic + 1, $"{larger[^1].Statistic} against {mean[^1].Statistic}");
    }

    [Fact]
    public void Detect_SignEvidenceProduct_SeriesAtBaselineHalfBelowIsNotRaised()
    {
        // Half the posts below the median is what "within 15 %" predicts: the sign's factor is below 1 and the product no
        // higher than the mean's alone. Catches the sign factor's hypotheses swapped (weak over null inverted).
        var posts = Channel(week => (week % 2 == 0 ? 0.027 : 0.033, 10_000));

        var mean = Assert.Single(new SeriesDetector(new SeriesDetectionOptions()).Detect("acme", posts, AsOf));
        var product = Assert.Single(new SeriesDetector(new SeriesDetectionOptions { SignEvidence = SeriesSignEvidence.Product }).Detect("acme", posts, AsOf));

        Assert.Equal(SeriesStatus.Healthy, product.Status);
        Assert.True(product.Statistic < mean.Statistic, $"{product.Statistic} against {mean.Statistic}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Detect_ShrunkTypeCentresOrOffsetsOverHistory_LowTypeSeriesAtItsTypesLevelIsNotFlagged(bool offsetsOverHistory)
    {
        // Links earn half the images' ER; a link series at the links' level is at baseline. Shrinking the links' centre
        // (48 posts) towards all types moves it by a few per cent at most (τ = 0.35); the links' offset from all types over
        // the history is the window's on a steady channel. Catches the shrinkage factor inverted (the centre pulled to the
        // all-types level, the series then 35 % below it) and the offset's sign flipped.
        var posts = Channel(_ => (0.015, 10_000), seriesType: ContentTypes.Link);
        for (var w = 0; w < 12; w++)
        {
            for (var k = 0; k < 4; k++)
            {
                posts.Add(Post($"l-{w}-{k}", null, Start.AddDays((7 * w) + 0.3 + (k * 1.5)), k % 2 == 0 ? 0.0135 : 0.0165, 10_000) with { ContentType = ContentTypes.Link });
            }
        }

        var options = offsetsOverHistory ? new SeriesDetectionOptions { ContentTypeOffsetsOverHistory = true } : new SeriesDetectionOptions { ShrinkContentTypeCentres = true };
        var shrunk = Assert.Single(new SeriesDetector(options).Detect("acme", posts, AsOf));

        Assert.Equal(SeriesStatus.Healthy, shrunk.Status);
        Assert.Equal(SeriesBaselineBasis.ContentType, shrunk.BaselineBasis);
        Assert.InRange(shrunk.Statistic!.Value, -50, 0);
    }

    /// <summary>
    /// 10 unseries'd image posts a week alternating 0.027/0.033 (noisy: 9 cycling through 0.010, 0.030 and 0.090: median
    /// 0.030, robust σ̂ ≈ 1.6), 10,000 impressions each, and the
    /// series "Tips" weekly on the week's second day at the rate and impressions <paramref name="series"/> gives its week.
    /// </summary>
    private static List<CanonicalPost> Channel(Func<int, (double Rate, long Impressions)> series, bool noisy = false, string seriesType = ContentTypes.Image)
    {
        var posts = new List<CanonicalPost>();
        for (var w = 0; w < 12; w++)
        {
            for (var k = 0; k < (noisy ? 9 : 10); k++)
            {
                var rate = noisy ? 0.010 * Math.Pow(3, k % 3) : (k % 2 == 0 ? 0.027 : 0.033);
                posts.Add(Post($"o-{w}-{k}", null, Start.AddDays((7 * w) + (k * 0.7)), rate, 10_000));
            }

            var (seriesRate, impressions) = series(w);
            posts.Add(Post($"s-{w}", "Tips", Start.AddDays((7 * w) + 1), seriesRate, impressions) with { ContentType = seriesType });
        }

        return posts;
    }

    private static CanonicalPost Post(string id, string? series, DateTimeOffset at, double rate, long impressions) => new()
    {
        Brand = "acme",
        Channel = Channels.Instagram,
        PostId = id,
        PublishedAt = at,
        Series = series,
        ContentType = ContentTypes.Image,
        Impressions = impressions,
        Reactions = (long)Math.Round(impressions * rate * 0.8),
        Comments = (long)Math.Round(impressions * rate * 0.2),
    };
}
