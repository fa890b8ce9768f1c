using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Series;

/// <summary>
/// How noisy a channel's real posts are, measured the way the detector sees them, and how the detector does on them
/// (<see cref="SeriesDetectionOnRealExports"/>): robust spreads of x = log(engagements / impressions), virals, the slope of
/// x on reach, serial correlation, and semi-synthetic detection — pseudo-series drawn from the channel's own posts, left
/// alone (false alarms) or with a gap planted since an onset (recall). Pure functions of the posts and a seed.
/// </summary>
internal static class RealNoise
{
    /// <summary>The detector's minimum of a content type's posts before it is its own reference.</summary>
    private const int MinimumTypePosts = SeriesDetectionDefaults.MinimumContentTypePosts;

    /// <summary>The detector's rated posts: lifetime snapshots with impressions and an engagement component, oldest first.</summary>
    public static IReadOnlyList<CanonicalPost> Rated(IEnumerable<CanonicalPost> posts) =>
        [.. posts.Where(p => p.Kind == ExportKind.Posts && p.Impressions is > 0 && Engagement.Of(p) is not null)
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.PostId, StringComparer.Ordinal)];

    /// <summary>x = log(engagements / impressions); a post with 0 engagements counts as ½, as in the detector.</summary>
    public static double LogRate(CanonicalPost post) =>
        Math.Log(Math.Max(Engagement.Of(post)!.Value, 0.5) / post.Impressions!.Value);

    /// <summary>1.4826 × the median absolute deviation: the detector's own robust spread.</summary>
    public static double RobustSigma(IReadOnlyCollection<double> values) =>
        values.Count == 0 ? double.NaN : SeriesStatistics.RobustSigma(values);

    /// <summary>
    /// x less the median of its content type, where the type has at least the detector's minimum of posts (else less the
    /// median of those smaller types together): the type effects removed, as the detector pools its spread.
    /// </summary>
    public static double[] TypeResiduals(IReadOnlyList<CanonicalPost> posts)
    {
        var x = posts.Select(LogRate).ToArray();
        var byType = Enumerable.Range(0, posts.Count).GroupBy(i => posts[i].ContentType, StringComparer.Ordinal).ToList();
        var small = byType.Where(g => g.Count() < MinimumTypePosts).SelectMany(g => g).ToList();
        var r = new double[x.Length];
        foreach (var group in byType.Where(g => g.Count() >= MinimumTypePosts).Append(small.GroupBy(_ => "").FirstOrDefault()))
        {
            if (group is null)
            {
                continue;
            }

            var median = SeriesStatistics.Median(group.Select(i => x[i]));
            foreach (var i in group)
            {
                r[i] = x[i] - median;
            }
        }

        return r;
    }

    /// <summary>
    /// The type-adjusted robust spread the detector sees: for every post (oldest first) the trailing <paramref name="days"/>
    /// ending at it, when it holds at least <paramref name="minimumPosts"/>; the median over those windows and how many there were.
    /// </summary>
    public static (double Sigma, int Windows) WindowSigma(IReadOnlyList<CanonicalPost> posts, int days = 90, int minimumPosts = 20)
    {
        var sigmas = new List<double>();
        var from = 0;
        for (var end = 0; end < posts.Count; end++)
        {
            while (posts[from].PublishedAt <= posts[end].PublishedAt.AddDays(-days))
            {
                from++;
            }

            if (end - from + 1 >= minimumPosts)
            {
                sigmas.Add(RobustSigma(TypeResiduals([.. posts.Skip(from).Take(end - from + 1)])));
            }
        }

        return (sigmas.Count == 0 ? double.NaN : SeriesStatistics.Median(sigmas), sigmas.Count);
    }

    /// <summary>Least-squares slope of <paramref name="y"/> on <paramref name="x"/>.</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        return sxx == 0 ? double.NaN : sxy / sxx;
    }

    /// <summary>Lag-1 autocorrelation of a sequence (in the order given).</summary>
    public static double Lag1(IReadOnlyList<double> values)
    {
        var m = values.Average();
        double num = 0, den = 0;
        for (var i = 0; i < values.Count; i++)
        {
            den += (values[i] - m) * (values[i] - m);
            if (i > 0)
            {
                num += (values[i] - m) * (values[i - 1] - m);
            }
        }

        return den == 0 ? double.NaN : num / den;
    }

    /// <summary>Everything measured on one channel's rated posts (oldest first), before any detection.</summary>
    public static ChannelProfile Profile(IReadOnlyList<CanonicalPost> posts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(posts.Count, 2);
        var x = posts.Select(LogRate).ToArray();
        var r = TypeResiduals(posts);
        var sigmaAdjusted = RobustSigma(r);
        var first = posts[0].PublishedAt;
        var spanDays = (posts[^1].PublishedAt - first).TotalDays;
        var weeks = (int)Math.Floor(spanDays / 7) + 1;
        var weeksWithPost = posts.Select(p => (int)Math.Floor((p.PublishedAt - first).TotalDays / 7)).Distinct().Count();
        var logImpressions = posts.Select(p => Math.Log(p.Impressions!.Value)).ToArray();
        var (windowSigma, windows) = WindowSigma(posts);
        return new ChannelProfile
        {
            Channel = posts[0].Channel,
            Posts = posts.Count,
            TypeMix = [.. posts.GroupBy(p => p.ContentType, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).OrderByDescending(t => t.Item2)],
            SpanWeeks = spanDays / 7,
            PostsPerWeek = posts.Count / Math.Max(spanDays / 7, 1),
            EmptyWeekShare = 1 - ((double)weeksWithPost / weeks),
            Sigma = RobustSigma(x),
            SigmaTypeAdjusted = sigmaAdjusted,
            SigmaWindow = windowSigma,
            Windows = windows,
            AboveTwoSigmaShare = r.Count(v => v > 2 * sigmaAdjusted) / (double)r.Length,
            ThreeTimesMedianShare = r.Count(v => v >= Math.Log(3)) / (double)r.Length,
            Slope = Slope(logImpressions, x),
            SlopeTypeAdjusted = Slope(logImpressions, r),
            Lag1 = Lag1(x),
            Lag1TypeAdjusted = Lag1(r),
            MedianImpressions = SeriesStatistics.Median(posts.Select(p => (double)p.Impressions!.Value)),
            MedianRate = Math.Exp(SeriesStatistics.Median(x)),
            MedianEngagements = SeriesStatistics.Median(posts.Select(p => (double)Engagement.Of(p)!.Value)),
        };
    }

    /// <summary>
    /// A pseudo-series of the channel's own posts (indices into <paramref name="posts"/>, oldest first): every k-th post in
    /// time order, k the channel's posts per week rounded (at least 2, so the rest stays a baseline), from a random phase,
    /// 8–26 posts, all within the detector's 182-day history of the last. Null when the channel cannot hold one.
    /// </summary>
    public static int[]? DrawSeries(IReadOnlyList<CanonicalPost> posts, double postsPerWeek, Random random, int minimumPosts = 8, int maximumPosts = 26) =>
        DrawSeries(posts, [.. Enumerable.Range(0, posts.Count)], postsPerWeek, minimumStep: 2, random, minimumPosts, maximumPosts);

    /// <summary>
    /// The same draw from a <paramref name="pool"/> of the channel's posts (indices, oldest first; e.g. its high-reach
    /// tercile): every k-th post of the pool, k the pool's posts per week rounded, at least <paramref name="minimumStep"/>
    /// (1 is enough when the pool is a third of the channel: the rest stays a baseline). About one post a week either way,
    /// the cadence of the draw from all posts. The whole channel as the pool with a step of at least 2 is that draw, random
    /// numbers and all.
    /// </summary>
    public static int[]? DrawSeries(IReadOnlyList<CanonicalPost> posts, IReadOnlyList<int> pool, double poolPostsPerWeek, int minimumStep, Random random, int minimumPosts = 8, int maximumPosts = 26)
    {
        // A short file of a busy channel (78 posts in 4 weeks) holds no 8 weekly posts: k then shrinks so that it does,
        // never below the minimum step. The detector counts posts in its window, not weeks.
        var k = Math.Max(minimumStep, Math.Min((int)Math.Round(poolPostsPerWeek), (pool.Count - 1) / (minimumPosts - 1)));
        var length = random.Next(minimumPosts, maximumPosts + 1);
        var room = ((pool.Count - 1) / k) + 1;
        length = Math.Min(length, room);
        if (length < minimumPosts)
        {
            return null;
        }

        var start = random.Next(0, pool.Count - ((length - 1) * k));
        var indices = Enumerable.Range(0, length).Select(j => pool[start + (j * k)]).ToList();
        var last = posts[indices[^1]].PublishedAt;
        indices.RemoveAll(i => posts[i].PublishedAt <= last.AddDays(-(SeriesDetectionDefaults.HistoryDays - 2)));
        return indices.Count >= minimumPosts ? [.. indices] : null;
    }

    /// <summary>
    /// Each post's reach against its neighbours: log impressions less the median log impressions of the posts of its
    /// reference group (content type; small types pooled, as in <see cref="TypeResiduals"/>) in the trailing
    /// <paramref name="days"/> ending at it — what the detector's 90-day window sees. Against the whole history instead, a
    /// growing account's "high-reach" posts would simply be its recent ones.
    /// </summary>
    public static double[] RelativeReach(IReadOnlyList<CanonicalPost> posts, int days = SeriesDetectionDefaults.BaselineDays)
    {
        var relative = new double[posts.Count];
        foreach (var group in ReferenceGroups(posts))
        {
            var from = 0;
            for (var g = 0; g < group.Count; g++)
            {
                while (posts[group[from]].PublishedAt <= posts[group[g]].PublishedAt.AddDays(-days))
                {
                    from++;
                }

                var median = SeriesStatistics.Median(group.Skip(from).Take(g - from + 1).Select(i => Math.Log(posts[i].Impressions!.Value)));
                relative[group[g]] = Math.Log(posts[group[g]].Impressions!.Value) - median;
            }
        }

        return relative;
    }

    /// <summary>
    /// Each post's reach tercile within its reference group (0 low, 1 middle, 2 high), by rank of its
    /// <see cref="RelativeReach"/> among the group's posts (ties in time order). Within type, so that a type's usual reach
    /// is not mistaken for a series' reach.
    /// </summary>
    public static int[] ReachTerciles(IReadOnlyList<CanonicalPost> posts)
    {
        var relative = RelativeReach(posts);
        var terciles = new int[posts.Count];
        foreach (var group in ReferenceGroups(posts))
        {
            var ranked = group.OrderBy(i => relative[i]).ThenBy(i => i).ToList();
            for (var rank = 0; rank < ranked.Count; rank++)
            {
                terciles[ranked[rank]] = rank * 3 / ranked.Count;
            }
        }

        return terciles;
    }

    /// <summary>
    /// How much more reach a series has than what the detector compares it with: the mean over its posts of log impressions
    /// less the mean log impressions of the other (not in the series) posts of the post's reference group in the trailing
    /// <paramref name="days"/> ending at it (all other posts there when the group has none). 0.69 is twice the reach. With
    /// the channel's slope of x on log impressions b, a series of typical posts for its reach shows a gap of about
    /// e^(b × this) − 1.
    /// </summary>
    public static double ReachGap(IReadOnlyList<CanonicalPost> posts, IReadOnlyList<int> series, int days = SeriesDetectionDefaults.BaselineDays)
    {
        var inSeries = new HashSet<int>(series);
        var groupOf = new int[posts.Count];
        var g = 0;
        foreach (var group in ReferenceGroups(posts))
        {
            foreach (var i in group)
            {
                groupOf[i] = g;
            }

            g++;
        }

        return series.Average(i =>
        {
            var at = posts[i].PublishedAt;
            var window = Enumerable.Range(0, posts.Count)
                .Where(j => !inSeries.Contains(j) && posts[j].PublishedAt <= at && posts[j].PublishedAt > at.AddDays(-days)).ToList();
            var same = window.Where(j => groupOf[j] == groupOf[i]).ToList();
            var others = same.Count > 0 ? same : window;
            return others.Count == 0 ? 0 : Math.Log(posts[i].Impressions!.Value) - others.Average(j => Math.Log(posts[j].Impressions!.Value));
        });
    }

    /// <summary>The detector's reference groups of a channel's posts: each content type with enough posts, and the rest together.</summary>
    private static IEnumerable<List<int>> ReferenceGroups(IReadOnlyList<CanonicalPost> posts)
    {
        var byType = Enumerable.Range(0, posts.Count).GroupBy(i => posts[i].ContentType, StringComparer.Ordinal).ToList();
        var small = byType.Where(g => g.Count() < MinimumTypePosts).SelectMany(g => g).ToList();
        return byType.Where(g => g.Count() >= MinimumTypePosts).Select(g => g.ToList()).Append(small).Where(g => g.Count > 0);
    }

    /// <summary>
    /// The channel's posts with the pseudo-series named <paramref name="series"/> and every other post in no series; the
    /// series' posts from <paramref name="onset"/> on (an index into <paramref name="indices"/>) get their engagements
    /// multiplied by 1 − <paramref name="gap"/> and rounded to a count at random, up with the probability of the fraction
    /// (as one component: the detector sums them). Unbiased: on a channel whose posts get 0–2 engagements, rounding to the
    /// nearest would leave a 1 at 1 (0.5 and 0.6 both round up) and plant nothing.
    /// </summary>
    public static CanonicalPost[] Plant(IReadOnlyList<CanonicalPost> posts, IReadOnlyList<int> indices, string series, int onset, double gap, Random rounding)
    {
        var planted = posts.Select(p => p.Series is null ? p : p with { Series = null }).ToArray();
        for (var j = 0; j < indices.Count; j++)
        {
            var post = planted[indices[j]] with { Series = series };
            if (j >= onset && gap != 0)
            {
                var scaled = Engagement.Of(post)!.Value * (1 - gap);
                var engagements = (long)Math.Floor(scaled) + (rounding.NextDouble() < scaled - Math.Floor(scaled) ? 1 : 0);
                post = post with { Reactions = engagements, Comments = null, Shares = null, Saves = null, Clicks = null };
            }

            planted[indices[j]] = post;
        }

        return planted;
    }

    /// <summary>
    /// The benchmark's model of the same channel: each post keeps its time, impressions and content type, and its x is drawn
    /// afresh as its type's median plus <paramref name="sigma"/> × an independent normal (engagements rounded at random).
    /// No drift, no heavy tail, no reach effect, no serial correlation: what the real posts lose against their twin is
    /// what those cost the detector.
    /// </summary>
    public static CanonicalPost[] Twin(IReadOnlyList<CanonicalPost> posts, double sigma, Random random)
    {
        var r = TypeResiduals(posts);
        var twin = new CanonicalPost[posts.Count];
        for (var i = 0; i < posts.Count; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var scaled = Math.Exp(LogRate(posts[i]) - r[i] + (sigma * z)) * posts[i].Impressions!.Value;
            var engagements = (long)Math.Floor(scaled) + (random.NextDouble() < scaled - Math.Floor(scaled) ? 1 : 0);
            twin[i] = posts[i] with { Reactions = engagements, Comments = null, Shares = null, Saves = null, Clicks = null };
        }

        return twin;
    }

    /// <summary>One pseudo-series replayed by the detector (<see cref="SeriesDetector.Trace"/>, as the benchmark does).</summary>
    public static SeriesOutcome Evaluate(SeriesDetector detector, IReadOnlyList<CanonicalPost> posts, IReadOnlyList<int> indices, int onset, double gap, Random rounding)
    {
        const string Series = "pseudo-series";
        var planted = Plant(posts, indices, Series, onset, gap, rounding);
        var asOf = posts[indices[^1]].PublishedAt;
        var trace = detector.Trace(planted, Series, asOf);
        var statuses = new string[indices.Count];
        Array.Fill(statuses, SeriesStatus.InsufficientData);
        var at = indices.Select((i, j) => (posts[i].PublishedAt, j)).ToLookup(t => t.PublishedAt, t => t.j);
        foreach (var look in trace)
        {
            foreach (var j in at[look.At])
            {
                statuses[j] = look.Status;
            }
        }

        var firstFlag = Array.IndexOf(statuses, SeriesStatus.Underperforming);
        return new SeriesOutcome(statuses, firstFlag < 0 ? null : firstFlag, trace.Count);
    }

    /// <summary>
    /// Semi-synthetic detection on one channel: <paramref name="draws"/> pseudo-series (seeded), each replayed untouched and
    /// with every gap of <paramref name="gaps"/> planted since the same onset (uniform over the posts that leave at least 6
    /// weak ones), so the conditions are paired. <paramref name="selection"/> draws them from every post, or from the
    /// channel's high- or low-reach tercile within content type (<see cref="ReachTerciles"/>): a series that travels beyond
    /// the followers, or one that reaches fewer than the channel's usual post, untouched all the same.
    /// </summary>
    public static DetectionOnRealNoise Detect(SeriesDetector detector, IReadOnlyList<CanonicalPost> posts, double postsPerWeek, int draws, int seed, IReadOnlyList<double> gaps, ReachSelection selection = ReachSelection.Random)
    {
        var random = new Random(seed);
        var result = new DetectionOnRealNoise(gaps);
        int[] pool = [.. Enumerable.Range(0, posts.Count)];
        var (poolPerWeek, minimumStep) = (postsPerWeek, 2);
        if (selection != ReachSelection.Random)
        {
            var terciles = ReachTerciles(posts);
            var wanted = selection == ReachSelection.High ? 2 : 0;
            pool = [.. pool.Where(i => terciles[i] == wanted)];
            (poolPerWeek, minimumStep) = (postsPerWeek * pool.Length / posts.Count, 1);
        }

        for (var d = 0; d < draws; d++)
        {
            if (DrawSeries(posts, pool, poolPerWeek, minimumStep, random) is not { } indices)
            {
                continue;
            }

            result.ReachGaps.Add(ReachGap(posts, indices));

            var onset = random.Next(0, indices.Length - 5);
            var roundingSeed = random.Next();
            var untouched = Evaluate(detector, posts, indices, onset: 0, gap: 0, new Random(roundingSeed));
            result.Series++;
            result.Distinct.Add(string.Join(',', indices));
            result.SeriesPosts += indices.Length;
            result.JudgedLooks += untouched.Statuses.Count(s => s != SeriesStatus.InsufficientData);
            result.FlaggedAny += untouched.FirstFlag is null ? 0 : 1;
            result.AtRiskAtEnd += untouched.Statuses[^1] == SeriesStatus.AtRisk ? 1 : 0;
            result.UnderperformingAtEnd += untouched.Statuses[^1] == SeriesStatus.Underperforming ? 1 : 0;
            for (var g = 0; g < gaps.Count; g++)
            {
                var planted = Evaluate(detector, posts, indices, onset, gaps[g], new Random(roundingSeed));
                if (planted.FirstFlag is { } flag && flag >= onset)
                {
                    result.Detected[g]++;
                    result.Delays[g].Add(flag - onset);
                }
                else if (planted.FirstFlag is not null)
                {
                    result.FlaggedBeforeOnset[g]++;
                }

                result.NotHealthyAtEnd[g] += planted.Statuses[^1] is SeriesStatus.AtRisk or SeriesStatus.Underperforming ? 1 : 0;
            }
        }

        return result;
    }
}

