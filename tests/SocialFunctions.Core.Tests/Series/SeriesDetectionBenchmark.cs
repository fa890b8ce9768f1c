using System.Globalization;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// The counts of one or more benchmark runs at one noise level (add runs of several seeds together). A positive is
/// "scored" when the oracle's z reaches <see cref="SeriesDetectionBenchmark.OracleDetectableZ"/> at some post; the others
/// are reported apart.
/// </summary>
public sealed class BenchmarkTally
{
    public double NoiseSigma { get; init; }

    public List<int> Seeds { get; } = [];

    public int ScoredPositives { get; set; }

    public int Detected { get; set; }

    public int OracleDetected { get; set; }

    public List<int> Delays { get; } = [];

    public List<int> OracleDelays { get; } = [];

    public int UnscoredPositives { get; set; }

    public int UnscoredFlagged { get; set; }

    /// <summary>Flags after the onset on any positive, scored or not (true alarms, for precision).</summary>
    public int TrueFlags { get; set; }

    /// <summary>Series flagged where nothing was weak: negatives, and positives before their onset.</summary>
    public int FalseFlags { get; set; }

    public int AtBaselineQuarters { get; set; }

    public int AtBaselineQuartersFlagged { get; set; }

    public int Within15Series { get; set; }

    public int Within15Flagged { get; set; }

    /// <summary>Negatives shown at-risk at their last post (the price of "never healthy at −30 % over 6 posts").</summary>
    public int Within15AtRiskAtEnd { get; set; }

    public int Dips { get; set; }

    /// <summary>Scored positives and how many were detected, by the oracle's z: [2.5, 3.5), [3.5, 5), ≥ 5.</summary>
    public int[] ByOracleZ { get; } = new int[3];

    public int[] DetectedByOracleZ { get; } = new int[3];

    /// <summary>The same by true gap: 35–45 %, 45–52 %, 52–60 % below.</summary>
    public int[] ByGap { get; } = new int[3];

    public int[] DetectedByGap { get; } = new int[3];

    public string BreakdownText() => string.Create(
        CultureInfo.InvariantCulture,
        $"σ {NoiseSigma:0.00}: detected by oracle z [2.5, 3.5) {DetectedByOracleZ[0]}/{ByOracleZ[0]}, [3.5, 5) {DetectedByOracleZ[1]}/{ByOracleZ[1]}, ≥ 5 {DetectedByOracleZ[2]}/{ByOracleZ[2]}; by gap 35–45 % {DetectedByGap[0]}/{ByGap[0]}, 45–52 % {DetectedByGap[1]}/{ByGap[1]}, 52–60 % {DetectedByGap[2]}/{ByGap[2]}");

    public int DipsStillFlagged { get; set; }

    /// <summary>Scored positives whose oracle z stays below <see cref="SeriesDetectionBenchmark.OracleThreshold"/>: the oracle misses them too.</summary>
    public int ScoredBelowOracleThreshold { get; set; }

    public int DetectedBelowOracleThreshold { get; set; }

    /// <summary>Every series' oracle figures, for the constrained oracle and the feasibility bound (tuned on the pooled set).</summary>
    public List<OracleSummary> OracleSeries { get; } = [];

    /// <summary>The known-onset oracle tuned to meet the detector's false-alarm constraints on these very series.</summary>
    public ConstrainedOracleResult? ConstrainedOracle => SeriesOracles.Constrained(OracleSeries);

    /// <summary>The genie's best recall under the same constraints (docs/series-detection.md, "What is feasible").</summary>
    public FeasibilityBound Feasibility => SeriesOracles.Bound(OracleSeries);

    public double Precision => TrueFlags + FalseFlags == 0 ? 1 : (double)TrueFlags / (TrueFlags + FalseFlags);

    public double Recall => ScoredPositives == 0 ? 0 : (double)Detected / ScoredPositives;

    public double OracleRecall => ScoredPositives == 0 ? 0 : (double)OracleDetected / ScoredPositives;

    public double RecallVsOracle => OracleRecall == 0 ? 0 : Recall / OracleRecall;

    public double FalseAlarmsPer100Quarters => AtBaselineQuarters == 0 ? 0 : 100.0 * AtBaselineQuartersFlagged / AtBaselineQuarters;

    public double Within15FlaggedRate => Within15Series == 0 ? 0 : (double)Within15Flagged / Within15Series;

    public double MedianDelay => Median(Delays);

    public double OracleMedianDelay => Median(OracleDelays);

