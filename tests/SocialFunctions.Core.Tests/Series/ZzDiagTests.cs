using System.Globalization;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

public sealed class ZzDiagTests(ITestOutputHelper output)
{
    [Fact]
    public void Diag_FlaggedNegatives_Printed()
    {
        var c = CultureInfo.InvariantCulture;
        var detector = new SeriesDetector(new SeriesDetectionOptions());
        foreach (var seed in new[] { 20261123, 20261124, 20261125 })
        {
            var (posts, truth) = new SyntheticSeriesGenerator(seed, 0.20).Generate(60);
            var byChannel = posts.GroupBy(p => p.Channel).ToDictionary(g => g.Key, g => g.ToList());
            var asOf = SyntheticSeriesGenerator.AsOf;
            var biases = new List<double>();
            var recBias = new List<double>();
            foreach (var planted in truth)
            {
                var chPosts = byChannel[planted.Channel];
                var trace = detector.Trace(chPosts, planted.Series, asOf);
                foreach (var e in trace.Where(e => e.Sufficient))
                {
                    biases.Add(Math.Log(e.BaselineEngagementRate!.Value / planted.ChannelRate));
                    if (!planted.IsUnderperforming && planted.Scenario != SeriesScenario.Sparse)
                        recBias.Add(Math.Log(e.RecentEngagementRate!.Value / (planted.ChannelRate * (1 + planted.TrueGap))));
                }
                if (planted.IsUnderperforming) continue;
                var first = trace.FirstOrDefault(e => e.Status == SeriesStatus.Underperforming);
                if (first is null) continue;
                var fe = trace[first.PostIndex];
                if (seed == 20261124 && (planted.Channel == "ch0197" || planted.Channel == "ch0226"))
                {
                    foreach (var p in chPosts.OrderBy(p => p.PublishedAt).Where(p => p.PublishedAt <= first.At && p.PublishedAt > first.At.AddDays(-90)))
                        output.WriteLine(string.Format(c, "seed  post {0:MM-dd HH:mm} {1,-12} imp {2,7} eng {3,5} er/true {4:0.000}", p.PublishedAt, p.Series ?? "-", p.Impressions, p.Reactions, (double)p.Reactions!.Value / p.Impressions!.Value / planted.ChannelRate));
                    foreach (var e in trace.Take(first.PostIndex + 1))
                        output.WriteLine(string.Format(c, "seed  ev {0} gap {1:0.000} ub {2:0.000} base/true {3:0.000} nb {4}", e.PostIndex, e.RelativeGap, e.GapUpperBound, e.BaselineEngagementRate / planted.ChannelRate, e.BaselinePosts));
                    output.WriteLine(string.Format(c, "seed  channelRate {0:0.0000}", planted.ChannelRate));
                }
                output.WriteLine(string.Format(c, "seed {0} FLAG {1}/{2} trueGap {3:0.000} idx {4} gap {5:0.000} base/true {6:0.000} rec/trueRec {7:0.000}", seed, planted.Channel, planted.Series, planted.TrueGap, first.PostIndex, fe.RelativeGap, fe.BaselineEngagementRate / planted.ChannelRate, fe.RecentEngagementRate / (planted.ChannelRate * (1 + planted.TrueGap))));
            }
            biases.Sort(); recBias.Sort();
            output.WriteLine(string.Format(c, "seed {0} mean log(baseline/channelRate) {1:0.0000} median {2:0.0000}; negatives mean log(recent/true) {3:0.0000} median {4:0.0000}", seed, biases.Average(), biases[biases.Count / 2], recBias.Average(), recBias[recBias.Count / 2]));
        }
    }
}
