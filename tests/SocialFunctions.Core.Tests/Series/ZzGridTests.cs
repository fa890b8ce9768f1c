using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

public sealed class ZzGridTests(ITestOutputHelper output)
{
    [Fact]
    public void Grid_Variants_Printed()
    {
        var variants = new (string Name, bool C, bool B, bool T, SeriesDetectionOptions O)[]
        {
            ("orig", false, false, false, new()),
            ("count", true, false, false, new()),
            ("base", false, true, false, new()),
            ("t", false, false, true, new()),
            ("count+base", true, true, false, new()),
            ("all", true, true, true, new()),
        };
        foreach (var v in variants)
        {
            SeriesDetector.Experiment.CountNoise = v.C;
            SeriesDetector.Experiment.BaselineError = v.B;
            SeriesDetector.Experiment.StudentT = v.T;
            foreach (var seed in new[] { 20261123, 20261124, 20261125 })
            {
                var s = SeriesDetectionBenchmark.Run(new SeriesDetector(v.O), seed, 0.20, 60);
                output.WriteLine($"{v.Name,-12} {seed} {s.ToMarkdownRow()}");
            }
        }
    }
}