    public void Add(BenchmarkTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Seeds.AddRange(other.Seeds);
        ScoredPositives += other.ScoredPositives;
        Detected += other.Detected;
        OracleDetected += other.OracleDetected;
        Delays.AddRange(other.Delays);
        OracleDelays.AddRange(other.OracleDelays);
        UnscoredPositives += other.UnscoredPositives;
        UnscoredFlagged += other.UnscoredFlagged;
        TrueFlags += other.TrueFlags;
        FalseFlags += other.FalseFlags;
        AtBaselineQuarters += other.AtBaselineQuarters;
        AtBaselineQuartersFlagged += other.AtBaselineQuartersFlagged;
        Within15Series += other.Within15Series;
        Within15Flagged += other.Within15Flagged;
        Within15AtRiskAtEnd += other.Within15AtRiskAtEnd;
        Dips += other.Dips;
        DipsStillFlagged += other.DipsStillFlagged;
        ScoredBelowOracleThreshold += other.ScoredBelowOracleThreshold;
        DetectedBelowOracleThreshold += other.DetectedBelowOracleThreshold;
        OracleSeries.AddRange(other.OracleSeries);
        for (var i = 0; i < 3; i++)
        {
            ByOracleZ[i] += other.ByOracleZ[i];
            DetectedByOracleZ[i] += other.DetectedByOracleZ[i];
            ByGap[i] += other.ByGap[i];
            DetectedByGap[i] += other.DetectedByGap[i];
        }
    }

    public const string MarkdownHeader =
        "| noise σ | seeds | precision | recall | oracle recall | recall ÷ oracle | median delay (oracle) | false alarms / 100 at-baseline series-quarters | within 15 % flagged | within 15 % at-risk at end | not oracle-detectable (flagged) | dips still flagged |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    public string ToMarkdownRow() => string.Format(
        CultureInfo.InvariantCulture,
        "| {0:0.00} | {1} | {2:0.000} | {3:0.000} ({4}/{5}) | {6:0.000} | {7:0.000} | {8:0.#} ({9:0.#}) | {10:0.00} ({11}/{12}) | {13:0.0 %} ({14}/{15}) | {16:0.0 %} | {17} ({18}) | {19}/{20} |",
        NoiseSigma, SeedText(), Precision, Recall, Detected, ScoredPositives, OracleRecall, RecallVsOracle, MedianDelay, OracleMedianDelay,
        FalseAlarmsPer100Quarters, AtBaselineQuartersFlagged, AtBaselineQuarters, Within15FlaggedRate, Within15Flagged, Within15Series,
        Within15Series == 0 ? 0 : (double)Within15AtRiskAtEnd / Within15Series, UnscoredPositives, UnscoredFlagged, DipsStillFlagged, Dips);

    public const string OracleHeader =
        "| noise σ | seeds | recall | issue's oracle | recall ÷ it | constrained oracle (δ, h) | its precision / within 15 % / per 100 quarters | recall ÷ it | scored at oracle z 2.5–2.93 (detected) | genie, 90 days, onset unknown | genie, 90 days, onset known | bound: genie, every post (gated) | binds |\n" +
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

    /// <summary>The detector against both oracles and the genies, on the same series.</summary>
    public string ToOracleRow()
    {
        var constrained = ConstrainedOracle;
        var bound = Feasibility;
        var unknown = SeriesOracles.Tune(OracleSeries, s => s.GenieUnknownOnset, -2, 40, 0.02);
        var known = SeriesOracles.Tune(OracleSeries, s => s.GenieKnownOnset, -2, 40, 0.02);
        var c = constrained?.Test;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {NoiseSigma:0.00} | {SeedText()} | {Recall:0.000} | {OracleRecall:0.000} | {RecallVsOracle:0.000} | ") + (c is null
            ? "none meets the constraints | | | "
            : string.Create(CultureInfo.InvariantCulture, $"{c.Recall:0.000} (δ {constrained!.Margin:0.00}, h {c.Threshold:0.00}) | {c.Precision:0.000} / {100.0 * c.Within15Flagged / c.Within15Series:0.0} % / {100.0 * c.AtBaselineQuartersFlagged / c.AtBaselineQuarters:0.00} | {(c.Recall == 0 ? 0 : Recall / c.Recall):0.000} | ")) +
            string.Create(CultureInfo.InvariantCulture, $"{ScoredBelowOracleThreshold} ({DetectedBelowOracleThreshold}) | {unknown?.Recall:0.000} | {known?.Recall:0.000} | {bound.Recall:0.000} ({bound.RecallGated:0.000}) | {bound.Binding} |");
    }

    /// <summary>The seeds as runs: "101–105, 201–205".</summary>
    private string SeedText()
    {
        var runs = new List<string>();
        var sorted = Seeds.Order().ToArray();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            runs.Add(j == i ? sorted[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}–{sorted[j]}"));
            i = j + 1;
        }

        return string.Join(", ", runs);
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2.0;
    }
}

