using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// The quality benchmark of issue 6, as a test: planted series with known truth, scored for precision, recall and
/// detection delay. The figures go to the test output and into docs/series-detection.md.
/// </summary>
public sealed class SeriesDetectionBenchmarkTests(ITestOutputHelper output)
{
    private const int Seed = 20261123;
    private const int Replicates = 60;
    private const double BenchmarkSigma = 0.20;

    [Fact]
    public void Detect_SyntheticBenchmark_MeetsQualityTargets()
    {
        var detector = new SeriesDetector(new SeriesDetectionOptions());

        var score = SeriesDetectionBenchmark.Run(detector, Seed, BenchmarkSigma, Replicates);

        output.WriteLine("| noise σ | precision | recall | median delay (posts) | mean delay | flagged within 15 % | false alarms | dips still flagged |");
        output.WriteLine(score.ToMarkdownRow());
        output.WriteLine(score.PerScenarioText());
        Assert.True(score.Precision >= 0.9, $"precision {score.Precision:0.000} < 0.9");
        Assert.True(score.Recall >= 0.9, $"recall {score.Recall:0.000} < 0.9");
        Assert.True(score.MedianDelayPosts <= 3, $"median delay {score.MedianDelayPosts} > 3 posts");
        // Target "no flag on series within 15 % of baseline": none of the 540 (healthy, marginal, sparse, controls).
        Assert.True(score.FlaggedWithin15Percent == 0, $"{score.FlaggedWithin15Percent} of {score.NegativesWithin15Percent} series within 15 % flagged");
        Assert.Equal(0, score.DipsStillFlaggedAtEnd);
    }

    [Fact]
    public void Detect_NoisierData_FiguresArePrinted()
    {
        // Sensitivity, reported and not asserted: how the same detector fares when posts vary more than the benchmark assumes.
        var detector = new SeriesDetector(new SeriesDetectionOptions());
        output.WriteLine("| noise σ | precision | recall | median delay (posts) | mean delay | flagged within 15 % | false alarms | dips still flagged |");
        foreach (var sigma in new[] { 0.20, 0.30, 0.40, 0.50 })
        {
            var score = SeriesDetectionBenchmark.Run(detector, Seed, sigma, Replicates);
            output.WriteLine(score.ToMarkdownRow());
            output.WriteLine("  " + score.PerScenarioText());
            Assert.Equal(Replicates * 6 * 2, score.NegativesWithin15Percent + score.Positives);
        }
    }
}
