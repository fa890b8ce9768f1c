using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

public sealed class SeriesStatisticsTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.841345)]
    [InlineData(-1.959964, 0.025)]
    [InlineData(2.575829, 0.995)]
    public void NormalCdf_KnownPoints_MatchTables(double x, double expected) =>
        Assert.Equal(expected, SeriesStatistics.NormalCdf(x), 5);

    [Theory]
    [InlineData(0.95, 1.644854)]
    [InlineData(0.995, 2.575829)]
    [InlineData(0.5, 0.0)]
    public void NormalQuantile_KnownLevels_MatchTables(double p, double expected) =>
        Assert.Equal(expected, SeriesStatistics.NormalQuantile(p), 4);

    [Fact]
    public void RobustSigma_OneHugeOutlier_StaysNearSpreadOfTheRest()
    {
        double[] values = [-1, -0.5, 0, 0.5, 1, 1000];

        Assert.Equal(1.4826 * 0.75, SeriesStatistics.RobustSigma(values), 6);
    }

    [Fact]
    public void Median_EvenCount_AveragesMiddlePair() =>
        Assert.Equal(2.5, SeriesStatistics.Median([4, 1, 3, 2]));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(50)]
    [InlineData(51)]
    public void MedianInPlace_RandomValuesWithTies_MatchesTheSortedMedian(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(_ => (double)random.Next(0, 10)).ToArray();

        var expected = SeriesStatistics.Median(values);

        Assert.Equal(expected, SeriesStatistics.MedianInPlace(values.ToArray()));
    }

    /// <summary>
    /// Sizes past the insertion-sort cut-off and shapes that trip quickselects: continuous noise, few distinct values,
    /// one value, sorted and reversed runs. Catches a partition that loses or duplicates a value, a wrong side chosen for
    /// k, and a lower middle taken from an unpartitioned half; with one value, a partition that never shrinks (hangs).
    /// </summary>
    [Theory]
    [InlineData(17, "noise")]
    [InlineData(193, "noise")]
    [InlineData(1000, "noise")]
    [InlineData(194, "few")]
    [InlineData(401, "few")]
    [InlineData(200, "constant")]
    [InlineData(199, "sorted")]
    [InlineData(256, "reversed")]
    public void MedianInPlace_LongSpansOfEveryShape_MatchTheSortedMedianAndPartition(int count, string shape)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(i => shape switch
        {
            "noise" => random.NextDouble() * 10 - 5,
            "few" => random.Next(0, 3),
            "constant" => 2.5,
            "sorted" => i,
            _ => count - i,
        }).ToArray();
        var copy = values.ToArray();

        var median = SeriesStatistics.MedianInPlace(copy);

        Assert.Equal(SeriesStatistics.Median(values), median);
        Assert.Equal(values.Order(), copy.Order());
        Assert.All(copy[..(count / 2)], v => Assert.True(v <= copy[count / 2]));
    }

    [Fact]
    public void MedianInPlace_Empty_IsNaN() => Assert.True(double.IsNaN(SeriesStatistics.MedianInPlace([])));

    [Fact]
    public void Median_OddCountAndEmpty_MiddleValueOrNaN()
    {
        Assert.Equal(2, SeriesStatistics.Median([3, 1, 2]));
        Assert.True(double.IsNaN(SeriesStatistics.Median([])));
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(2.0, 0.880797)]
    [InlineData(-2.0, 0.119203)]
    public void Logistic_LogOdds_IsTheProbability(double x, double expected) =>
        Assert.Equal(expected, SeriesStatistics.Logistic(x), 6);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void NormalQuantile_ProbabilityNotStrictlyBetweenZeroAndOne_Refused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesStatistics.NormalQuantile(p));

    [Fact]
    public void NormalCdf_Tails_AreSymmetric()
    {
        Assert.Equal(0.158655, SeriesStatistics.NormalCdf(-1), 6);
        Assert.Equal(1.0, SeriesStatistics.NormalCdf(-3) + SeriesStatistics.NormalCdf(3), 9);
    }
}