/// <summary>One planted series with the detector's replay and the oracles' results on it.</summary>
public sealed record ScoredSeries(PlantedSeries Planted, IReadOnlyList<SeriesEvaluation> Trace, double OracleMaxZ, DateTimeOffset? OracleFlagAt, OracleSummary Oracles);

/// <summary>
/// Scores the detector on planted series against an oracle. Per series the detector is replayed post by post over the 26
/// scored weeks (two quarters). A positive counts as detected when it is first underperforming at or after its onset
/// (delay = posts from the onset post to the flag; flagged at the onset post = 0); underperforming before the onset, or on
/// any series within 15 % of baseline, is a false alarm. False alarms per 100 series-quarters count the quarters in which an
/// at-baseline series (gap exactly 0) was underperforming at any post.
/// </summary>
/// <remarks>
/// The oracle (<see cref="Oracle"/>) is a likelihood-ratio test that knows each positive's true onset and σ. Positives whose
/// largest oracle z stays below <see cref="OracleDetectableZ"/> are not scored (reported apart). The oracle flags at
/// z ≥ <see cref="OracleThreshold"/>, the level at which it would flag 1 % of at-baseline series-quarters — the detector's
/// whole false-alarm budget, whatever the detector actually spent — so "recall ÷ oracle" never flatters the detector.
/// </remarks>
public static class SeriesDetectionBenchmark
{
    /// <summary>
    /// Seeds the thresholds were chosen on, in blocks of five (docs/series-detection.md). Never assert on these. Each block
    /// was once the asserting set: a calibration on 101–105 failed on 201–205 (precision 0.91 at σ 0.6); one on 101–105 and
    /// 201–205 with margins failed on 301–305 (precision 0.937 at σ 0.6); the rule now asks every block to meet the targets.
    /// </summary>
    public static readonly int[][] TuningBlocks = [[101, 102, 103, 104, 105], [201, 202, 203, 204, 205], [301, 302, 303, 304, 305]];

    /// <summary>
    /// Seeds the tests assert on; they were not looked at while choosing the thresholds. Fresh for the second pass (the
    /// mixture statistic): 401–405, the first pass's asserting seeds, were run by the suite while it was developed.
    /// </summary>
    public static readonly int[] AssertingSeeds = [501, 502, 503, 504, 505];

    /// <summary>The first pass's asserting seeds, still printed in the full table (docs/series-detection.md), no longer asserted.</summary>
    public static readonly int[] FirstPassAssertingSeeds = [401, 402, 403, 404, 405];

    public static readonly double[] NoiseLevels = [0.35, 0.6, 0.9];

    public const int Replicates = 40;

    /// <summary>Positives the oracle cannot bring to this z are not detectable on this data: reported apart.</summary>
    public const double OracleDetectableZ = 2.5;

    /// <summary>The oracle caps a post's residual at this many (known) standard deviations above its reference.</summary>
    public const double OracleCapSigmas = 2.0;

    /// <summary>The share of at-baseline series-quarters a detector may flag.</summary>
    public const double FalseAlarmBudget = 0.01;

    private static readonly TimeSpan Quarter = TimeSpan.FromDays(7 * SyntheticSeriesGenerator.Weeks / 2);

    private static readonly Lazy<double> Threshold = new(() => CalibrateOracle(FalseAlarmBudget, looks: 13, paths: 400_000));

    /// <summary>The oracle's flag level: 1 % of at-baseline series-quarters (13 weekly looks at a known onset) reach it.</summary>
    public static double OracleThreshold => Threshold.Value;

    /// <summary>
    /// Generates one seed's channels and replays the detector and the oracle on every planted series (the oracle from a
    /// positive's true onset, and from a pseudo-onset on the others for the constrained oracle).
    /// </summary>
    public static IReadOnlyList<ScoredSeries> Prepare(SeriesDetector detector, int seed, double noiseSigma, int replicates = Replicates) =>
        Prepare(detector, seed, noiseSigma, replicates, oracles: null);

