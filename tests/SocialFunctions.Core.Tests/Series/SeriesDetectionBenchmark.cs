using System.Globalization;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>The figures of one benchmark run.</summary>
public sealed record BenchmarkScore(
    double NoiseSigma,
    int Positives,
    int TruePositives,
    int FalseAlarms,
    int FlaggedWithin15Percent,
    int NegativesWithin15Percent,
    int DipsStillFlaggedAtEnd,
    double Precision,
    double Recall,
    double MedianDelayPosts,
    double MeanDelayPosts,
    IReadOnlyDictionary<SeriesScenario, (int Series, int Flagged)> PerScenario)
{
    public string ToMarkdownRow() => string.Format(
        CultureInfo.InvariantCulture,
        "| {0:0.00} | {1:0.000} | {2:0.000} | {3:0.0} | {4:0.00} | {5}/{6} | {7} | {8} |",
        NoiseSigma, Precision, Recall, MedianDelayPosts, MeanDelayPosts, FlaggedWithin15Percent, NegativesWithin15Percent, FalseAlarms, DipsStillFlaggedAtEnd);

    public string PerScenarioText() => string.Join(", ", PerScenario.Select(p => $"{p.Key}: {p.Value.Flagged}/{p.Value.Series} flagged"));
}

/// <summary>
/// Scores the detector on planted series. A positive (true gap ≥ 30 %) counts as detected when its first episode starts
/// at or after the onset; an episode starting before the onset, or on any negative series, is a false alarm.
/// Delay = posts after the onset post until the episode starts (flagged at the onset post itself = 0).
/// </summary>
public static class SeriesDetectionBenchmark
{
    public static BenchmarkScore Run(SeriesDetector detector, int seed, double noiseSigma, int replicates)
    {
        var (posts, truth) = new SyntheticSeriesGenerator(seed, noiseSigma).Generate(replicates);
        var byChannel = posts.GroupBy(p => p.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<CanonicalPost>)[.. g], StringComparer.Ordinal);
        var asOf = SyntheticSeriesGenerator.AsOf;
        var delays = new List<int>();
        int positives = 0, truePositives = 0, falseAlarms = 0, flaggedNegatives = 0, negatives = 0, dipsFlagged = 0;
        var perScenario = new Dictionary<SeriesScenario, (int Series, int Flagged)>();
        foreach (var planted in truth)
        {
            var trace = detector.Trace(byChannel[planted.Channel], planted.Series, asOf);
            var firstFlag = trace.FirstOrDefault(e => e.Status == SeriesStatus.Underperforming);
            var (count, flagged) = perScenario.GetValueOrDefault(planted.Scenario);
            perScenario[planted.Scenario] = (count + 1, flagged + (firstFlag is null ? 0 : 1));
            if (planted.IsUnderperforming)
            {
                positives++;
                if (firstFlag is null)
                {
                    continue;
                }

                if (firstFlag.PostIndex < planted.OnsetPostIndex)
                {
                    falseAlarms++;
                    continue;
                }

                truePositives++;
                delays.Add(firstFlag.PostIndex - planted.OnsetPostIndex!.Value);
                if (planted.Scenario == SeriesScenario.DipThenRecovery && trace[^1].Status == SeriesStatus.Underperforming)
                {
                    dipsFlagged++;
                }
            }
            else
            {
                negatives++;
                if (firstFlag is not null)
                {
                    falseAlarms++;
                    flaggedNegatives++;
                }
            }
        }

        var flaggedTotal = truePositives + falseAlarms;
        delays.Sort();
        return new BenchmarkScore(
            noiseSigma,
            positives,
            truePositives,
            falseAlarms,
            flaggedNegatives,
            negatives,
            dipsFlagged,
            flaggedTotal == 0 ? 0 : (double)truePositives / flaggedTotal,
            positives == 0 ? 0 : (double)truePositives / positives,
            delays.Count == 0 ? double.NaN : delays.Count % 2 == 1 ? delays[delays.Count / 2] : (delays[(delays.Count / 2) - 1] + delays[delays.Count / 2]) / 2.0,
            delays.Count == 0 ? double.NaN : delays.Average(),
            perScenario);
    }
}
