using System.Globalization;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// The quality benchmark of issue 11 (docs/series-detection.md): the detector with its default options on the asserting
/// seeds (<see cref="SeriesDetectionBenchmark.AssertingSeeds"/>), which were not looked at while the thresholds were chosen
/// on <see cref="SeriesDetectionBenchmark.TuningBlocks"/> (the explicit tests below redo that choice and print every table).
/// </summary>
public sealed class SeriesDetectionBenchmarkTests(ITestOutputHelper output)
{
    private static readonly SeriesDetector Detector = new(new SeriesDetectionOptions());

    /// <summary>
    /// The calibrated targets on seeds the calibration never saw: ≤ 1 false alarm per 100 at-baseline series-quarters,
    /// ≤ 1 % of the series within 15 % of baseline flagged, a false-discovery share ≤ 5 % (precision ≥ 0.95). Five seeds
    /// are a sample, so each rate is asserted as "not significantly above its target" (exact one-sided binomial test,
    /// α = 1 %); docs/series-detection.md gives the point estimates. Recall is held to a floor against regressions: the
    /// tuning seeds' recall (0.766 at σ 0.35, 0.527 at σ 0.6, fourth pass) less three binomial standard errors of a
    /// five-seed estimate (~580 and ~460 scored positives).
    /// The issue's recall target (0.9) is not reached: the document shows why, and what the best possible detector reaches.
    /// </summary>
    [Theory]
    [InlineData(0.35, 0.71)]
    [InlineData(0.60, 0.45)]
    public void Benchmark_AssertingSeeds_HoldTheCalibratedTargets(double sigma, double recallFloor)
    {
        var tally = SeriesDetectionBenchmark.RunSeeds(Detector, SeriesDetectionBenchmark.AssertingSeeds, sigma);

        Print(tally);
        Assert.True(tally.ScoredPositives >= 300, $"only {tally.ScoredPositives} scored positives: the benchmark lost its power");
        AssertNotAbove(tally.AtBaselineQuartersFlagged, tally.AtBaselineQuarters, SeriesDetectionBenchmark.FalseAlarmBudget, "at-baseline series-quarters flagged");
        AssertNotAbove(tally.Within15Flagged, tally.Within15Series, 0.01, "series within 15 % flagged");
        AssertNotAbove(tally.FalseFlags, tally.TrueFlags + tally.FalseFlags, 0.05, "flags that were false (1 − precision)");
        Assert.True(tally.Recall >= recallFloor, $"recall {tally.Recall:0.000} < {recallFloor}");
    }

    [Fact]
    public void Benchmark_AssertingSeedsAtHighNoise_StayWithinTheFalseAlarmBudget()
    {
        var tally = SeriesDetectionBenchmark.RunSeeds(Detector, SeriesDetectionBenchmark.AssertingSeeds, 0.9);

        Print(tally);
        Assert.True(tally.AtBaselineQuarters >= 3000, $"{tally.AtBaselineQuarters} series-quarters");
        AssertNotAbove(tally.AtBaselineQuartersFlagged, tally.AtBaselineQuarters, SeriesDetectionBenchmark.FalseAlarmBudget, "at-baseline series-quarters flagged");
    }

    [Theory]
    [InlineData(0, 100, 0.01, 1.0)]
    [InlineData(5, 10, 0.5, 0.623046875)]
    [InlineData(3, 3, 0.5, 0.125)]
    public void UpperTail_KnownValues(int count, int n, double p, double expected) =>
        Assert.Equal(expected, UpperTail(count, n, p), 9);

