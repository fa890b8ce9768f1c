using BenchmarkDotNet.Attributes;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Benchmarks;

/// <summary>
/// Scoring speed of the series detector (issue 11: at least 1,000,000 posts/s): 10,000 series × 26 weekly posts, i.e.
/// 2,000 channels of 5 series each plus 10 unseries'd posts a week (780,000 posts in all), one <see cref="SeriesDetector.Detect"/>
/// over the whole brand, every series replayed post by post as the alert check does. One operation = one series post scored
/// (each against its 90-day baseline), so BenchmarkDotNet's time per operation is the inverse of posts per second.
/// Run: <c>./run.sh bench --filter '*SeriesDetection*'</c>.
/// </summary>
[MemoryDiagnoser]
public class SeriesDetectionBenchmarks
{
    public const int Channels = 2_000;
    public const int SeriesPerChannel = 5;
    public const int Weeks = 26;
    public const int OtherPostsPerWeek = 10;
    public const int SeriesPosts = Channels * SeriesPerChannel * Weeks;

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Types = [ContentTypes.Image, ContentTypes.Reel, ContentTypes.Carousel];
    private static readonly double[] TypeEffects = [0.0, 0.35, 0.15];

    private readonly SeriesDetector _detector = new(new SeriesDetectionOptions());
    private List<CanonicalPost> _posts = [];

    public static DateTimeOffset AsOf => Start.AddDays(7 * Weeks);

    [GlobalSetup]
    public void Setup()
    {
        // Per-post noise σ = 0.6 on log ER, 3 % viral posts, one weak series in five: the work per post does not depend on
        // the verdict, but realistic spreads keep the medians and caps honest.
        var random = new Random(42);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        _posts = new List<CanonicalPost>(Channels * Weeks * (SeriesPerChannel + OtherPostsPerWeek));
        for (var c = 0; c < Channels; c++)
        {
            var channel = $"ch{c:D4}";
            var rate = 0.01 + (0.05 * random.NextDouble());
            for (var week = 0; week < Weeks; week++)
            {
                for (var k = 0; k < OtherPostsPerWeek + SeriesPerChannel; k++)
                {
                    var series = k < SeriesPerChannel ? $"series-{k}" : null;
                    var type = series is null ? random.Next(Types.Length) : k % Types.Length;
                    var gap = k == 0 && c % 5 == 0 ? -0.45 : 0;
                    var impressions = 5_000 * Math.Exp(0.6 * Normal());
                    var er = rate * Math.Exp(TypeEffects[type] + (0.6 * Normal())) * (1 + gap) * (random.NextDouble() < 0.03 ? 5 : 1);
                    _posts.Add(new CanonicalPost
                    {
                        Brand = "bench",
                        Channel = channel,
                        PostId = $"{channel}-{week}-{k}",
                        PublishedAt = Start.AddDays((7 * week) + (7.0 * k / (OtherPostsPerWeek + SeriesPerChannel))),
                        Series = series,
                        ContentType = Types[type],
                        Impressions = (long)impressions,
                        Reactions = (long)Math.Round(impressions * Math.Min(er, 0.9)),
                    });
                }
            }
        }
    }

    [Benchmark(OperationsPerInvoke = SeriesPosts)]
    public int DetectTenThousandSeries() => _detector.Detect("bench", _posts, AsOf).Count;
}
