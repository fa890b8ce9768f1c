using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>The kinds of series the quality benchmark plants, each with a known truth.</summary>
public enum SeriesScenario
{
    /// <summary>Exactly at its channel (gap 0): the false-alarm calibration set.</summary>
    AtBaseline,

    /// <summary>Gap uniform in [−5 %, +10 %].</summary>
    Healthy,

    /// <summary>Gap uniform in [−15 %, −5 %]: slightly weak, must not be flagged.</summary>
    Marginal,

    /// <summary>Gap uniform in [−5 %, +5 %], one post every 6 weeks.</summary>
    Sparse,

    /// <summary>A new series, 35–60 % below from its first post.</summary>
    AlwaysWeak,

    /// <summary>A long-running series at baseline that drops 35–60 % below at a random onset.</summary>
    LateDecline,

    /// <summary>A long-running series that dips 35–60 % below for 8 weeks, then recovers.</summary>
    DipThenRecovery,
}

/// <summary>One planted post of a series.</summary>
/// <param name="At">Publication time.</param>
/// <param name="Viral">True when the generator made it a viral outlier.</param>
/// <param name="Gap">The planted relative gap of this post (0 outside a weak period).</param>
/// <param name="LogNoise">
/// The post's own noise on the log scale, σZ (before the −σ²/2 that keeps the lognormal factor's mean at 1, before the
/// viral multiplier and the Poisson draw): what only a genie knows. Recorded for the feasibility bound; it changes no draw.
/// </param>
public sealed record PlantedPost(DateTimeOffset At, bool Viral, double Gap, double LogNoise);

/// <summary>One planted series and its truth.</summary>
/// <param name="Channel">The channel it was planted in (one scenario series per channel, plus an at-baseline control series).</param>
/// <param name="Series">Series name.</param>
/// <param name="Scenario">What it is.</param>
/// <param name="TrueGap">The planted relative gap while weak (negative), or its constant gap.</param>
/// <param name="OnsetAt">Time of the first weak post; null for series never 30 % or more below.</param>
/// <param name="RecoveryAt">For a dip, the time of the first post after it.</param>
/// <param name="Posts">The series' posts, oldest first.</param>
public sealed record PlantedSeries(string Channel, string Series, SeriesScenario Scenario, double TrueGap, DateTimeOffset? OnsetAt, DateTimeOffset? RecoveryAt, IReadOnlyList<PlantedPost> Posts)
{
    public bool IsUnderperforming => OnsetAt is not null;
}

/// <summary>
/// A seeded generator of realistic channels (docs/series-detection.md, "Benchmark"): 13 weeks of history then 26 scored
/// weeks; per channel a mix of 2–4 content types with type effects, 4–12 unseries'd posts a week (Poisson), an at-baseline
/// control series and one scenario series with an irregular cadence (weekly, twice weekly or fortnightly, posts skipped,
/// hiatuses). Per-post ER = channel ER × type effect × (1 + gap) × lognormal noise (σ = <see cref="NoiseSigma"/>, mean 1);
/// impressions lognormal (σ 0.6); 3 % of posts go viral (ER × 3–8, impressions × 3–10); engagements are Poisson.
/// </summary>
public sealed class SyntheticSeriesGenerator(int seed, double noiseSigma)
{
    public const int Weeks = 26;
    public const int WarmUpWeeks = 13;
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private const double ViralProbability = 0.03;
    private const double SkipProbability = 0.15;

    /// <summary>Content types and their log effect on ER (a reel earns more engagement per impression than a link post).</summary>
    private static readonly (string Type, double Effect)[] TypeEffects =
    [
        (ContentTypes.Image, 0.0), (ContentTypes.Carousel, 0.15), (ContentTypes.Reel, 0.35), (ContentTypes.Video, -0.15),
        (ContentTypes.Link, -0.55), (ContentTypes.Text, -0.30),
    ];

    private readonly Random _random = new(seed);

    public double NoiseSigma { get; } = noiseSigma;

    public static DateTimeOffset AsOf => Start.AddDays(7 * Weeks);

    public static DateTimeOffset HistoryStart => Start.AddDays(-7 * WarmUpWeeks);

    /// <summary>Generates <paramref name="replicates"/> channels per scenario.</summary>
    public (IReadOnlyList<CanonicalPost> Posts, IReadOnlyList<PlantedSeries> Truth) Generate(int replicates)
    {
        var posts = new List<CanonicalPost>();
        var truth = new List<PlantedSeries>();
        var channelNumber = 0;
        for (var r = 0; r < replicates; r++)
        {
            foreach (var scenario in Enum.GetValues<SeriesScenario>())
            {
                var channel = NewChannel($"ch{channelNumber++:D4}");
                var perWeek = Uniform(4, 12);
                for (var week = -WarmUpWeeks; week < Weeks; week++)
                {
                    var count = Poisson(perWeek);
                    for (var k = 0; k < count; k++)
                    {
                        posts.Add(Post(channel, null, Start.AddDays((7 * week) + Uniform(0, 7)), channel.PickType(_random), 0, out _));
                    }
                }

                truth.Add(PlantSeries(posts, channel, "control", SeriesScenario.AtBaseline));
                truth.Add(PlantSeries(posts, channel, scenario.ToString(), scenario));
            }
        }

        return (posts, truth);
    }

