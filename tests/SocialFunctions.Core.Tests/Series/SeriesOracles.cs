using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// Where a known-onset test starts on a series: a positive's true first weak post (and, for a dip, its first recovered
/// post), or, for a series that never turned weak, a <em>pseudo</em>-onset drawn from the positives' onset distribution, so
/// that knowing "the onset" tells nothing about whether a series is weak.
/// </summary>
public readonly record struct KnownOnset(DateTimeOffset? At, DateTimeOffset? End, bool Pseudo);

/// <summary>
/// One look of the known-onset oracle, at a post of the series since the onset: the sum of the capped residuals of its posts
/// since the onset (within the 90-day window), how many, and the variance of that sum.
/// </summary>
public readonly record struct OracleLook(DateTimeOffset At, double SumResidual, int Posts, double Variance)
{
    /// <summary>The evidence, in standard errors, that the series has been more than <paramref name="margin"/> below since the onset.</summary>
    public double Z(double margin) => ((Posts * Math.Log(1 - margin)) - SumResidual) / Math.Sqrt(Variance);
}

/// <summary>
/// A sequential test's largest statistic on one series: over its looks before the onset (a flag there is false), after it
/// (for a series that never turned weak: every look), and per quarter (NaN when the series did not post in it).
/// </summary>
public readonly record struct SequentialSummary(double Before, double After, double Quarter0, double Quarter1)
{
    public static SequentialSummary Of(IEnumerable<(DateTimeOffset At, double Statistic)> looks, DateTimeOffset? onset, IReadOnlyList<PlantedPost> posts)
    {
        ArgumentNullException.ThrowIfNull(looks);
        ArgumentNullException.ThrowIfNull(posts);
        double before = double.NegativeInfinity, after = double.NegativeInfinity;
        var quarters = new double[2];
        for (var q = 0; q < 2; q++)
        {
            var (from, to) = SeriesOracles.QuarterBounds(q);
            quarters[q] = posts.Any(p => p.At >= from && p.At < to) ? double.NegativeInfinity : double.NaN;
        }

        foreach (var (at, statistic) in looks)
        {
            if (onset is { } o && at < o)
            {
                before = Math.Max(before, statistic);
            }
            else
            {
                after = Math.Max(after, statistic);
            }

            for (var q = 0; q < 2; q++)
            {
                var (from, to) = SeriesOracles.QuarterBounds(q);
                if (at >= from && at < to && !double.IsNaN(quarters[q]))
                {
                    quarters[q] = Math.Max(quarters[q], statistic);
                }
            }
        }

        return new SequentialSummary(before, after, quarters[0], quarters[1]);
    }
}

/// <summary>A sequential test tuned to the detector's false-alarm constraints on the same series: its level and its counts there.</summary>
public sealed record TunedTest(double Threshold, int Detected, int Scored, double Precision, int Within15Flagged, int Within15Series, int AtBaselineQuartersFlagged, int AtBaselineQuarters)
{
    public double Recall => Scored == 0 ? 0 : (double)Detected / Scored;
}

/// <summary>What the oracles need of one planted series, kept after its seed's run (small, so many seeds can be pooled).</summary>
public sealed class OracleSummary
{
    public required SeriesScenario Scenario { get; init; }

    /// <summary>True for a series that turned weak (35–60 % below) at some post.</summary>
    public required bool Positive { get; init; }

    /// <summary>A positive the oracle brings to z ≥ 2.5 (the scored ones).</summary>
    public required bool Scored { get; init; }

    /// <summary>The oracle (margin 0) reaches z ≥ 2.5 from the series' known or pseudo onset (= <see cref="Scored"/> for positives).</summary>
    public required bool Gate { get; init; }

    /// <summary>The known-onset oracle's largest z, per margin of <see cref="SeriesOracles.Margins"/> (−∞ without a look).</summary>
    public required SequentialSummary[] OracleByMargin { get; init; }

    /// <summary>The genie judging, at every post, the 90-day window with the onset known (<see cref="SeriesOracles.GenieWindowed"/>).</summary>
    public required SequentialSummary GenieKnownOnset { get; init; }