internal sealed record ChannelProfile
{
    public required string Channel { get; init; }
    public required int Posts { get; init; }
    public required IReadOnlyList<(string Type, int Posts)> TypeMix { get; init; }
    public required double SpanWeeks { get; init; }
    public required double PostsPerWeek { get; init; }
    public required double EmptyWeekShare { get; init; }
    public required double Sigma { get; init; }
    public required double SigmaTypeAdjusted { get; init; }
    public required double SigmaWindow { get; init; }
    public required int Windows { get; init; }
    public required double AboveTwoSigmaShare { get; init; }
    public required double ThreeTimesMedianShare { get; init; }
    public required double Slope { get; init; }
    public required double SlopeTypeAdjusted { get; init; }
    public required double Lag1 { get; init; }
    public required double Lag1TypeAdjusted { get; init; }
    public required double MedianImpressions { get; init; }
    public required double MedianRate { get; init; }

    /// <summary>A post with E engagements has a counting noise of about 1/√E on x: at a few engagements it dominates.</summary>
    public required double MedianEngagements { get; init; }
}

/// <summary>Which of a channel's posts pseudo-series are drawn from (<see cref="RealNoise.Detect"/>).</summary>
internal enum ReachSelection
{
    /// <summary>Every post: a series of typical reach.</summary>
    Random,

