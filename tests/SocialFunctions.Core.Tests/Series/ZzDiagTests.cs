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
        foreach (var seed in new[] { 20261123, 1, 2 })
        {
            var (posts, truth) = new SyntheticSeriesGenerator(seed, 0.20).Generate(60);
            var asOf = SyntheticSeriesGenerator.AsOf;
            foreach (var planted in truth.Where(t => !t.IsUnderperforming))
            {
                var chPosts = posts.Where(p => p.Channel == planted.Channel).ToList();
                var trace = detector.Trace(chPosts, planted.Series, asOf);
                var first = trace.FirstOrDefault(e => e.Status == SeriesStatus.Underperforming);
                if (first is null) continue;
                output.WriteLine($"seed {seed} FLAG {planted.Channel}/{planted.Series} {planted.Scenario} trueGap {planted.TrueGap:0.000} at idx {first.PostIndex} {first.At:yyyy-MM-dd}");
                foreach (var e in trace)
                    output.WriteLine(string.Format(c, "  ev {0,2} {1:yyyy-MM-dd} {2,-16} rec {3:0.00000} base {4:0.00000} gap {5:0.000} ub {6:0.000} conf {7:0.000} n {8} nb {9}", e.PostIndex, e.At, e.Status, e.RecentEngagementRate, e.BaselineEngagementRate, e.RelativeGap, e.GapUpperBound, e.Confidence, e.Posts, e.BaselinePosts));
                foreach (var p in chPosts.OrderBy(p => p.PublishedAt))
                {
                    if (p.PublishedAt > first.At || p.PublishedAt <= first.At.AddDays(-90)) continue;
                    var er = (double)p.Reactions!.Value / p.Impressions!.Value;
                    output.WriteLine(string.Format(c, "  post {0:yyyy-MM-dd HH:mm} {1,-12} imp {2,8} eng {3,6} er {4:0.00000}", p.PublishedAt, p.Series ?? "-", p.Impressions, p.Reactions, er));
                }
            }
        }
    }
}
