using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using SocialFunctions.Core.Tests.Ingest;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// The benchmark's noise assumptions measured on real exports, and the detector run on their posts (docs/series-detection.md,
/// "On real exports"). Explicit, and skipped unless <c>SERIES_REAL_EXPORTS</c> names a directory: real exports hold other
/// people's posts and never enter the repository. Every file under it is read like an upload (format detection, the
/// app's readers); per (file, channel) with at least 30 rated posts it prints the spreads, virals, reach slope and serial
/// correlation of x = log(engagements / impressions), and semi-synthetic detection on the channel's own posts
/// (<see cref="RealNoise.Detect"/>), beside the same on the channel's synthetic twin (<see cref="RealNoise.Twin"/>). The
/// first directory level is one account (a repository, a brand): its files' posts are also taken together, deduplicated by
/// id as the store upserts them (monthly X exports make one channel). Identical files count once. YouTube table data
/// (range aggregates, never rated by the detector) are measured as if lifetime, and say so. Deterministic: a seed per
/// (name, channel). <c>SERIES_REAL_REPORT</c>, when set, also receives the text.
/// <para>
/// <b>Reach.</b> ER falls with reach on half the real channels, and the detector compares a series with its type's flat
/// baseline. A second table draws the pseudo-series from the channel's high- and low-reach tercile within content type
/// (<see cref="ReachSelection"/>), beside the random draws, and prints for each the mean log-impressions gap, the share
/// flagged underperforming (at any post, and at the end), at-risk at the end, and the recall of planted gaps — for each
/// detector of <see cref="Detectors"/>. Decided before the first run (branch <c>reach</c>): the reach effect is
/// <i>material</i> if on some channel with at least 20 distinct high-reach pseudo-series the untouched ones are flagged
/// underperforming (at any post) in more than 2 % of draws (the 1 % budget per series-quarter over a pseudo-series' up to
/// two quarters) and more than 3 × as often as the random draws (a random rate of 0 counted as one draw); or their
/// at-risk share at the end is 10 points above the random draws' (at-risk shows in the report); or low-reach draws
/// lose more than 10 points of recall at −50 % against the random draws (a real drop hidden).
/// </para>
/// </summary>
public sealed class SeriesDetectionOnRealExports(ITestOutputHelper output)
{
    private const int MinimumRatedPosts = 30;
    private const int Draws = 200;
    private const int Seed = 20261201;
    private static readonly double[] Gaps = [0.40, 0.50];

