using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>The kinds of series the quality benchmark plants, each with a known truth.</summary>
public enum SeriesScenario
{
    Healthy,
    AlwaysWeak,
    LateDecline,
    DipThenRecovery,
    Marginal,
    Sparse,
}

/// <summary>One planted series and its truth.</summary>
/// <param name="Channel">The channel it was planted in (one scenario series per channel, plus a healthy control series).</param>
/// <param name="Series">Series name.</param>
/// <param name="Scenario">What it is.</param>
/// <param name="TrueGap">The planted relative gap while underperforming (negative), or its constant gap.</param>
/// <param name="OnsetPostIndex">Index of the first weak post, null when the series is never ≥ 30 % below baseline.</param>
/// <param name="RecoveryPostIndex">Index of the first post after the dip, for dip-then-recovery.</param>
public sealed record PlantedSeries(string Channel, string Series, SeriesScenario Scenario, double TrueGap, int? OnsetPostIndex, int? RecoveryPostIndex)
{
    public bool IsUnderperforming => OnsetPostIndex is not null;
}

/// <summary>
/// A seeded generator of a brand's posts over 26 weeks: per channel a baseline of unseries'd posts (8 a week), a healthy
/// control series and one scenario series (weekly; sparse: every 6 weeks). Per-post ER = channel ER × (1 + gap) ×
/// lognormal noise (σ = <see cref="NoiseSigma"/>, mean 1); impressions lognormal (σ = 0.6); 3 % of posts go viral
/// (ER × 3–8 and impressions × 3–10); engagements get count noise on top.
/// </summary>
public sealed class SyntheticSeriesGenerator(int seed, double noiseSigma)
{
    public const int Weeks = 26;
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private const int BaselinePostsPerWeek = 8;
    private const double ViralProbability = 0.03;

    private readonly Random _random = new(seed);

    public double NoiseSigma { get; } = noiseSigma;

    public static DateTimeOffset AsOf => Start.AddDays(7 * Weeks);

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
                var channel = $"ch{channelNumber++:D4}";
                var channelRate = Uniform(0.01, 0.06);
                var medianImpressions = Uniform(2_000, 20_000);
                for (var week = 0; week < Weeks; week++)
                {
                    for (var k = 0; k < BaselinePostsPerWeek; k++)
                    {
                        posts.Add(Post(channel, null, Start.AddDays((7 * week) + Uniform(0, 7)), channelRate, 0, medianImpressions));
                    }
                }

                var controlGap = Uniform(-0.05, 0.10);
                for (var week = 0; week < Weeks; week++)
                {
                    posts.Add(Post(channel, "control", Start.AddDays((7 * week) + 3 + Uniform(0, 1)), channelRate, controlGap, medianImpressions));
                }

                truth.Add(new PlantedSeries(channel, "control", SeriesScenario.Healthy, controlGap, null, null));
                truth.Add(PlantScenario(posts, channel, scenario, channelRate, medianImpressions));
            }
        }

        return (posts, truth);
    }

    private PlantedSeries PlantScenario(List<CanonicalPost> posts, string channel, SeriesScenario scenario, double channelRate, double medianImpressions)
    {
        var name = scenario.ToString();
        var weakGap = -Uniform(0.35, 0.60);
        var (gapAt, onset, recovery, every, planted) = scenario switch
        {
            SeriesScenario.Healthy => Constant(Uniform(-0.05, 0.10)),
            SeriesScenario.Marginal => Constant(-Uniform(0.05, 0.15)),
            SeriesScenario.Sparse => Constant(Uniform(-0.05, 0.05)) with { Item4 = 6 },
            SeriesScenario.AlwaysWeak => ((Func<int, double>)(_ => weakGap), 0, (int?)null, 1, weakGap),
            SeriesScenario.LateDecline => LateDecline(weakGap),
            SeriesScenario.DipThenRecovery => Dip(weakGap),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var index = 0;
        for (var week = 0; week < Weeks; week += every)
        {
            posts.Add(Post(channel, name, Start.AddDays((7 * week) + 1 + Uniform(0, 1)), channelRate, gapAt(index), medianImpressions));
            index++;
        }

        return new PlantedSeries(channel, name, scenario, planted, onset, recovery);
    }

    private static (Func<int, double>, int?, int?, int, double) Constant(double gap) => (_ => gap, null, null, 1, gap);

    private (Func<int, double>, int?, int?, int, double) LateDecline(double gap)
    {
        var onset = _random.Next(8, 19);
        return (i => i >= onset ? gap : Uniform(-0.02, 0.02), onset, null, 1, gap);
    }

    private (Func<int, double>, int?, int?, int, double) Dip(double gap)
    {
        var onset = _random.Next(6, 13);
        var recovery = onset + 8;
        return (i => i >= onset && i < recovery ? gap : 0, onset, recovery, 1, gap);
    }

    private CanonicalPost Post(string channel, string? series, DateTimeOffset at, double channelRate, double gap, double medianImpressions)
    {
        var impressions = medianImpressions * Math.Exp(0.6 * Normal());
        var rate = channelRate * (1 + gap) * Math.Exp((NoiseSigma * Normal()) - (NoiseSigma * NoiseSigma / 2));
        if (_random.NextDouble() < ViralProbability)
        {
            rate *= Uniform(3, 8);
            impressions *= Uniform(3, 10);
        }

        rate = Math.Min(rate, 0.9);
        var expected = impressions * rate;
        var engagements = Math.Max(0, Math.Round(expected + (Math.Sqrt(expected) * Normal())));
        return new CanonicalPost
        {
            Brand = "bench",
            Channel = channel,
            PostId = $"{channel}-{series ?? "other"}-{at.ToUnixTimeMilliseconds()}-{_random.Next()}",
            PublishedAt = at,
            Series = series,
            Impressions = (long)Math.Round(impressions),
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
}
