using System.Globalization;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// Detector variants compared at matched constraints on the tuning seeds only (docs/series-detection.md, "Variants"): for
/// each, the calibration rule picks its flag level (the smallest on a grid at which every five-seed tuning block meets the
/// targets at every noise level) and the pooled figures at that level are printed. Explicit: minutes per variant.
/// Choose variants with SERIES_VARIANTS=name,name (default: all).
/// </summary>
public sealed class SeriesDetectionResearch(ITestOutputHelper output)
{
    private sealed record Variant(string Name, SeriesDetectionOptions Options, double From, double To, double Step, double KeepBelow);

    private static IEnumerable<Variant> Variants()
    {
        var d = new SeriesDetectionOptions();
        yield return new Variant("default", d, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("whole70", d with { WholeWindowOnsetPrior = 0.7 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("nu30", d with { DispersionPriorWeight = 30 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("weak35", d with { WeakGapFrom = 0.35 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("min4", d with { MinimumPosts = 4 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);

        // Fourth pass (series4): precision or equal weights in the statistic (the gap shown stays impressions-weighted), sign
        // evidence with the mean's Bayes factor, type centres shrunk towards the all-types centre, other impression caps.
        yield return new Variant("equal", d with { StatisticWeights = SeriesStatisticWeights.Equal }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precision", d with { StatisticWeights = SeriesStatisticWeights.Precision }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precisionExpected", d with { StatisticWeights = SeriesStatisticWeights.PrecisionExpected }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precisionImpressions", d with { StatisticWeights = SeriesStatisticWeights.PrecisionTimesImpressions }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("signProduct", d with { SignEvidence = SeriesSignEvidence.Product }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("signLarger", d with { SignEvidence = SeriesSignEvidence.Larger }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("shrinkTypes", d with { ShrinkContentTypeCentres = true }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("cap05", d with { ImpressionCap = 0.5 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("cap2", d with { ImpressionCap = 2 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("offsets182", d with { ContentTypeOffsetsOverHistory = true }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precisionOffsets182", d with { StatisticWeights = SeriesStatisticWeights.Precision, ContentTypeOffsetsOverHistory = true }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precisionNu30", d with { StatisticWeights = SeriesStatisticWeights.Precision, DispersionPriorWeight = 30 }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("equalOffsets182", d with { StatisticWeights = SeriesStatisticWeights.Equal, ContentTypeOffsetsOverHistory = true }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precisionShrinkTypes", d with { StatisticWeights = SeriesStatisticWeights.Precision, ShrinkContentTypeCentres = true }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
        yield return new Variant("precisionSignLarger", d with { StatisticWeights = SeriesStatisticWeights.Precision, SignEvidence = SeriesSignEvidence.Larger }, -2, 20, 0.1, d.FlagStatistic - d.KeepStatistic);
    }

    [Fact(Explicit = true)]
    public void Variants_TuningSeeds_RecallAtMatchedConstraints()
    {
        var only = Environment.GetEnvironmentVariable("SERIES_VARIANTS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var baseline = new SeriesDetector(new SeriesDetectionOptions());
        var seeds = SeriesDetectionBenchmark.TuningBlocks.SelectMany(b => b).ToArray();
        var oracles = new Dictionary<(int Seed, double Sigma), IReadOnlyList<ScoredSeries>>();
        foreach (var sigma in SeriesDetectionBenchmark.NoiseLevels)
        {
            foreach (var (seed, series) in seeds.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(seed => (seed, SeriesDetectionBenchmark.Prepare(baseline, seed, sigma))))
            {
                oracles[(seed, sigma)] = series;
            }
        }

        foreach (var variant in Variants().Where(v => only is null || only.Contains(v.Name)))
        {
            var detector = new SeriesDetector(variant.Options);
            var prepared = SeriesDetectionBenchmark.NoiseLevels.ToDictionary(
                sigma => sigma,
                sigma => SeriesDetectionBenchmark.TuningBlocks.Select(block => block.AsParallel().AsOrdered().WithDegreeOfParallelism(2)
                    .Select(seed => (seed, series: SeriesDetectionBenchmark.Prepare(detector, seed, sigma, SeriesDetectionBenchmark.Replicates, oracles[(seed, sigma)]))).ToList()).ToList());
            double? chosen = null;
            List<BenchmarkTally>? rows = null;
            for (var k = 0; variant.From + (k * variant.Step) <= variant.To + 1e-9; k++)
            {
                var h = Math.Round(variant.From + (k * variant.Step), 3);
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
                            tally.Add(SeriesDetectionBenchmark.Score(series, trace => SeriesDetectionBenchmark.ReplayFlags(trace, h, h - variant.KeepBelow), seed, sigma));
                        }

                        ok &= tally.FalseAlarmsPer100Quarters <= 100 * SeriesDetectionBenchmark.FalseAlarmBudget
                            && (sigma > 0.8 || (tally.Within15FlaggedRate <= 0.01 && tally.Precision >= 0.95));
                        total.Add(tally);
                    }

                    pooled.Add(total);
                }

                if (ok)
                {
                    (chosen, rows) = (h, pooled);
                    break;
                }
            }

            output.WriteLine($"## {variant.Name}: h = {chosen?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
            foreach (var row in rows ?? [])
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{variant.Name} σ {row.NoiseSigma:0.00}: recall {row.Recall:0.000} ({row.Detected}/{row.ScoredPositives}), precision {row.Precision:0.000}, within 15 % {100 * row.Within15FlaggedRate:0.0} %, per 100 quarters {row.FalseAlarmsPer100Quarters:0.00}, delay {row.MedianDelay}"));
            }
        }
    }
    /// <summary>Where the false flags of the default detector come from (tuning seeds): scenario, basis, posts, gap shown.</summary>
    [Fact(Explicit = true)]
    public void FalseFlags_TuningSeeds_WhereTheyComeFrom()
    {
        var detector = new SeriesDetector(new SeriesDetectionOptions());
        foreach (var sigma in new[] { 0.35 })
        {
            var counts = new Dictionary<string, int>();
            foreach (var seed in SeriesDetectionBenchmark.TuningBlocks.SelectMany(b => b))
            {
                foreach (var (planted, trace, _, _, _) in SeriesDetectionBenchmark.Prepare(detector, seed, sigma))
                {
                    var flags = SeriesDetectionBenchmark.DetectorFlags(trace);
                    var first = Array.IndexOf(flags, true);
                    if (first < 0)
                    {
                        continue;
                    }

                    var e = trace[first];
                    var falseFlag = !planted.IsUnderperforming || e.At < planted.OnsetAt!.Value;
                    if (!falseFlag)
                    {
                        continue;
                    }

                    var key = $"{planted.Scenario} basis={e.BaselineBasis} posts={(e.Posts < 6 ? "<6" : e.Posts < 10 ? "6-9" : "10+")} look={(first < 8 ? "<8" : "8+")}";
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"σ {sigma} seed {seed} {planted.Scenario} gap {planted.TrueGap:0.000} look {first}/{trace.Count} posts {e.Posts} shown {e.RelativeGap:0.000} stat {e.Statistic:0.00} basis {e.BaselineBasis} baseline {e.BaselinePosts} below {e.PostsBelowMedian} noises {string.Join(' ', planted.Posts.Where(p => p.At <= e.At).TakeLast(e.Posts).Select(p => p.LogNoise.ToString("0.00", CultureInfo.InvariantCulture) + (p.Viral ? "v" : "")))}"));
                }
            }

            foreach (var (key, n) in counts.OrderByDescending(kv => kv.Value))
            {
                output.WriteLine($"σ {sigma}: {n} × {key}");
            }
        }
    }
}