    /// <summary>The same genie without the onset: a Bayes mixture over every onset in the window.</summary>
    public required SequentialSummary GenieUnknownOnset { get; init; }

    /// <summary>The genie's log-likelihood ratio "weak since the onset" against "within 15 % throughout" (<see cref="SeriesOracles.GenieLogLikelihoodRatio"/>).</summary>
    public required double GenieLlr { get; init; }

    public bool AtBaseline => Scenario == SeriesScenario.AtBaseline;
}

/// <summary>The constrained oracle: the known-onset oracle at the margin δ (z against "more than δ below") that serves it best, tuned like any <see cref="TunedTest"/>.</summary>
public sealed record ConstrainedOracleResult(double Margin, TunedTest Test)
{
    public double Recall => Test.Recall;
}

/// <summary>
/// The best recall a genie reaches under the false-alarm constraints (docs/series-detection.md, "What is feasible"):
/// <c>Recall</c>, the scored positives flagged by the likelihood-ratio ranking cut where the constraints allow;
/// <c>RecallGated</c>, the same when the genie may also skip every series the oracle cannot bring to z 2.5 (at least
/// the first); the series within 15 % it flags there; <c>RecallWithin15Only</c> under that one constraint; <c>Binding</c>,
/// the constraint that stops it going deeper.
/// </summary>
public sealed record FeasibilityBound(double Recall, double RecallGated, int Detected, int Scored, int NegativesFlagged, int Within15Series, double Precision, double RecallWithin15Only, string Binding);

/// <summary>
/// The oracles of the quality benchmark beyond the issue's: the known-onset oracle's looks (for positives from their true
/// onset, for the others from a pseudo-onset), the constrained oracle tuned to the detector's false-alarm constraints, and the
/// genie behind the feasibility bound.
/// </summary>
public static class SeriesOracles
{
    /// <summary>The margins the constrained oracle may choose from.</summary>
    public static readonly double[] Margins = [0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30];

    /// <summary>The gap of a series that turned weak: uniform in [−60 %, −35 %] (the generator's prior).</summary>
    private const double WeakFrom = -0.60, WeakTo = -0.35;

    private static readonly TimeSpan Quarter = TimeSpan.FromDays(7 * SyntheticSeriesGenerator.Weeks / 2);

    /// <summary>
    /// The known onset of a positive, or for any other series a pseudo-onset drawn as a positive's would be: a third at the
    /// start of the scored weeks (a new weak series), a third uniform in days 14–140 (a late decline), a third uniform in days
    /// 14–98 with recovery 56 days later (a dip); the onset is the series' first post at or after it.
    /// </summary>
    public static KnownOnset OnsetOf(PlantedSeries planted, Random random)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(random);
        if (planted.IsUnderperforming)
        {
            return new KnownOnset(planted.OnsetAt, planted.RecoveryAt, Pseudo: false);
        }

