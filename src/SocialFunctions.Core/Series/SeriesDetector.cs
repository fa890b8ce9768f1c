using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Series;

/// <summary>
/// Decides, per channel and series, whether the series is materially below the channel's other posts, using every post
/// since the estimated onset of the weakness. Pure: posts in, verdicts out. docs/series-detection.md explains the
/// statistics and the benchmark the thresholds were calibrated on.
/// </summary>
/// <remarks>
/// <para>At every post of the series (a "look"), over the trailing <see cref="SeriesDetectionOptions.BaselineDays"/>:</para>
/// <list type="number">
/// <item><b>Baseline, like with like.</b> The channel's other posts, grouped by content type. A type with at least
/// <see cref="SeriesDetectionOptions.MinimumContentTypePosts"/> of them is the reference of the series' posts of that type;
/// any other type falls back to all types, shifted towards what its few posts show (empirical Bayes) and with its unknown
/// type effect (τ²) added to the uncertainty. Log ER is capped to [median − 5σ̂, median + 2σ̂] of its reference (σ̂ robust,
/// MAD) so a viral hit cannot carry a set; weights are impressions capped at the baseline's median impressions.</item>
/// <item><b>Residuals.</b> Each series post's capped log ER minus its reference's weighted mean. The reference's sampling
/// variance is carried into the standard error; spreads are per unit of squared weight (Σw²r²/Σw²).</item>
/// <item><b>Onset scan.</b> For every start k of a segment ending at the latest post (at least
/// <see cref="SeriesDetectionOptions.MinimumPosts"/> posts): the segment's weighted mean residual, its standard error (the
/// channel's spread, widened by the series' own when that is larger, plus the reference's), and
/// T_k = (log(1 − δ) − level_k) / SE_k, the evidence that the series has been more than δ below its baseline since k. The
/// largest T_k is the statistic and its k the onset: a generalised likelihood-ratio scan (CUSUM family), so a series weak
/// from its first post is judged over all its posts in the window, one that turned weak over the posts since the turn.</item>
/// <item><b>Status.</b> Underperforming from T ≥ h (<see cref="SeriesDetectionOptions.FlagStatistic"/>, kept while
/// T ≥ h_keep); at-risk from T ≥ h_risk, or when the gap shown (since the onset, or over the whole window) is 30 % or more
/// below over 6 or more posts; healthy otherwise; insufficient data below the minimum posts.</item>
/// </list>
/// </remarks>
public sealed class SeriesDetector
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>Floor of the robust log spread: a channel whose posts all score the same still has some noise.</summary>
    private const double MinimumSigma = 0.02;

    private readonly double _marginLog;

    public SeriesDetector(SeriesDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _marginLog = Math.Log(1 - options.MarginGap);
    }

    public SeriesDetectionOptions Options { get; }

    /// <summary>
    /// Verdicts for every (channel, series) with at least one post in the history window ending at <paramref name="asOf"/>.
    /// <paramref name="posts"/> should hold the brand's posts from <c>asOf − (HistoryDays + BaselineDays)</c> to asOf.
    /// </summary>
    public IReadOnlyList<SeriesHealth> Detect(string brand, IEnumerable<CanonicalPost> posts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var results = new List<SeriesHealth>();
        var workspace = new Workspace();
        foreach (var channel in ChannelPosts.ByChannel(posts, asOf))
        {
            for (var s = 0; s < channel.SeriesNames.Length; s++)
            {
                var replay = Replay(channel, s, asOf, workspace, trace: null);
                if (replay.Looks > 0)
                {
                    results.Add(Summarise(brand, channel, s, replay, asOf));
                }
            }
        }

        return results;
    }

    /// <summary>The per-post replay of one series on one channel (for diagnostics and the benchmark).</summary>
    public IReadOnlyList<SeriesEvaluation> Trace(IEnumerable<CanonicalPost> channelPosts, string series, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(channelPosts);
        var trace = new List<SeriesEvaluation>();
        foreach (var channel in ChannelPosts.ByChannel(channelPosts, asOf))
        {
            var s = Array.IndexOf(channel.SeriesNames, series);
            if (s >= 0)
            {
                Replay(channel, s, asOf, new Workspace(), trace);
            }
        }

        return trace;
    }

    private SeriesHealth Summarise(string brand, ChannelPosts channel, int s, ReplayResult replay, DateTimeOffset asOf)
    {
        var last = replay.Last;
        var at = new DateTimeOffset(channel.Ticks[last.LookIndex], TimeSpan.Zero);
        var health = new SeriesHealth
        {
            Brand = brand,
            Channel = channel.Name,
            Series = channel.SeriesNames[s],
            Status = replay.Status,
            Since = replay.Since,
            BaselinePosts = last.BaselinePosts,
            Posts = last.Posts,
        };

        if (at <= asOf.AddDays(-Options.BaselineDays))
        {
            // Not posted within the window: no recent evidence, never flagged on old data.
            return health with { Status = SeriesStatus.InsufficientData, Posts = 0, Since = at.AddDays(Options.BaselineDays) };
        }

        if (!last.Sufficient)
        {
            return health;
        }

        var indices = channel.SeriesPostIndices[s];
        var points = new SeriesPostPoint[last.Posts];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = channel.Point(indices[last.SegmentStart + i]);
        }

        return health with
        {
            RecentEngagementRate = last.Recent,
            BaselineEngagementRate = last.Baseline,
            RelativeGap = last.Gap,
            OnsetAt = points[0].PublishedAt,
            PostsBelowMedian = last.Below,
            BaselineBasis = last.Basis,
            BaselineContentType = last.BasisType >= 0 ? channel.TypeNames[last.BasisType] : null,
            Statistic = last.Statistic,
            Confidence = SeriesStatistics.NormalCdf(last.Statistic),
            RecentPosts = points,
        };
    }

    private ReplayResult Replay(ChannelPosts channel, int s, DateTimeOffset asOf, Workspace workspace, List<SeriesEvaluation>? trace)
    {
        var indices = channel.SeriesPostIndices[s];
        var historyStart = asOf.AddDays(-Options.HistoryDays).UtcTicks;
        var window = Options.BaselineDays * TicksPerDay;
        var ticks = channel.Ticks;
        string? status = null;
        DateTimeOffset? since = null;
        var last = default(Look);
        int looks = 0, channelFrom = 0, seriesFrom = 0;
        for (var p = 0; p < indices.Length; p++)
        {
            var at = ticks[indices[p]];
            if (at < historyStart)
            {
                continue;
            }

            var from = at - window;
            while (ticks[channelFrom] <= from)
            {
                channelFrom++;
            }

            while (ticks[indices[seriesFrom]] <= from)
            {
                seriesFrom++;
            }

            var channelTo = indices[p] + 1;
            while (channelTo < ticks.Length && ticks[channelTo] <= at)
            {
                channelTo++;
            }

            var look = Evaluate(channel, s, channelFrom, channelTo, seriesFrom, p, workspace);
            look.LookIndex = indices[p];
            var next = Decide(look, status);
            if (next != status)
            {
                status = next;
                since = new DateTimeOffset(at, TimeSpan.Zero);
            }

            if (trace is not null)
            {
                trace.Add(ToEvaluation(channel, indices, look, looks, status, since));
            }

            looks++;
            last = look;
        }

        return new ReplayResult(looks, last, status ?? SeriesStatus.InsufficientData, since);
    }

    private string Decide(in Look look, string? previous)
    {
        if (!look.Sufficient)
        {
            return SeriesStatus.InsufficientData;
        }

        if (look.Statistic >= Options.FlagStatistic
            || (previous == SeriesStatus.Underperforming && look.Statistic >= Options.KeepStatistic))
        {
            return SeriesStatus.Underperforming;
        }

        return look.Statistic >= Options.AtRiskStatistic || look.WeakBeyondGap ? SeriesStatus.AtRisk : SeriesStatus.Healthy;
    }

    private static SeriesEvaluation ToEvaluation(ChannelPosts channel, int[] indices, in Look look, int index, string status, DateTimeOffset? since) => new()
    {
        PostIndex = index,
        At = new DateTimeOffset(channel.Ticks[look.LookIndex], TimeSpan.Zero),
        Status = status,
        Sufficient = look.Sufficient,
        Statistic = look.Sufficient ? look.Statistic : null,
        RecentEngagementRate = look.Sufficient ? look.Recent : null,
        BaselineEngagementRate = look.Sufficient ? look.Baseline : null,
        RelativeGap = look.Sufficient ? look.Gap : null,
        Confidence = look.Sufficient ? SeriesStatistics.NormalCdf(look.Statistic) : 0,
        Posts = look.Posts,
        OnsetAt = look.Sufficient ? new DateTimeOffset(channel.Ticks[indices[look.SegmentStart]], TimeSpan.Zero) : null,
        PostsBelowMedian = look.Below,
        BaselineBasis = look.Basis,
        BaselinePosts = look.BaselinePosts,
        Since = since,
    };

    /// <summary>
    /// One look: the series' posts <paramref name="seriesFrom"/>..<paramref name="seriesTo"/> (positions in its index list)
    /// against the channel's other posts in [<paramref name="channelFrom"/>, <paramref name="channelTo"/>).
    /// </summary>
    private Look Evaluate(ChannelPosts channel, int s, int channelFrom, int channelTo, int seriesFrom, int seriesTo, Workspace ws)
    {
        var windowPosts = seriesTo - seriesFrom + 1;
        ws.Ensure(channelTo - channelFrom, channel.TypeNames.Length);
        var n = 0;
        for (var i = channelFrom; i < channelTo; i++)
        {
            if (channel.Series[i] != s)
            {
                ws.X[n] = channel.LogRate[i];
                ws.R[n] = channel.Rate[i];
                ws.W[n] = channel.Impressions[i];
                ws.T[n] = channel.Type[i];
                n++;
            }
        }

        if (n < Options.MinimumBaselinePosts || windowPosts < Options.MinimumPosts)
        {
            return new Look { Posts = windowPosts, BaselinePosts = n };
        }

        var groups = BuildReference(ws, n, channel.TypeNames.Length);
        return Scan(channel, channel.SeriesPostIndices[s], seriesFrom, seriesTo, ws, groups, n);
    }

    /// <summary>The baseline's reference groups: one per content type with enough posts, and "all types" (the last).</summary>
    private int BuildReference(Workspace ws, int n, int types)
    {
        var x = ws.X;
        var w = ws.W;
        var sel = ws.Sel;
        var all = types;

        w.AsSpan(0, n).CopyTo(sel);
        var weightCap = Options.ImpressionCap * SeriesStatistics.MedianInPlace(sel.AsSpan(0, n));
        ws.WeightCap = weightCap;
        for (var i = 0; i < n; i++)
        {
            w[i] = Math.Min(w[i], weightCap);
        }

        // All types: robust centre and spread of log ER.
        x.AsSpan(0, n).CopyTo(sel);
        var medianAll = SeriesStatistics.MedianInPlace(sel.AsSpan(0, n));
        for (var i = 0; i < n; i++)
        {
            sel[i] = Math.Abs(x[i] - medianAll);
        }

        var sigmaAll = Math.Max(MinimumSigma, SeriesStatistics.MadToSigma * SeriesStatistics.MedianInPlace(sel.AsSpan(0, n)));
        ws.Median[all] = medianAll;
        ws.Low[all] = medianAll - (Options.LowerCapSigmas * sigmaAll);
        ws.High[all] = medianAll + (Options.UpperCapSigmas * sigmaAll);

        // Content types with enough posts: their own centre, and one spread pooled over them (type effects removed).
        Array.Clear(ws.Count, 0, types + 1);
        for (var i = 0; i < n; i++)
        {
            ws.Count[ws.T[i]]++;
        }

        var typed = 0;
        var offset = 0;
        for (var t = 0; t < types; t++)
        {
            ws.Offset[t] = offset;
            offset += ws.Count[t];
            ws.Qualifies[t] = ws.Count[t] >= Options.MinimumContentTypePosts;
            typed += ws.Qualifies[t] ? ws.Count[t] : 0;
        }

        if (typed > 0)
        {
            Array.Clear(ws.Fill, 0, types);
            for (var i = 0; i < n; i++)
            {
                var t = ws.T[i];
                sel[ws.Offset[t] + ws.Fill[t]++] = x[i];
            }

            for (var t = 0; t < types; t++)
            {
                if (ws.Qualifies[t])
                {
                    ws.Median[t] = SeriesStatistics.MedianInPlace(sel.AsSpan(ws.Offset[t], ws.Count[t]));
                }
            }

            var k = 0;
            for (var i = 0; i < n; i++)
            {
                var t = ws.T[i];
                if (ws.Qualifies[t])
                {
                    sel[k++] = Math.Abs(x[i] - ws.Median[t]);
                }
            }

            var sigmaTyped = Math.Max(MinimumSigma, SeriesStatistics.MadToSigma * SeriesStatistics.MedianInPlace(sel.AsSpan(0, k)));
            for (var t = 0; t < types; t++)
            {
                ws.Low[t] = ws.Median[t] - (Options.LowerCapSigmas * sigmaTyped);
                ws.High[t] = ws.Median[t] + (Options.UpperCapSigmas * sigmaTyped);
            }
        }

        // A type without enough posts is capped like all types are (its own median is too unsure to cap around).
        for (var t = 0; t < types; t++)
        {
            if (!ws.Qualifies[t])
            {
                ws.Low[t] = ws.Low[all];
                ws.High[t] = ws.High[all];
            }
        }

        // Weighted means of the capped values (the centres residuals are taken from) and of the capped ER.
        for (var g = 0; g <= types; g++)
        {
            ws.SumW[g] = ws.SumWy[g] = ws.SumWw[g] = ws.SumWRate[g] = ws.SumSq[g] = 0;
            ws.HighRate[g] = Math.Exp(ws.High[g]);
        }

        for (var i = 0; i < n; i++)
        {
            Accumulate(ws, all, x[i], ws.R[i], w[i]);
            Accumulate(ws, ws.T[i], x[i], ws.R[i], w[i]);
        }

        for (var g = 0; g <= types; g++)
        {
            if (ws.SumW[g] > 0)
            {
                ws.Centre[g] = ws.SumWy[g] / ws.SumW[g];
                ws.Rate[g] = ws.SumWRate[g] / ws.SumW[g];
            }
        }

        // Spreads per unit of squared weight (Σ w² r² / Σ w²): the variance of a weighted mean is Σ w² v, and a post's weight
        // and its variance go together (a viral post weighs most and strays most), so Σ w r² / Σ w would understate it.
        for (var i = 0; i < n; i++)
        {
            var ww = w[i] * w[i];
            var d = Math.Clamp(x[i], ws.Low[all], ws.High[all]) - ws.Centre[all];
            ws.SumSq[all] += ww * d * d;
            var t = ws.T[i];
            if (ws.Qualifies[t])
            {
                var e = Math.Clamp(x[i], ws.Low[t], ws.High[t]) - ws.Centre[t];
                ws.SumSq[t] += ww * e * e;
            }
        }

        // Per-post variance: the typed groups pooled (type effects removed, more posts), else all types'. A centre's variance
        // is Σ w² v / (Σ w)² over the group's own posts.
        var floor = MinimumSigma * MinimumSigma;
        ws.PostVariance[all] = Math.Max(floor, ws.SumSq[all] / ws.SumWw[all] * n / Math.Max(1, n - 1));
        ws.CentreVariance[all] = ws.PostVariance[all] * ws.SumWw[all] / (ws.SumW[all] * ws.SumW[all]);
        var within = ws.PostVariance[all];
        if (typed > 0)
        {
            double sq = 0, sww = 0;
            var typeGroups = 0;
            for (var t = 0; t < types; t++)
            {
                if (ws.Qualifies[t])
                {
                    sq += ws.SumSq[t];
                    sww += ws.SumWw[t];
                    typeGroups++;
                }
            }

            within = Math.Max(floor, sq / sww * typed / Math.Max(1, typed - typeGroups));
        }

        // A type with enough posts is its own reference. Any other falls back to all types, shifted towards what its few posts
        // show (empirical Bayes: the shift is shrunk by τ² / (τ² + its sampling variance)), and the type effect it cannot
        // measure (τ², a prior) is carried in the centre's variance: a link series in a channel of reels is not flagged for
        // being a link series.
        var tau2 = Options.ContentTypeEffectSigma * Options.ContentTypeEffectSigma;
        for (var t = 0; t < types; t++)
        {
            ws.PostVariance[t] = within;
            if (ws.Qualifies[t])
            {
                ws.CentreVariance[t] = within * ws.SumWw[t] / (ws.SumW[t] * ws.SumW[t]);
                continue;
            }

            var shift = 0.0;
            var unsure = tau2;
            if (ws.SumW[t] > 0)
            {
                var sampling = within * ws.SumWw[t] / (ws.SumW[t] * ws.SumW[t]);
                var shrink = tau2 / (tau2 + sampling);
                shift = shrink * (ws.Centre[t] - ws.Centre[all]);
                unsure = shrink * sampling;
            }

            ws.Centre[t] = ws.Centre[all] + shift;
            ws.CentreVariance[t] = ws.CentreVariance[all] + unsure;
            ws.Median[t] = ws.Median[all] + shift;
            ws.Rate[t] = ws.Rate[all] * Math.Exp(shift);
        }

        return types + 1;
    }

    private static void Accumulate(Workspace ws, int g, double x, double rate, double w)
    {
        ws.SumW[g] += w;
        ws.SumWy[g] += w * Math.Clamp(x, ws.Low[g], ws.High[g]);
        ws.SumWw[g] += w * w;
        // The rates shown cap viral posts only (a weak post is what they must show); capping the rate at exp(bound) is
        // capping its log, so no exp per post.
        ws.SumWRate[g] += w * Math.Min(rate, ws.HighRate[g]);
    }

    /// <summary>The onset scan over the series' posts in the window, against the reference groups.</summary>
    private Look Scan(ChannelPosts channel, int[] indices, int seriesFrom, int seriesTo, Workspace ws, int groups, int baselinePosts)
    {
        Array.Clear(ws.SegmentW, 0, groups);
        double sumW = 0, sumWr = 0, sumWw = 0, sumWwr = 0, sumWwrr = 0, sumWwVar = 0, sumWRate = 0, sumWRef = 0, centreVar = 0;
        int below = 0, typedPosts = 0, firstType = -1;
        var mixedTypes = false;
        var nu = Options.DispersionPriorWeight;
        var best = new Segment { Statistic = double.NegativeInfinity };
        var whole = default(Segment);
        for (var k = seriesTo; k >= seriesFrom; k--)
        {
            var i = indices[k];
            var g = channel.Type[i];
            var x = channel.LogRate[i];
            var w = Math.Min(channel.Impressions[i], ws.WeightCap);
            var y = Math.Clamp(x, ws.Low[g], ws.High[g]);
            var r = y - ws.Centre[g];
            sumW += w;
            sumWr += w * r;
            sumWw += w * w;
            sumWwr += w * w * r;
            sumWwrr += w * w * r * r;
            sumWwVar += w * w * ws.PostVariance[g];
            sumWRate += w * Math.Min(channel.Rate[i], ws.HighRate[g]);
            sumWRef += w * ws.Rate[g];
            var before = ws.SegmentW[g];
            ws.SegmentW[g] = before + w;
            centreVar += (((before + w) * (before + w)) - (before * before)) * ws.CentreVariance[g];
            below += x < ws.Median[g] ? 1 : 0;
            if (ws.Qualifies[g])
            {
                typedPosts++;
                mixedTypes |= firstType >= 0 && firstType != g;
                firstType = firstType < 0 ? g : firstType;
            }

            var m = seriesTo - k + 1;
            if (m < Options.MinimumPosts)
            {
                continue;
            }

            var referenceVariance = sumWwVar / sumWw;
            var mean = sumWr / sumW;
            // The series' own spread about its segment mean (per unit of squared weight, as the reference's), pooled with ν₀
            // pseudo-observations of the channel's; it only ever widens the interval.
            var ownSq = Math.Max(0, sumWwrr - (2 * mean * sumWwr) + (mean * mean * sumWw)) / sumWw * m;
            var pooled = ((nu * referenceVariance) + ownSq) / (nu + m - 1);
            var inflation = Math.Max(1, pooled / referenceVariance);
            var se = Math.Sqrt(((inflation * sumWwVar) + centreVar) / (sumW * sumW));
            var segment = new Segment
            {
                Start = k,
                Posts = m,
                Statistic = (_marginLog - mean) / se,
                Recent = sumWRate / sumW,
                Baseline = sumWRef / sumW,
                Below = below,
                Basis = typedPosts == m ? SeriesBaselineBasis.ContentType : typedPosts == 0 ? SeriesBaselineBasis.AllTypes : SeriesBaselineBasis.Mixed,
                BasisType = typedPosts == m && !mixedTypes ? firstType : -1,
            };
            if (segment.Statistic >= best.Statistic)
            {
                best = segment;
            }

            whole = segment;
        }

        // The evidence shown is the onset segment when it raises the status, else the whole window. Either way, a point
        // estimate shown 30 % or more below over 6 or more posts makes the series at least at-risk.
        var shown = best.Statistic >= Options.AtRiskStatistic || Weak(best) ? best : whole;
        var weak = Weak(best) || Weak(whole);
        return new Look
        {
            Sufficient = true,
            Statistic = best.Statistic,
            WeakBeyondGap = weak,
            Posts = shown.Posts,
            SegmentStart = shown.Start,
            Recent = shown.Recent,
            Baseline = shown.Baseline,
            Gap = shown.Gap,
            Below = shown.Below,
            Basis = shown.Basis,
            BasisType = shown.BasisType,
            BaselinePosts = baselinePosts,
        };
    }

    private bool Weak(in Segment segment) => segment.Posts >= Options.AtRiskPosts && segment.Gap <= -Options.AtRiskGap;

    private struct Segment
    {
        public int Start;
        public int Posts;
        public double Statistic;
        public double Recent;
        public double Baseline;
        public int Below;
        public string? Basis;
        public int BasisType;

        public readonly double Gap => (Recent / Baseline) - 1;
    }

    private struct Look
    {
        public bool Sufficient;
        public int LookIndex;
        public double Statistic;
        public bool WeakBeyondGap;
        public int Posts;
        public int SegmentStart;
        public double Recent;
        public double Baseline;
        public double Gap;
        public int Below;
        public string? Basis;
        public int BasisType;
        public int BaselinePosts;
    }

    private sealed record ReplayResult(int Looks, Look Last, string Status, DateTimeOffset? Since);

    /// <summary>Scratch buffers reused across looks and series (the detector must not allocate per post).</summary>
    private sealed class Workspace
    {
        public double[] X = [];
        public double[] W = [];
        public double[] R = [];
        public double[] Sel = [];
        public int[] T = [];
        public int[] Count = [];
        public int[] Offset = [];
        public int[] Fill = [];
        public bool[] Qualifies = [];
        public double[] Median = [];
        public double[] Low = [];
        public double[] High = [];
        public double[] HighRate = [];
        public double[] SumW = [];
        public double[] SumWy = [];
        public double[] SumWw = [];
        public double[] SumWRate = [];
        public double[] SumSq = [];
        public double[] Centre = [];
        public double[] Rate = [];
        public double[] PostVariance = [];
        public double[] CentreVariance = [];
        public double[] SegmentW = [];
        public double WeightCap;

        public void Ensure(int posts, int types)
        {
            if (X.Length < posts)
            {
                var size = Math.Max(posts, X.Length * 2);
                X = new double[size];
                W = new double[size];
                R = new double[size];
                Sel = new double[size];
                T = new int[size];
            }

            if (Count.Length < types + 1)
            {
                var g = types + 1;
                Count = new int[g];
                Offset = new int[g];
                Fill = new int[g];
                Qualifies = new bool[g];
                Median = new double[g];
                Low = new double[g];
                High = new double[g];
                HighRate = new double[g];
                SumW = new double[g];
                SumWy = new double[g];
                SumWw = new double[g];
                SumWRate = new double[g];
                SumSq = new double[g];
                Centre = new double[g];
                Rate = new double[g];
                PostVariance = new double[g];
                CentreVariance = new double[g];
                SegmentW = new double[g];
            }
        }
    }
}