    [Fact(Explicit = true)]
    public async Task RealExports_NoiseAndDetection_Printed()
    {
        var root = Environment.GetEnvironmentVariable("SERIES_REAL_EXPORTS");
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
        {
            Assert.Skip("Set SERIES_REAL_EXPORTS to a directory of real exports (outside the repository) to run this.");
        }

        var detector = new SeriesDetector(new SeriesDetectionOptions());
        var detectors = Detectors();
        var reach = new StringBuilder();
        reach.AppendLine("| account | channel | slope of x on log impressions (type-adjusted) | median type-adjusted x in the low / middle / high reach tercile | detector | draws from | pseudo-series (distinct) | mean log-impressions gap | gap that reach implies, e^(slope × gap) − 1 | underperforming at any post | underperforming at the end | at-risk at the end | recall −40 % / −50 % | twin: underperforming at any post / at-risk at the end |");
        reach.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var text = new StringBuilder();
        var table = new StringBuilder();
        var refused = new StringBuilder();
        var small = new StringBuilder();
        table.AppendLine("| file | channel | rated posts | median engagements | posts/week | weeks without a post | σ̂ overall | σ̂ type-adjusted | σ̂ in 90-day windows | > median + 2σ̂ | ≥ 3× median | slope on log impressions | lag-1 autocorrelation | pseudo-series | flagged (any post) | at-risk at end | recall −40 % | recall −50 % | median delay −40 / −50 % (posts) | twin: flagged / at-risk at end / recall −40 / −50 % |");
        table.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var byRepository = new Dictionary<string, Dictionary<(string Channel, string Id), CanonicalPost>>(StringComparer.Ordinal);
        var filesByRepository = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetRelativePath(root, path);
            var digest = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)));
            if (seen.TryGetValue(digest, out var same))
            {
                small.AppendLine(Invariant($"- `{name}`: the same bytes as `{same}`, not counted twice"));
                continue;
            }

            seen[digest] = name;
            ReadResult read;
            try
            {
                read = await ExportFixtures.ReadAsync(ExportFile.FromPath(Path.GetFileName(path), path));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                refused.AppendLine(Invariant($"- `{name}`: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"));
                continue;
            }

            var posts = read.Posts;
            var rejected = read.Rejected;
            var channels = posts.GroupBy(p => p.Channel, StringComparer.Ordinal).ToList();
            if (channels.Count == 0)
            {
                small.AppendLine(Invariant($"- `{name}`: {read.Format}, no posts ({read.Rows.Count} rows, {rejected.Count} rejected{FirstRejection(rejected)})"));
                continue;
            }

            var repository = name.Split(Path.DirectorySeparatorChar)[0];
            foreach (var channel in channels)
            {
                var note = Invariant($"{channel.Count()} posts, {rejected.Count} rows rejected{FirstRejection(rejected)}");
                var rated = RealNoise.Rated(channel);
                if (rated.Count == 0 && RealNoise.Rated(channel.Select(p => p with { Kind = ExportKind.Posts })) is { Count: > 0 } ranged)
                {
                    // YouTube's table data are range aggregates, which the detector never rates; measured as if lifetime.
                    rated = ranged;
                    note += "; range aggregates (never rated by the detector), read here as lifetime posts";
                }

                // A store upserts posts by id: a repository's files (monthly exports) together, the later file winning.
                var store = byRepository.TryGetValue(repository, out var kept) ? kept : byRepository[repository] = [];
                foreach (var post in rated)
                {
                    store[(post.Channel, post.PostId)] = post;
                }

                (filesByRepository.TryGetValue(repository, out var names) ? names : filesByRepository[repository] = new(StringComparer.Ordinal)).Add(name + "|" + channel.Key);
                if (rated.Count < MinimumRatedPosts)
                {
                    small.AppendLine(Invariant($"- `{name}`: {read.Format}, {channel.Key}: {rated.Count} rated ({note})"));
                    continue;
                }

                Analyse(detector, Invariant($"`{name}`"), Invariant($"{read.Format}; {note}"), rated, text, table);
                AnalyseReach(detectors, Invariant($"`{name}`"), rated, reach);
            }
        }

        foreach (var (repository, store) in byRepository)
        {
            foreach (var channel in store.Values.GroupBy(p => p.Channel, StringComparer.Ordinal))
            {
                var contributing = filesByRepository[repository].Count(n => n.EndsWith("|" + channel.Key, StringComparison.Ordinal));
                var rated = RealNoise.Rated(channel);
                if (contributing > 1 && rated.Count >= MinimumRatedPosts)
                {
                    Analyse(detector, Invariant($"`{repository}` ({contributing} files together)"), "every file's posts, deduplicated by id", rated, text, table);
                    AnalyseReach(detectors, Invariant($"`{repository}` ({contributing} files together)"), rated, reach);
                }
            }
        }

        var report = Invariant($"""
            # Series detection on real exports ({files.Count} files under {root}; {Draws} pseudo-series per channel, seed {Seed} ^ FNV-1a of "path|channel")

            {text}
            {table}
            ## Reach: pseudo-series drawn from the high- and low-reach tercile within content type

            {reach}
            Fewer than {MinimumRatedPosts} rated posts, or no posts:
            {small}
            Refused by the app:
            {refused}
            """);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("SERIES_REAL_REPORT") is { Length: > 0 } reportPath)
        {
            await File.WriteAllTextAsync(reportPath, report, TestContext.Current.CancellationToken);
        }
    }

    private static void Analyse(SeriesDetector detector, string name, string note, IReadOnlyList<CanonicalPost> rated, StringBuilder text, StringBuilder table)
    {
        var profile = RealNoise.Profile(rated);
        var seed = Seed ^ StableHash(name + "|" + profile.Channel);
        var detection = RealNoise.Detect(detector, rated, profile.PostsPerWeek, Draws, seed, Gaps);
        var twinSigma = double.IsNaN(profile.SigmaWindow) ? profile.SigmaTypeAdjusted : profile.SigmaWindow;
        var twin = RealNoise.Detect(detector, RealNoise.Twin(rated, twinSigma, new Random(seed)), profile.PostsPerWeek, Draws, seed, Gaps);
        text.AppendLine(Invariant($"## {name} — {profile.Channel}"));
        text.AppendLine(Invariant($"{profile.Posts} rated posts ({note}); types {string.Join(", ", profile.TypeMix.Select(t => $"{t.Type} {t.Posts}"))}"));
        text.AppendLine(Invariant($"span {profile.SpanWeeks:0.0} weeks ({rated[0].PublishedAt:yyyy-MM-dd} – {rated[^1].PublishedAt:yyyy-MM-dd}), {profile.PostsPerWeek:0.00} posts/week, {profile.EmptyWeekShare:P0} of weeks without a post; median impressions {profile.MedianImpressions:0}, median engagements {profile.MedianEngagements:0.#} (counting noise ≈ {1 / Math.Sqrt(Math.Max(profile.MedianEngagements, 0.5)):0.00} on x), median ER {profile.MedianRate:P2}"));
        text.AppendLine(Invariant($"σ̂ (1.4826 MAD of x): overall {profile.Sigma:0.00}, type-adjusted {profile.SigmaTypeAdjusted:0.00}, in 90-day windows {profile.SigmaWindow:0.00} (median over {profile.Windows} windows of ≥ 20 posts)"));
        text.AppendLine(Invariant($"above median + 2σ̂ {profile.AboveTwoSigmaShare:P1} (normal: 2.3 %), ≥ 3× the type's median ER {profile.ThreeTimesMedianShare:P1} (lognormal at that σ̂: {UpperNormal(Math.Log(3) / profile.SigmaTypeAdjusted):P1})"));
        text.AppendLine(Invariant($"slope of x on log impressions {profile.Slope:0.00} (type-adjusted {profile.SlopeTypeAdjusted:0.00}); lag-1 autocorrelation of x {profile.Lag1:0.00} (type-adjusted {profile.Lag1TypeAdjusted:0.00})"));
        text.AppendLine(Invariant($"pseudo-series: {detection.Series} of {Draws} draws ({detection.Distinct.Count} different; {detection.SeriesPosts / (double)Math.Max(1, detection.Series):0.0} posts each, {detection.JudgedLooks / (double)Math.Max(1, detection.SeriesPosts):P0} of looks judged); untouched: underperforming at any post {Share(detection.FlaggedAny, detection.Series)}, at-risk at the end {Share(detection.AtRiskAtEnd, detection.Series)}, underperforming at the end {Share(detection.UnderperformingAtEnd, detection.Series)}"));
        for (var g = 0; g < Gaps.Length; g++)
        {
            text.AppendLine(Invariant($"  −{Gaps[g]:P0} since the onset: flagged after the onset {Share(detection.Detected[g], detection.Series)} (median delay {detection.MedianDelay(g):0} posts), flagged before it {Share(detection.FlaggedBeforeOnset[g], detection.Series)}, at-risk or underperforming at the end {Share(detection.NotHealthyAtEnd[g], detection.Series)}"));
        }

        text.AppendLine(Invariant($"twin (same posts, times, impressions and types; x = type median + {twinSigma:0.00} × independent normal; the same pseudo-series): underperforming at any post {Share(twin.FlaggedAny, twin.Series)}, at-risk at the end {Share(twin.AtRiskAtEnd, twin.Series)}; recall −40 % {Share(twin.Detected[0], twin.Series)} (delay {twin.MedianDelay(0):0}), −50 % {Share(twin.Detected[1], twin.Series)} (delay {twin.MedianDelay(1):0})"));
        text.AppendLine();
        table.AppendLine(Invariant($"| {name} | {profile.Channel} | {profile.Posts} | {profile.MedianEngagements:0.#} | {profile.PostsPerWeek:0.0} | {profile.EmptyWeekShare:P0} | {profile.Sigma:0.00} | {profile.SigmaTypeAdjusted:0.00} | {profile.SigmaWindow:0.00} | {profile.AboveTwoSigmaShare:P1} | {profile.ThreeTimesMedianShare:P1} | {profile.Slope:0.00} | {profile.Lag1TypeAdjusted:0.00} | {detection.Series} | {Share(detection.FlaggedAny, detection.Series)} | {Share(detection.AtRiskAtEnd, detection.Series)} | {Share(detection.Detected[0], detection.Series)} | {Share(detection.Detected[1], detection.Series)} | {detection.MedianDelay(0):0} / {detection.MedianDelay(1):0} | {Share(twin.FlaggedAny, twin.Series)} / {Share(twin.AtRiskAtEnd, twin.Series)} / {Share(twin.Detected[0], twin.Series)} / {Share(twin.Detected[1], twin.Series)} |"));
    }

    /// <summary>The detectors the reach table compares: the defaults first. Built per run (never kept in a static).</summary>
    private static IReadOnlyList<(string Name, SeriesDetector Detector)> Detectors() =>
    [
        ("default", new SeriesDetector(new SeriesDetectionOptions())),
    ];

    /// <summary>
    /// The reach table's rows for one channel: for each detector, pseudo-series drawn at random, from the high-reach and
    /// from the low-reach tercile (within content type), untouched and with the gaps planted; and the same draws on the
    /// channel's twin (x redrawn without any reach effect), which shows what the selection alone does.
    /// </summary>
    private static void AnalyseReach(IReadOnlyList<(string Name, SeriesDetector Detector)> detectors, string name, IReadOnlyList<CanonicalPost> rated, StringBuilder reach)
    {
        var profile = RealNoise.Profile(rated);
        var seed = Seed ^ StableHash(name + "|" + profile.Channel);
        var twinSigma = double.IsNaN(profile.SigmaWindow) ? profile.SigmaTypeAdjusted : profile.SigmaWindow;
        var twinPosts = RealNoise.Twin(rated, twinSigma, new Random(seed));
        var residuals = RealNoise.TypeResiduals(rated);
        var terciles = RealNoise.ReachTerciles(rated);
        var byTercile = string.Join(" / ", Enumerable.Range(0, 3).Select(t => Invariant($"{SeriesStatistics.Median(residuals.Where((_, i) => terciles[i] == t)):0.00}")));
        foreach (var (detectorName, detector) in detectors)
        {
            foreach (var selection in new[] { ReachSelection.Random, ReachSelection.High, ReachSelection.Low })
            {
                var d = RealNoise.Detect(detector, rated, profile.PostsPerWeek, Draws, seed, Gaps, selection);
                var twin = RealNoise.Detect(detector, twinPosts, profile.PostsPerWeek, Draws, seed, Gaps, selection);
                reach.AppendLine(Invariant($"| {name} | {profile.Channel} | {profile.SlopeTypeAdjusted:0.00} | {byTercile} | {detectorName} | {selection} | {d.Series} ({d.Distinct.Count}) | {d.MeanReachGap:0.00} | {Math.Exp(profile.SlopeTypeAdjusted * d.MeanReachGap) - 1:P0} | {Share(d.FlaggedAny, d.Series)} | {Share(d.UnderperformingAtEnd, d.Series)} | {Share(d.AtRiskAtEnd, d.Series)} | {Share(d.Detected[0], d.Series)} / {Share(d.Detected[1], d.Series)} | {Share(twin.FlaggedAny, twin.Series)} / {Share(twin.AtRiskAtEnd, twin.Series)} |"));
            }
        }
    }

    private static string FirstRejection(IReadOnlyList<RejectedRow> rejected) =>
        rejected.Count == 0 ? "" : Invariant($", first: line {rejected[0].Line}: {rejected[0].Message}");

    private static string Share(int count, int of) => of == 0 ? "–" : Invariant($"{count / (double)of:P1}");

    /// <summary>P(Z > z) of a standard normal.</summary>
    private static double UpperNormal(double z) => 1 - SeriesStatistics.NormalCdf(z);

    /// <summary>FNV-1a of the text: a seed per file that does not change between runs (string.GetHashCode does).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