        var start = SyntheticSeriesGenerator.Start;
        var kind = random.Next(3);
        var at = kind switch
        {
            0 => start,
            1 => start.AddDays(14 + (126 * random.NextDouble())),
            _ => start.AddDays(14 + (84 * random.NextDouble())),
        };
        var first = planted.Posts.FirstOrDefault(p => p.At >= at)?.At;
        var end = kind == 2 ? planted.Posts.FirstOrDefault(p => p.At >= at.AddDays(56))?.At : null;
        return new KnownOnset(first, end, Pseudo: true);
    }

    /// <summary>
    /// The known-onset oracle's looks: at every post of the series since <paramref name="onset"/>, each post of the series
    /// since then (within the 90-day window) is compared with the mean log ER of the channel's other posts of its content type
    /// in the window (all types when there are fewer than 3), its residual capped at 2σ above; the variance of the sum is
    /// Σ (σ² + 1/λ) + Σ_type m² σ² / n (the posts' own noise, Poisson, and the references' sampling error).
    /// </summary>
    public static IReadOnlyList<OracleLook> Looks(string series, IReadOnlyList<CanonicalPost> channelPosts, double sigma, DateTimeOffset onset)
    {
        ArgumentNullException.ThrowIfNull(channelPosts);
        var others = channelPosts.Where(p => p.Series != series).Select(Rated).OrderBy(p => p.At).ToArray();
        var own = channelPosts.Where(p => p.Series == series).Select(Rated).OrderBy(p => p.At).ToArray();
        var capped = SeriesDetectionBenchmark.OracleCapSigmas * sigma;
        var looks = new List<OracleLook>();
        var references = new Dictionary<string, (double Sum, int Count)>(StringComparer.Ordinal);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var look in own.Where(p => p.At >= onset))
        {
            var from = look.At.AddDays(-90);
            references.Clear();
            double allSum = 0;
            var allCount = 0;
            foreach (var other in others)
            {
                if (other.At > from && other.At <= look.At)
                {
                    var (sum, count) = references.GetValueOrDefault(other.Type);
                    references[other.Type] = (sum + other.LogRate, count + 1);
                    allSum += other.LogRate;
                    allCount++;
                }
            }

            if (allCount == 0)
            {
                continue;
            }

            used.Clear();
            double residuals = 0, variance = 0;
            var posts = 0;
            foreach (var post in own)
            {
                if (post.At < onset || post.At <= from || post.At > look.At)
                {
                    continue;
                }

                var reference = references.GetValueOrDefault(post.Type);
                var key = reference.Count >= 3 ? post.Type : "";
                var centre = reference.Count >= 3 ? reference.Sum / reference.Count : allSum / allCount;
                residuals += Math.Min(post.LogRate - centre, capped);
                variance += (sigma * sigma) + (1 / (post.Impressions * Math.Exp(centre)));
                used[key] = used.GetValueOrDefault(key) + 1;
                posts++;
            }

            foreach (var (key, m) in used)
            {
                var count = key.Length == 0 ? allCount : references[key].Count;
                variance += (double)m * m * sigma * sigma / count;
            }

            looks.Add(new OracleLook(look.At, residuals, posts, variance));
        }

        return looks;

        static (DateTimeOffset At, string Type, double LogRate, double Impressions) Rated(CanonicalPost p) =>
            (p.PublishedAt, p.ContentType, Math.Log(Math.Max(p.Reactions ?? 0, 0.5) / p.Impressions!.Value), p.Impressions.Value);
    }

    /// <summary>The start and end of scored quarter <paramref name="q"/> (0 or 1).</summary>
    public static (DateTimeOffset From, DateTimeOffset To) QuarterBounds(int q)
    {
        var from = SyntheticSeriesGenerator.Start + (q * Quarter);
        return (from, from + Quarter);
    }

    /// <summary>What the oracles keep of one series: the known-onset oracle per margin, the genies.</summary>
    public static OracleSummary Summarise(PlantedSeries planted, KnownOnset onset, IReadOnlyList<OracleLook> looks, double sigma)
    {
        ArgumentNullException.ThrowIfNull(planted);
        ArgumentNullException.ThrowIfNull(looks);
        var byMargin = Margins.Select(m => SequentialSummary.Of(looks.Select(l => (l.At, l.Z(m))), null, planted.Posts)).ToArray();
        var gate = byMargin[0].After >= SeriesDetectionBenchmark.OracleDetectableZ;
        return new OracleSummary
        {
            Scenario = planted.Scenario,
            Positive = planted.IsUnderperforming,
            Scored = planted.IsUnderperforming && gate,
            Gate = gate,
            OracleByMargin = byMargin,
            GenieLlr = GenieLogLikelihoodRatio(planted, onset, sigma),
            GenieKnownOnset = SequentialSummary.Of(GenieWindowed(planted, onset, sigma, knownOnset: true), planted.OnsetAt, planted.Posts),
            GenieUnknownOnset = SequentialSummary.Of(GenieWindowed(planted, onset, sigma, knownOnset: false), planted.OnsetAt, planted.Posts),
        };
    }

    /// <summary>
    /// Tunes a sequential test on the very series it is scored on: the smallest level (on a grid) at which it meets the
    /// constraints the detector is held to — ≤ 1 % of at-baseline series-quarters flagged, ≤ 1 % of the series within 15 %
    /// flagged, precision ≥ 0.95 (a flag before a positive's onset is false, as for the detector). Null when no level does.
    /// </summary>
    public static TunedTest? Tune(IReadOnlyList<OracleSummary> series, Func<OracleSummary, SequentialSummary> test, double from, double to, double step)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(test);
        var within15 = series.Count(s => !s.Positive);
        var scored = series.Count(s => s.Scored);
        var summaries = series.Select(test).ToArray();
        var quarters = series.Select((s, i) => s.AtBaseline ? (double.IsNaN(summaries[i].Quarter0) ? 0 : 1) + (double.IsNaN(summaries[i].Quarter1) ? 0 : 1) : 0).Sum();
        for (var k = 0; from + (k * step) <= to; k++)
        {
            var h = from + (k * step);
            int detected = 0, truePositives = 0, early = 0, within15Flagged = 0, quartersFlagged = 0;
            for (var i = 0; i < series.Count; i++)
            {
                var s = series[i];
                var t = summaries[i];
                if (s.Positive)
                {
                    var before = t.Before >= h;
                    var flagged = !before && t.After >= h;
                    early += before ? 1 : 0;
                    truePositives += flagged ? 1 : 0;
                    detected += flagged && s.Scored ? 1 : 0;
                    continue;
                }

                within15Flagged += t.After >= h ? 1 : 0;
                if (s.AtBaseline)
                {
                    quartersFlagged += (t.Quarter0 >= h ? 1 : 0) + (t.Quarter1 >= h ? 1 : 0);
                }
            }

            var falsePositives = within15Flagged + early;
            var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
            if (within15Flagged <= 0.01 * within15 && quartersFlagged <= SeriesDetectionBenchmark.FalseAlarmBudget * quarters && precision >= 0.95)
            {
                return new TunedTest(Math.Round(h, 3), detected, scored, precision, within15Flagged, within15, quartersFlagged, quarters);
            }
        }

        return null;
    }

    /// <summary>
    /// The constrained oracle: the known-onset oracle (true onset for positives, pseudo-onset for the others, σ known) at the
    /// margin δ and flag level that give it the highest recall while it meets, on the very series it is scored on, the
    /// constraints the detector is held to (<see cref="Tune"/>). Null when no level meets them.
    /// </summary>
    public static ConstrainedOracleResult? Constrained(IReadOnlyList<OracleSummary> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        ConstrainedOracleResult? best = null;
        for (var m = 0; m < Margins.Length; m++)
        {
            var margin = m;
            if (Tune(series, s => s.OracleByMargin[margin], 1.0, 12.0, 0.01) is { } tuned && (best is null || tuned.Detected > best.Test.Detected))
            {
                best = new ConstrainedOracleResult(Margins[m], tuned);
            }
        }

        return best;
    }

    /// <summary>
    /// The genie's log-likelihood ratio at every post of the scored weeks, over the series' posts in the 90-day window ending
    /// at it: "weak since the onset" (the known one; or, <paramref name="knownOnset"/> false, any post of the window, with
    /// equal prior) against the benchmark's "within 15 %" mixture. Same knowledge and priors as <see cref="GenieLogLikelihoodRatio"/>.
    /// </summary>
    public static IEnumerable<(DateTimeOffset At, double Statistic)> GenieWindowed(PlantedSeries planted, KnownOnset onset, double sigma, bool knownOnset)
    {
        ArgumentNullException.ThrowIfNull(planted);
        var posts = planted.Posts;
        var y = posts.Select(p => Math.Log(1 + p.Gap) + p.LogNoise).ToArray();
        var variance = sigma * sigma;
        var from = 0;
        for (var i = 0; i < posts.Count; i++)
        {
            var at = posts[i].At;
            while (posts[from].At <= at.AddDays(-90))
            {
                from++;
            }

            if (at < SyntheticSeriesGenerator.Start)
            {
                continue;
            }

            double all = 0;
            for (var j = from; j <= i; j++)
            {
                all += y[j];
            }

            var baseline = AtBaselineLogLikelihood(all, i - from + 1, variance);
            if (knownOnset)
            {
                double weak = 0;
                var n = 0;
                for (var j = from; j <= i; j++)
                {
                    if (onset.At is { } o && posts[j].At >= o && (onset.End is not { } e || posts[j].At < e))
                    {
                        weak += y[j];
                        n++;
                    }
                }

                yield return (at, WeakLogLikelihood(weak, n, variance) - baseline);
                continue;
            }

            var suffixes = new double[i - from + 1];
            double suffix = 0;
            for (var k = i; k >= from; k--)
            {
                suffix += y[k];
                suffixes[i - k] = WeakLogLikelihood(suffix, i - k + 1, variance);
            }

            yield return (at, LogSumExp(suffixes) - Math.Log(suffixes.Length) - baseline);
        }
    }

    /// <summary>
    /// The genie's log-likelihood ratio for one series. The genie knows everything but the series' gap: the channel's true
    /// level per content type, σ, which posts went viral and by how much, each post's ER before the Poisson draw, and the
    /// onset (a positive's true one; for any other series a pseudo-onset from the same distribution, which tells nothing).
    /// So it sees y = log(1 + gap) + σZ for every post of the series, warm-up included, with no baseline to estimate. It weighs
    /// "35–60 % below (uniform) from the onset to the end of the weak period, at baseline otherwise" against "a constant gap
    /// as the benchmark's other series have": 0 (8 in 11), uniform in [−5 %, +10 %], [−15 %, −5 %] or [−5 %, +5 %] (1 in 11
    /// each). It ignores when a series started and how often it posts (in this generator a series that starts with the scored
    /// weeks is always weak: a detector must not learn that).
    /// </summary>
    public static double GenieLogLikelihoodRatio(PlantedSeries planted, KnownOnset onset, double sigma)
    {
        ArgumentNullException.ThrowIfNull(planted);
        double weakSum = 0, allSum = 0;
        int weakPosts = 0, allPosts = 0;
        foreach (var post in planted.Posts)
        {
            var y = Math.Log(1 + post.Gap) + post.LogNoise;
            allSum += y;
            allPosts++;
            if (onset.At is { } at && post.At >= at && (onset.End is not { } end || post.At < end))
            {
                weakSum += y;
                weakPosts++;
            }
        }

        var variance = sigma * sigma;
        return WeakLogLikelihood(weakSum, weakPosts, variance) - AtBaselineLogLikelihood(allSum, allPosts, variance);
    }

    /// <summary>
    /// The feasibility bound (Neyman–Pearson): rank every series by the genie's likelihood ratio and flag from the top down
    /// as far as the constraints allow — ≤ 1 % of the series within 15 % flagged, precision ≥ 0.95, ≤ 1 % of at-baseline
    /// series-quarters (a flagged at-baseline series counted as one quarter). For the rate it tests (the share of negatives
    /// flagged) no test on the same information does better, and the genie's information contains every detector's. It
    /// decides once, at the end, over every post: no sequential looks, no 90-day window, no hysteresis — all relaxations.
    /// </summary>
    public static FeasibilityBound Bound(IReadOnlyList<OracleSummary> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var within15 = series.Count(s => !s.Positive);
        var quarters = series.Where(s => s.AtBaseline).Sum(s => (double.IsNaN(s.OracleByMargin[0].Quarter0) ? 0 : 1) + (double.IsNaN(s.OracleByMargin[0].Quarter1) ? 0 : 1));
        var scored = series.Count(s => s.Scored);
        var ranked = series.OrderByDescending(s => s.GenieLlr).ToArray();

        // Walk down the ranking; remember the deepest cut that meets every constraint (and the within-15 one alone), and
        // which constraint is the first to fail below it.
        int truePositives = 0, detected = 0, negatives = 0, atBaseline = 0;
        int bestDetected = 0, bestNegatives = 0, within15Only = 0, maxNegatives = 0, bestAt = -1;
        double bestPrecision = 1;
        var failures = new string?[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            var s = ranked[i];
            if (s.Positive)
            {
                truePositives++;
                detected += s.Scored ? 1 : 0;
            }
            else
            {
                negatives++;
                atBaseline += s.AtBaseline ? 1 : 0;
            }

            var precision = (double)truePositives / (truePositives + negatives);
            var within = negatives <= 0.01 * within15;
            within15Only = within ? Math.Max(within15Only, detected) : within15Only;
            failures[i] = !within ? "within 15 %" : precision < 0.95 ? "precision" : atBaseline > SeriesDetectionBenchmark.FalseAlarmBudget * quarters ? "at-baseline quarters" : null;
            if (failures[i] is null)
            {
                if (detected >= bestDetected)
                {
                    (bestDetected, bestNegatives, bestPrecision, bestAt) = (detected, negatives, precision, i);
                }

                maxNegatives = Math.Max(maxNegatives, negatives);
            }
        }

        var binding = failures.Skip(bestAt + 1).FirstOrDefault(f => f is not null) ?? "none";

        // The gated bound: the genie may also decline every series the oracle cannot bring to z 2.5 (it knows the
        // onset, so it can compute that z), with at most as many negatives flagged as the constraints allow above.
        var gated = 0;
        var gatedNegatives = 0;
        foreach (var s in ranked.Where(s => s.Gate))
        {
            if (!s.Positive && ++gatedNegatives > maxNegatives)
            {
                break;
            }

            gated += s.Scored ? 1 : 0;
        }

        return new FeasibilityBound(
            scored == 0 ? 0 : (double)bestDetected / scored,
            scored == 0 ? 0 : (double)gated / scored,
            bestDetected,
            scored,
            bestNegatives,
            within15,
            bestPrecision,
            scored == 0 ? 0 : (double)within15Only / scored,
            binding);
    }

    /// <summary>log of ∫ Π N(y; log(1 + g), σ²) dπ(g) over Π N(y; 0, σ²), for g uniform in [−60 %, −35 %], from Σy and n.</summary>
    private static double WeakLogLikelihood(double sum, int n, double variance) =>
        n == 0 ? 0 : LogMeanExp(WeakFrom, WeakTo, g => LevelLogLikelihood(g, sum, n, variance));

    /// <summary>The same for the benchmark's within-15 % mixture: gap 0 (8 in 11), uniform in [−5, +10], [−15, −5], [−5, +5] % (1 in 11 each).</summary>
    private static double AtBaselineLogLikelihood(double sum, int n, double variance) => n == 0 ? 0 : LogSumExp(
    [
        Math.Log(8.0 / 11),
        Math.Log(1.0 / 11) + LogMeanExp(-0.05, 0.10, g => LevelLogLikelihood(g, sum, n, variance)),
        Math.Log(1.0 / 11) + LogMeanExp(-0.15, -0.05, g => LevelLogLikelihood(g, sum, n, variance)),
        Math.Log(1.0 / 11) + LogMeanExp(-0.05, 0.05, g => LevelLogLikelihood(g, sum, n, variance)),
    ]);

    private static double LevelLogLikelihood(double gap, double sum, int n, double variance)
    {
        var level = Math.Log(1 + gap);
        return ((level * sum) - (n * level * level / 2)) / variance;
    }

    private static double LogMeanExp(double from, double to, Func<double, double> f)
    {
        const int Points = 40;
        var values = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            values[i] = f(from + ((to - from) * (i + 0.5) / Points));
        }

        return LogSumExp(values) - Math.Log(Points);
    }

    private static double LogSumExp(double[] values)
    {
        var max = values.Max();
        return double.IsNegativeInfinity(max) ? max : max + Math.Log(values.Sum(v => Math.Exp(v - max)));
    }
}