    /// <summary>The top reach tercile within content type.</summary>
    High,

    /// <summary>The bottom reach tercile within content type.</summary>
    Low,
}

/// <summary>A pseudo-series' status at each of its posts (insufficient-data where the replay had no look) and its first flag.</summary>
internal sealed record SeriesOutcome(string[] Statuses, int? FirstFlag, int Looks);

/// <summary>Tallies of <see cref="RealNoise.Detect"/> on one channel.</summary>
internal sealed class DetectionOnRealNoise(IReadOnlyList<double> gaps)
{
    public IReadOnlyList<double> Gaps { get; } = gaps;
    public int Series { get; set; }
    /// <summary>The different pseudo-series among the draws: a short file offers few (k phases × lengths).</summary>
    public HashSet<string> Distinct { get; } = new(StringComparer.Ordinal);
    public int SeriesPosts { get; set; }
    public int JudgedLooks { get; set; }
    public int FlaggedAny { get; set; }
    public int AtRiskAtEnd { get; set; }
    public int UnderperformingAtEnd { get; set; }
    public int[] Detected { get; } = new int[gaps.Count];
    public int[] FlaggedBeforeOnset { get; } = new int[gaps.Count];
    public int[] NotHealthyAtEnd { get; } = new int[gaps.Count];
    public List<int>[] Delays { get; } = [.. gaps.Select(_ => new List<int>())];

    /// <summary>Each drawn series' <see cref="RealNoise.ReachGap"/>: how far its reach is from the channel's usual (log).</summary>
    public List<double> ReachGaps { get; } = [];

    public double MeanReachGap => ReachGaps.Count == 0 ? double.NaN : ReachGaps.Average();

    public double Recall(int g) => Series == 0 ? double.NaN : Detected[g] / (double)Series;

    public double MedianDelay(int g) => Delays[g].Count == 0 ? double.NaN : SeriesStatistics.Median(Delays[g].Select(d => (double)d));
}