    /// <summary>
    /// How <see cref="SeriesDetectionDefaults.FlagStatistic"/> was chosen: on the tuning seeds only, the smallest h on a
    /// 0.1 grid for which each five-seed tuning block on its own meets the targets — at every noise level at most 1 false
    /// alarm per 100 at-baseline series-quarters; at σ 0.35 and 0.6 at most 1 % of the series within 15 % flagged and
    /// precision ≥ 0.95 — so the choice holds on other five-seed sets too. Every h's pooled figures are printed.
    /// Explicit: 45 benchmark runs (~2 min).
    /// </summary>
    [Fact(Explicit = true)]
    public void Calibration_TuningSeeds_DefaultFlagStatisticIsTheSmallestWithinBudget()
    {
        var options = Detector.Options;
        var prepared = SeriesDetectionBenchmark.NoiseLevels.ToDictionary(
            sigma => sigma,
            sigma => SeriesDetectionBenchmark.TuningBlocks.Select(block => block.AsParallel().AsOrdered().WithDegreeOfParallelism(2)
                .Select(seed => (seed, series: SeriesDetectionBenchmark.Prepare(Detector, seed, sigma))).ToList()).ToList());
        double? chosen = null;
        output.WriteLine(BenchmarkTally.MarkdownHeader.Replace("| noise σ |", "| h | noise σ |", StringComparison.Ordinal));
        for (var h = 2.0; h <= 8.001; h += 0.1)
        {
            var candidate = Math.Round(h, 2);
            var pooled = new List<BenchmarkTally>();
            var ok = true;
            foreach (var (sigma, blocks) in prepared)
            {
                var total = new BenchmarkTally { NoiseSigma = sigma };
                foreach (var block in blocks)
                {
                    var tally = new BenchmarkTally { NoiseSigma = sigma };
                    foreach (var (seed, series) in block)
                    {
                        tally.Add(SeriesDetectionBenchmark.Score(series, trace => SeriesDetectionBenchmark.ReplayFlags(trace, candidate, options.KeepStatistic), seed, sigma));
                    }

                    ok &= tally.FalseAlarmsPer100Quarters <= 100 * SeriesDetectionBenchmark.FalseAlarmBudget
                        && (sigma > 0.8 || (tally.Within15FlaggedRate <= 0.01 && tally.Precision >= 0.95));
                    total.Add(tally);
                }

                pooled.Add(total);
            }

            chosen ??= ok ? candidate : null;
            pooled.ForEach(r => output.WriteLine($"| {candidate:0.00}{(ok ? " ✓" : "")} " + r.ToMarkdownRow()));
        }

        output.WriteLine($"chosen h = {chosen}");
        Assert.Equal(SeriesDetectionDefaults.FlagStatistic, chosen);
    }

    /// <summary>The full table of docs/series-detection.md: every noise level on the tuning and on the asserting seeds.</summary>
    [Fact(Explicit = true)]
    public void FullTable_EveryNoiseLevel_TuningAndAssertingSeeds()
    {
        output.WriteLine($"oracle threshold (1 % of at-baseline series-quarters): {SeriesDetectionBenchmark.OracleThreshold:0.000}");
        output.WriteLine(BenchmarkTally.MarkdownHeader);
        var breakdowns = new List<string>();
        var oracles = new List<string>();
        foreach (var seeds in new[] { SeriesDetectionBenchmark.TuningBlocks.SelectMany(b => b).ToArray(), SeriesDetectionBenchmark.FirstPassAssertingSeeds, SeriesDetectionBenchmark.AssertingSeeds })
        {
            foreach (var sigma in SeriesDetectionBenchmark.NoiseLevels)
            {
                var tally = SeriesDetectionBenchmark.RunSeeds(Detector, seeds, sigma);
                output.WriteLine(tally.ToMarkdownRow());
                breakdowns.Add(tally.BreakdownText());
                oracles.Add(tally.ToOracleRow());
            }
        }

        breakdowns.ForEach(output.WriteLine);
        output.WriteLine(BenchmarkTally.OracleHeader);
        oracles.ForEach(output.WriteLine);
    }

    /// <summary>Fails when <paramref name="count"/> of <paramref name="n"/> is significantly more than <paramref name="target"/> (P(X ≥ count) &lt; 1 %).</summary>
    private static void AssertNotAbove(int count, int n, double target, string what)
    {
        var p = UpperTail(count, n, target);
        Assert.True(p >= 0.01, string.Create(CultureInfo.InvariantCulture, $"{count} of {n} {what} ({100.0 * count / n:0.00} %): significantly above {100 * target:0.#} % (p = {p:0.0000})"));
    }

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), summed exactly in log space.</summary>
    private static double UpperTail(int k, int n, double p)
    {
        if (k <= 0)
        {
            return 1;
        }

        double total = 0;
        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var logChoose = 0.0; // log C(n, i), built up from i = 0
        for (var i = 0; i <= n; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            if (i >= k)
            {
                total += Math.Exp(logChoose + (i * logP) + ((n - i) * logQ));
            }
        }

        return Math.Min(1, total);
    }

    private void Print(BenchmarkTally tally)
    {
        output.WriteLine(BenchmarkTally.MarkdownHeader);
        output.WriteLine(tally.ToMarkdownRow());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"oracle threshold {SeriesDetectionBenchmark.OracleThreshold:0.000}"));
    }
}
