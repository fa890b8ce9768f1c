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

    [Fact]
    public void MedianInPlace_Empty_IsNaN() => Assert.True(double.IsNaN(SeriesStatistics.MedianInPlace([])));
}
