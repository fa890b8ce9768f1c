using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// Pins every figure the detector gives on the quality benchmark's seeds (tuning 101–305, first-pass 401–405, asserting
/// 501–505) at each noise level: the verdicts of one <see cref="SeriesDetector.Detect"/> over each generated brand, and the
/// whole per-post trace of every planted series, reduced to a SHA-256 digest of every status, count, date and double
/// (round-trip format, so bit for bit). The expected digests were recorded with the detector as it stood before its speed
/// work (commit 1e24b3d): optimisations of the replay must not change one verdict, statistic, onset or evidence field. A
/// change that means to change the verdicts re-records them here, and says so.
/// </summary>
/// <remarks>
/// Catches, for example: a prefix sum taken one post too far (every later onset's mean shifts); a median of the window
/// computed over the wrong span; the mixture summed in another order (last digits of the statistic); a pooled scratch
/// buffer not cleared between channels; the onset of the largest Bayes factor replaced by the last one.
/// </remarks>
public sealed class SeriesDetectorPinnedVerdictsTests
{
    private static readonly SeriesDetector Detector = new(new SeriesDetectionOptions());

    private static readonly int[] Seeds = [.. SeriesDetectionBenchmark.TuningBlocks.SelectMany(b => b), .. SeriesDetectionBenchmark.FirstPassAssertingSeeds, .. SeriesDetectionBenchmark.AssertingSeeds];

    /// <summary>Every seed with 10 channels per scenario (a quarter of the benchmark's; a few seconds).</summary>
    [Theory]
    [InlineData(0.35, "6AAD5D206C5024AA12550F78E12620C8", "2E58AA7D654BA44B6DE3748C85CFF35F")]
    [InlineData(0.60, "35743F91C1EE36A3C07F2F136E3026F0", "6C43A8683313C5BAA70E7C860F19F10C")]
    [InlineData(0.90, "187877CCF302C04DD5CAB53996ED9183", "8A1207F6034E2F9F4E83E7D8F825C062")]
    public void DetectAndTrace_BenchmarkSeeds_GiveTheRecordedFiguresBitForBit(double sigma, string detectDigest, string traceDigest) =>
        AssertDigests(sigma, replicates: 10, detectDigest, traceDigest);

    /// <summary>The same on the benchmark's full size (40 channels per scenario; explicit: about half a minute of CPU).</summary>
    [Theory(Explicit = true)]
    [InlineData(0.35, "B7D7563E7FD5791102215E78C3A39242", "5521886B1A37981EA82000837CE94D27")]
    [InlineData(0.60, "8637FD670C88F89F035CE2791CD2F25D", "721D35A821D54665CF0BF005EB7E34C8")]
    [InlineData(0.90, "B528CDEFD22C13382803598672D0B4CF", "44D07F28D9D8857FEF8ACBBB0FE3276B")]
    public void DetectAndTrace_FullBenchmark_GiveTheRecordedFiguresBitForBit(double sigma, string detectDigest, string traceDigest) =>
        AssertDigests(sigma, SeriesDetectionBenchmark.Replicates, detectDigest, traceDigest);

    private static void AssertDigests(double sigma, int replicates, string detectDigest, string traceDigest)
    {
        var verdicts = new StringBuilder();
        var traces = new StringBuilder();
        foreach (var seed in Seeds)
        {
            var (posts, truth) = new SyntheticSeriesGenerator(seed, sigma).Generate(replicates);
            foreach (var health in Detector.Detect("pin", posts, SyntheticSeriesGenerator.AsOf))
            {
                Append(verdicts, health);
            }

            var byChannel = posts.GroupBy(p => p.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var planted in truth)
            {
                foreach (var step in Detector.Trace(byChannel[planted.Channel], planted.Series, SyntheticSeriesGenerator.AsOf))
                {
                    Append(traces, step);
                }
            }
        }

        Assert.Equal((detectDigest, traceDigest), (Digest(verdicts), Digest(traces)));
    }

    private static string Digest(StringBuilder text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];

    private static void Append(StringBuilder text, SeriesHealth h)
    {
        text.Append(CultureInfo.InvariantCulture, $"{h.Channel}|{h.Series}|{h.Status}|{h.RecentEngagementRate:R}|{h.BaselineEngagementRate:R}|{h.RelativeGap:R}|");
        text.Append(CultureInfo.InvariantCulture, $"{h.Posts}|{h.OnsetAt:O}|{h.PostsBelowMedian}|{h.BaselineBasis}|{h.BaselineContentType}|{h.BaselinePosts}|");
        text.Append(CultureInfo.InvariantCulture, $"{h.Statistic:R}|{h.Confidence:R}|{h.Since:O}|");
        foreach (var p in h.RecentPosts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.PostId},{p.PublishedAt:O},{p.Impressions},{p.Engagements},{p.EngagementRate:R};");
        }

        text.Append('\n');
    }

    private static void Append(StringBuilder text, SeriesEvaluation e)
    {
        text.Append(CultureInfo.InvariantCulture, $"{e.PostIndex}|{e.At:O}|{e.Status}|{e.Sufficient}|{e.Statistic:R}|{e.RecentEngagementRate:R}|{e.BaselineEngagementRate:R}|");
        text.Append(CultureInfo.InvariantCulture, $"{e.RelativeGap:R}|{e.Confidence:R}|{e.Posts}|{e.OnsetAt:O}|{e.PostsBelowMedian}|{e.BaselineBasis}|{e.BaselinePosts}|{e.Since:O}\n");
    }
}
