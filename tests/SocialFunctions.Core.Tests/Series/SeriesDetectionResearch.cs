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
        var keep = d.FlagStatistic - d.KeepStatistic;
        yield return new Variant("default", d, -2, 20, 0.1, keep);

        // Until the fourth pass the statistic weighed posts by capped impressions: the earlier variants are measured against it.
        var i = d with { StatisticWeights = SeriesStatisticWeights.Impressions };
        yield return new Variant("impressions", i, -2, 20, 0.1, keep);
        yield return new Variant("whole70", i with { WholeWindowOnsetPrior = 0.7 }, -2, 20, 0.1, keep);
        yield return new Variant("nu30", i with { DispersionPriorWeight = 30 }, -2, 20, 0.1, keep);
        yield return new Variant("weak35", i with { WeakGapFrom = 0.35 }, -2, 20, 0.1, keep);
        yield return new Variant("min4", i with { MinimumPosts = 4 }, -2, 20, 0.1, keep);

        // Fourth pass (series4): precision or equal weights in the statistic (the gap shown stays impressions-weighted), sign
        // evidence with the mean's Bayes factor, type centres shrunk towards all types or offset over the history, other
        // impression caps — each against impressions weights, and a few with precision weights (the fourth pass's default).
        yield return new Variant("equal", i with { StatisticWeights = SeriesStatisticWeights.Equal }, -2, 20, 0.1, keep);
        yield return new Variant("precision", i with { StatisticWeights = SeriesStatisticWeights.Precision }, -2, 20, 0.1, keep);
        yield return new Variant("precisionExpected", i with { StatisticWeights = SeriesStatisticWeights.PrecisionExpected }, -2, 20, 0.1, keep);
        yield return new Variant("precisionImpressions", i with { StatisticWeights = SeriesStatisticWeights.PrecisionTimesImpressions }, -2, 20, 0.1, keep);
        yield return new Variant("signProduct", i with { SignEvidence = SeriesSignEvidence.Product }, -2, 20, 0.1, keep);
        yield return new Variant("signLarger", i with { SignEvidence = SeriesSignEvidence.Larger }, -2, 20, 0.1, keep);
        yield return new Variant("shrinkTypes", i with { ShrinkContentTypeCentres = true }, -2, 20, 0.1, keep);
        yield return new Variant("cap05", i with { ImpressionCap = 0.5 }, -2, 20, 0.1, keep);
        yield return new Variant("cap2", i with { ImpressionCap = 2 }, -2, 20, 0.1, keep);
        yield return new Variant("offsets182", i with { ContentTypeOffsetsOverHistory = true }, -2, 20, 0.1, keep);
        var p = i with { StatisticWeights = SeriesStatisticWeights.Precision };
        yield return new Variant("precisionOffsets182", p with { ContentTypeOffsetsOverHistory = true }, -2, 20, 0.1, keep);
        yield return new Variant("precisionNu30", p with { DispersionPriorWeight = 30 }, -2, 20, 0.1, keep);
        yield return new Variant("equalOffsets182", i with { StatisticWeights = SeriesStatisticWeights.Equal, ContentTypeOffsetsOverHistory = true }, -2, 20, 0.1, keep);
        yield return new Variant("precisionShrinkTypes", p with { ShrinkContentTypeCentres = true }, -2, 20, 0.1, keep);
        yield return new Variant("precisionSignLarger", p with { SignEvidence = SeriesSignEvidence.Larger }, -2, 20, 0.1, keep);
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