    private Channel NewChannel(string name)
    {
        var count = _random.Next(2, 5);
        var picked = TypeEffects.OrderBy(_ => _random.Next()).Take(count).ToArray();
        var shares = picked.Select(_ => Uniform(0.2, 1.0)).ToArray();
        var total = shares.Sum();
        return new Channel(
            name,
            Uniform(0.01, 0.06),
            Uniform(2_000, 20_000),
            [.. picked.Select(p => p.Type)],
            [.. picked.Select(p => p.Effect + (0.1 * Normal()))],
            [.. shares.Select(s => s / total)]);
    }

    private PlantedSeries PlantSeries(List<CanonicalPost> posts, Channel channel, string name, SeriesScenario scenario)
    {
        var weakGap = -Uniform(0.35, 0.60);
        var constantGap = scenario switch
        {
            SeriesScenario.Healthy => Uniform(-0.05, 0.10),
            SeriesScenario.Marginal => -Uniform(0.05, 0.15),
            SeriesScenario.Sparse => Uniform(-0.05, 0.05),
            _ => 0.0,
        };
        DateTimeOffset? onset = scenario switch
        {
            SeriesScenario.AlwaysWeak => Start,
            SeriesScenario.LateDecline => Start.AddDays(Uniform(14, 140)),
            SeriesScenario.DipThenRecovery => Start.AddDays(Uniform(14, 98)),
            _ => null,
        };
        DateTimeOffset? recovery = scenario == SeriesScenario.DipThenRecovery ? onset!.Value.AddDays(56) : null;

        // A series has one format (80 %) or alternates between two of the channel's types.
        var types = _random.NextDouble() < 0.8 || channel.Types.Length < 2
            ? new[] { channel.PickType(_random) }
            : [.. channel.Types.Select((_, i) => i).OrderBy(_ => _random.Next()).Take(2)];
        var period = scenario == SeriesScenario.Sparse ? 42.0 : _random.NextDouble() switch
        {
            < 0.6 => 7.0,
            < 0.8 => 3.5,
            _ => 14.0,
        };
        var first = scenario == SeriesScenario.AlwaysWeak ? Start : HistoryStart;
        var (hiatusFrom, hiatusTo) = _random.NextDouble() < 0.25 ? HiatusIn(first) : (DateTimeOffset.MaxValue, DateTimeOffset.MaxValue);

        var planted = new List<PlantedPost>();
        DateTimeOffset? firstWeak = null, firstRecovered = null;
        for (var slot = first.AddDays(Uniform(0, period)); slot < AsOf; slot = slot.AddDays(period))
        {
            var at = slot.AddDays(Uniform(-1, 1));
            if (at < first || at >= AsOf || (at >= hiatusFrom && at < hiatusTo) || _random.NextDouble() < SkipProbability)
            {
                continue;
            }

            var weak = onset is { } o && at >= o && (recovery is not { } rec || at < rec);
            if (weak)
            {
                firstWeak ??= at;
            }
            else if (recovery is { } back && at >= back)
            {
                firstRecovered ??= at;
            }

            var type = types[_random.Next(types.Length)];
            var post = Post(channel, name, at, type, weak ? weakGap : constantGap, out var truth);
            posts.Add(post);
            planted.Add(truth);
        }

        var isWeak = onset is not null && firstWeak is not null;
        return new PlantedSeries(channel.Name, name, scenario, isWeak ? weakGap : constantGap, isWeak ? firstWeak : null, isWeak ? firstRecovered : null, planted);
    }

    private (DateTimeOffset From, DateTimeOffset To) HiatusIn(DateTimeOffset first)
    {
        var from = first.AddDays(Uniform(0, (AsOf - first).TotalDays - 28));
        return (from, from.AddDays(Uniform(14, 28)));
    }

    private CanonicalPost Post(Channel channel, string? series, DateTimeOffset at, int type, double gap, out PlantedPost truth)
    {
        var impressions = channel.MedianImpressions * Math.Exp(0.6 * Normal());
        var typical = channel.Rate * Math.Exp(channel.Effects[type]);
        var noise = NoiseSigma * Normal();
        var rate = typical * (1 + gap) * Math.Exp(noise - (NoiseSigma * NoiseSigma / 2));
        var viral = _random.NextDouble() < ViralProbability;
        if (viral)
        {
            rate *= Uniform(3, 8);
            impressions *= Uniform(3, 10);
        }

        rate = Math.Min(rate, 0.9);
        var engagements = Poisson(impressions * rate);
        var roundedImpressions = Math.Max(1, Math.Round(impressions));
        truth = new PlantedPost(at, viral, gap, noise);
        return new CanonicalPost
        {
            Brand = "bench",
            Channel = channel.Name,
            PostId = $"{channel.Name}-{series ?? "other"}-{at.ToUnixTimeMilliseconds()}-{_random.Next()}",
            PublishedAt = at,
            Series = series,
            ContentType = channel.Types[type],
            Impressions = (long)roundedImpressions,
            Reactions = (long)engagements,
        };
    }

    private double Uniform(double min, double max) => min + ((max - min) * _random.NextDouble());

    private double Normal()
    {
        // Box–Muller: the two uniforms must not be 0 for the logarithm.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A Poisson draw: Knuth's product method for small means, a rounded normal beyond (error negligible there).</summary>
    private double Poisson(double mean)
    {
        if (mean > 50)
        {
            return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var product = _random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= _random.NextDouble();
        }

        return k;
    }

    private sealed record Channel(string Name, double Rate, double MedianImpressions, string[] Types, double[] Effects, double[] Shares)
    {
        public int PickType(Random random)
        {
            var u = random.NextDouble();
            for (var i = 0; i < Shares.Length - 1; i++)
            {
                u -= Shares[i];
                if (u < 0)
                {
                    return i;
                }
            }

            return Shares.Length - 1;
        }
    }
}
