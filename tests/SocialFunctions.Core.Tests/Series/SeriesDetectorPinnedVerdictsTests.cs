using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// Pins every figure the detector gives on the quality benchmark's seeds (tuning 101–305, first-pass 401–405, asserting
/// 501–505) at each noise level: the verdicts of one <see cref="SeriesDetector.Detect"/> over each generated brand, and the
/// whole per-post trace of every planted series, reduced to a SHA-256 digest of every status, count, date and double
/// (round-trip format, so bit for bit). The digests were first recorded with the detector as it stood before its speed
/// work (commit 1e24b3d), which then left every one unchanged; they were re-recorded once for the third pass's onset
/// prior (docs/series-detection.md), whose figures the optimised and the unoptimised detector gave bit for bit alike.
/// Optimisations of the replay must not change one verdict, statistic, onset or evidence field. A change that means to
/// change the verdicts re-records them here, and says so.
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
    [InlineData(0.35, "7FDDC67858DF4C0156673C9E59E9BD75", "28F62CA26EA76B2F170C3733188DBA88")]
    [InlineData(0.60, "64566C9F4FBC40AC26E7A4BB2FE2B3AB", "1479C483F77019A6DB6BFA21791A680D")]
    [InlineData(0.90, "8E4C80255B4B6D5C5A7623850E2EF63D", "266B666922152AB6531500FB066F6E09")]
    public void DetectAndTrace_BenchmarkSeeds_GiveTheRecordedFiguresBitForBit(double sigma, string detectDigest, string traceDigest) =>
        AssertDigests(sigma, replicates: 10, detectDigest, traceDigest);

    /// <summary>The same on the benchmark's full size (40 channels per scenario; explicit: about half a minute of CPU).</summary>
    [Theory(Explicit = true)]
    [InlineData(0.35, "3664FC05146536201F845F2A7CCCD966", "29F494C3586C9DD321E098AFA90B57C0")]
    [InlineData(0.60, "C3B24D345324E257310F6EA26C2B83CE", "0EB3D7DED1DD620F9C8664D754FE12CA")]
    [InlineData(0.90, "271D0D76229E87AD54DC854EAA1EAA48", "A3B999792353FD753B2D73E0E7182BD6")]
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
