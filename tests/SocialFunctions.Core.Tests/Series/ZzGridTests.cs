using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

public sealed class ZzGridTests(ITestOutputHelper output)
{
    [Fact]
    public void Grid_Variants_Printed()
    {
        var stats = new (string Name, bool C, bool B, bool T)[] { ("orig", false, false, false), ("base", false, true, false), ("cnt+base", true, true, false), ("all", true, true, true) };
        var opts = new List<(string, SeriesDetectionOptions)>();
        foreach (var x in new[] { 0.20, 0.25 })
            foreach (var cl in new[] { 0.995, 0.999 })
                foreach (var n in new[] { 1, 2 })
                    opts.Add(($"X{x} cl{cl} N{n}", new SeriesDetectionOptions { FlagGap = x, RecoverGap = 0.20, ConfidenceLevel = cl, ConsecutiveBreaches = n }));
        foreach (var v in stats)
        {
            SeriesDetector.Experiment.CountNoise = v.C;
            SeriesDetector.Experiment.BaselineError = v.B;
            SeriesDetector.Experiment.StudentT = v.T;
            foreach (var (on, o) in opts)
            {
                var rows = new[] { 20261123, 20261124, 20261125 }.Select(seed => SeriesDetectionBenchmark.Run(new SeriesDetector(o), seed, 0.20, 60)).ToArray();
                output.WriteLine($"{v.Name,-9} {on,-20} " + string.Join("  ", rows.Select(s => $"P{s.Precision:0.000} R{s.Recall:0.000} md{s.MedianDelayPosts} mn{s.MeanDelayPosts:0.00} F{s.FlaggedWithin15Percent} D{s.DipsStillFlaggedAtEnd}")));
            }
        }
    }
}