    /// <summary>
    /// The same, reusing the oracles' results of an earlier <see cref="Prepare(SeriesDetector, int, double, int)"/> on the same
    /// seed (the generator is deterministic; only the detector's replays are new): how detector variants are compared.
    /// </summary>
    public static IReadOnlyList<ScoredSeries> Prepare(SeriesDetector detector, int seed, double noiseSigma, int replicates, IReadOnlyList<ScoredSeries>? oracles)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var (posts, truth) = new SyntheticSeriesGenerator(seed, noiseSigma).Generate(replicates);
        var byChannel = posts.GroupBy(p => p.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<CanonicalPost>)[.. g], StringComparer.Ordinal);
        var pseudo = new Random(seed);
        var onsets = truth.Select(planted => SeriesOracles.OnsetOf(planted, pseudo)).ToArray();
        return [.. truth.Select((planted, i) =>
        {
            var channel = byChannel[planted.Channel];
            var trace = detector.Trace(channel, planted.Series, SyntheticSeriesGenerator.AsOf);
            if (oracles is not null)
            {
                return oracles[i] with { Planted = planted, Trace = trace };
            }

            var looks = onsets[i].At is { } onset ? SeriesOracles.Looks(planted.Series, channel, noiseSigma, onset) : [];
            var (maxZ, flagAt) = planted.IsUnderperforming ? FirstFlag(looks, OracleThreshold) : (double.NaN, null);
            var summary = SeriesOracles.Summarise(planted, onsets[i], looks, noiseSigma);
            return new ScoredSeries(planted, trace, maxZ, flagAt, summary);
        })];
    }

    /// <summary>The detector's figures on one seed.</summary>
    public static BenchmarkTally Run(SeriesDetector detector, int seed, double noiseSigma, int replicates = Replicates) =>
        Score(Prepare(detector, seed, noiseSigma, replicates), DetectorFlags, seed, noiseSigma);

    /// <summary>Runs every seed at one noise level and adds the tallies.</summary>
    public static BenchmarkTally RunSeeds(SeriesDetector detector, IEnumerable<int> seeds, double noiseSigma, int replicates = Replicates)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var total = new BenchmarkTally { NoiseSigma = noiseSigma };
        foreach (var tally in seeds.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(seed => Run(detector, seed, noiseSigma, replicates)))
        {
            total.Add(tally);
        }

        return total;
    }

    /// <summary>The detector's underperforming rule replayed over a trace's statistics with another flag (and keep) level.</summary>
    public static bool[] ReplayFlags(IReadOnlyList<SeriesEvaluation> trace, double flag, double keep)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var flags = new bool[trace.Count];
        var previous = false;
        for (var i = 0; i < trace.Count; i++)
        {
            previous = trace[i].Statistic is { } t && (t >= flag || (previous && t >= keep));
            flags[i] = previous;
        }

        return flags;
    }

    /// <summary>Where the detector itself said underperforming.</summary>
    public static bool[] DetectorFlags(IReadOnlyList<SeriesEvaluation> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return [.. trace.Select(e => e.Status == SeriesStatus.Underperforming)];
    }

    /// <summary>
    /// Scores prepared series; <paramref name="flags"/> says at which posts of a trace the series counts as underperforming
    /// (the detector's own statuses, or a candidate threshold replayed over the trace's statistics during calibration).
    /// </summary>
    public static BenchmarkTally Score(IEnumerable<ScoredSeries> series, Func<IReadOnlyList<SeriesEvaluation>, bool[]> flags, int seed, double noiseSigma)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(flags);
        var tally = new BenchmarkTally { NoiseSigma = noiseSigma };
        tally.Seeds.Add(seed);
        foreach (var (planted, trace, oracleZ, oracleFlagAt, oracles) in series)
        {
            tally.OracleSeries.Add(oracles);
            var flagged = flags(trace);
            var first = Array.IndexOf(flagged, true);
            var firstFlag = first < 0 ? null : trace[first];
            if (planted.IsUnderperforming)
            {
                ScorePositive(tally, planted, trace, flagged, firstFlag, oracleZ, oracleFlagAt);
                continue;
            }

            tally.Within15Series++;
            tally.Within15Flagged += firstFlag is null ? 0 : 1;
            tally.FalseFlags += firstFlag is null ? 0 : 1;
            tally.Within15AtRiskAtEnd += trace.Count > 0 && trace[^1].Status == SeriesStatus.AtRisk ? 1 : 0;
            if (planted.Scenario != SeriesScenario.AtBaseline)
            {
                continue;
            }

            for (var q = 0; q < 2; q++)
            {
                var from = SyntheticSeriesGenerator.Start + (q * Quarter);
                var to = from + Quarter;
                var inQuarter = Enumerable.Range(0, trace.Count).Where(i => trace[i].At >= from && trace[i].At < to).ToArray();
                if (inQuarter.Length == 0)
                {
                    continue;
                }

                tally.AtBaselineQuarters++;
                tally.AtBaselineQuartersFlagged += inQuarter.Any(i => flagged[i]) ? 1 : 0;
            }
        }

        return tally;
    }

    private static void ScorePositive(BenchmarkTally tally, PlantedSeries planted, IReadOnlyList<SeriesEvaluation> trace, bool[] flagged, SeriesEvaluation? firstFlag, double oracleZ, DateTimeOffset? oracleFlagAt)
    {
        var onset = planted.OnsetAt!.Value;
        var falseBeforeOnset = firstFlag is not null && firstFlag.At < onset;
        var detected = firstFlag is not null && !falseBeforeOnset;
        tally.FalseFlags += falseBeforeOnset ? 1 : 0;
        tally.TrueFlags += detected ? 1 : 0;
        if (planted.Scenario == SeriesScenario.DipThenRecovery)
        {
            tally.Dips++;
            tally.DipsStillFlagged += flagged.Length > 0 && flagged[^1] ? 1 : 0;
        }

        if (oracleZ < OracleDetectableZ)
        {
            tally.UnscoredPositives++;
            tally.UnscoredFlagged += detected ? 1 : 0;
            return;
        }

        tally.ScoredPositives++;
        var zBand = oracleZ < 3.5 ? 0 : oracleZ < 5 ? 1 : 2;
        var gapBand = planted.TrueGap > -0.45 ? 0 : planted.TrueGap > -0.52 ? 1 : 2;
        tally.ByOracleZ[zBand]++;
        tally.ByGap[gapBand]++;
        tally.DetectedByOracleZ[zBand] += detected ? 1 : 0;
        tally.DetectedByGap[gapBand] += detected ? 1 : 0;
        if (oracleZ < OracleThreshold)
        {
            tally.ScoredBelowOracleThreshold++;
            tally.DetectedBelowOracleThreshold += detected ? 1 : 0;
        }
        if (detected)
        {
            tally.Detected++;
            tally.Delays.Add(planted.Posts.Count(p => p.At >= onset && p.At < firstFlag!.At));
        }

        if (oracleFlagAt is { } at)
        {
            tally.OracleDetected++;
            tally.OracleDelays.Add(planted.Posts.Count(p => p.At >= onset && p.At < at));
        }
    }

    /// <summary>
    /// The oracle's largest z over the series' posts since the onset, and when it first reached <paramref name="threshold"/>:
    /// a likelihood-ratio test that knows the onset and σ (nothing else); see <see cref="SeriesOracles.Looks"/>.
    /// </summary>
    public static (double MaxZ, DateTimeOffset? FlagAt) Oracle(PlantedSeries planted, IReadOnlyList<CanonicalPost> channelPosts, double sigma, double threshold)
    {
        ArgumentNullException.ThrowIfNull(planted);
        var onset = planted.OnsetAt ?? throw new ArgumentException("The oracle needs an onset.", nameof(planted));
        return FirstFlag(SeriesOracles.Looks(planted.Series, channelPosts, sigma, onset), threshold);
    }

    private static (double MaxZ, DateTimeOffset? FlagAt) FirstFlag(IReadOnlyList<OracleLook> looks, double threshold)
    {
        var maxZ = double.NegativeInfinity;
        DateTimeOffset? flagAt = null;
        foreach (var look in looks)
        {
            var z = look.Z(0);
            maxZ = Math.Max(maxZ, z);
            flagAt ??= z >= threshold ? look.At : null;
        }

        return (maxZ, flagAt);
    }

    /// <summary>
    /// The level h with P(max over n ≤ <paramref name="looks"/> of S_n/√n ≥ h) = <paramref name="alpha"/> for a standard
    /// Gaussian random walk: the known-onset oracle's flag rate on a series at baseline over a quarter of weekly posts.
    /// Monte Carlo with a fixed seed, so the figure is reproducible.
    /// </summary>
    public static double CalibrateOracle(double alpha, int looks, int paths)
    {
        var random = new Random(12345);
        var maxima = new double[paths];
        for (var p = 0; p < paths; p++)
        {
            double sum = 0, max = double.NegativeInfinity;
            for (var n = 1; n <= looks; n++)
            {
                var u1 = 1.0 - random.NextDouble();
                var u2 = random.NextDouble();
                sum += Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                max = Math.Max(max, sum / Math.Sqrt(n));
            }

            maxima[p] = max;
        }

        Array.Sort(maxima);
        return maxima[(int)Math.Ceiling((1 - alpha) * paths) - 1];
    }
}
