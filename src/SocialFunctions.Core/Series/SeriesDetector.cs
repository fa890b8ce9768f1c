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
/// <item><b>Evidence since each onset.</b> For every start k of a segment ending at the latest post (at least
/// <see cref="SeriesDetectionOptions.MinimumPosts"/> posts): the segment's weighted mean residual m_k, its standard error
/// s_k (the channel's spread, widened by the series' own when that is larger, plus the reference's), and the Bayes factor
/// B_k of "weak since k" (a level 30–60 % below) against "within 15 %" — each hypothesis a normal prior on the level with
/// the mean and variance of a uniform over its band, so B_k = N(m_k; μ₁, s_k² + s₁²) / N(m_k; μ₀, s_k² + s₀²).</item>
/// <item><b>Mixture over onsets.</b> The statistic is log of the prior-weighted mean of B_k over the onsets: a
/// Shiryaev–Roberts-style mixture rather than the maximum, so every onset's evidence adds up and the price of not knowing
/// the onset is a log of the prior, not a scan's multiplicity. Half the prior
/// (<see cref="SeriesDetectionOptions.WholeWindowOnsetPrior"/>) is on the window's first post — a series weak from its
/// first post, or since before the window — and the rest is spread evenly over the later onsets. The onset shown is the k
/// of the largest B_k. A series weak from its first post is judged over all its posts in the window, one that turned weak
/// over the posts since the turn.</item>
/// <item><b>Status.</b> Underperforming from log B ≥ h (<see cref="SeriesDetectionOptions.FlagStatistic"/>, calibrated;
/// kept while ≥ <see cref="SeriesDetectionOptions.KeepStatistic"/>); at-risk from log B ≥ 0 (weak at least as likely as
/// not), or when the gap shown (since the onset, or over the whole window) is 30 % or more below over 6 or more posts;
/// healthy otherwise; insufficient data below the minimum posts.</item>
/// </list>
/// </remarks>
public sealed class SeriesDetector
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>
    /// How often, in days, the baseline's robust quantities (medians, spreads, caps) are recomputed while a channel is
    /// replayed. Its sums follow every post in and out of the window exactly; the medians of a 90-day window that shares
    /// two thirds of its posts barely move, and recomputing them at every post cost ten times the rest of the detector.
    /// </summary>
    private const int ReferenceRefreshDays = 28;

    /// <summary>
    /// A mixture term this far (in log) below the largest cannot change the running sum: it is then at least 1 (the largest
    /// term's own), and e^−37 ≈ 8.5e−17 is below half its last digit (2^−53), so adding it rounds back to the same double.
    /// Skipping its exponential leaves the statistic bit for bit as it was.
    /// </summary>
    private const double NegligibleLogTerm = 37;

    /// <summary>Floor of the robust log spread: a channel whose posts all score the same still has some noise.</summary>
    private const double MinimumSigma = 0.02;

    // The two hypotheses of the test, on the log scale (log(1 + gap) of the series against its baseline): the level of a
    // weak series, normal with the mean and variance of a uniform over the weak band, and that of a series within the null
    // band likewise. Moment-matched normals give the Bayes factor in closed form (a few operations per onset).
    private readonly double _weakCentre, _weakSpread2, _nullCentre, _nullSpread2;

    // Research options (SeriesDetectionOptions): the defaults leave every figure as it was, bit for bit.
    private readonly SeriesStatisticWeights _weights;
    private readonly SeriesSignEvidence _sign;

    public SeriesDetector(SeriesDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NullGap >= options.WeakGapFrom || options.WeakGapFrom >= options.WeakGapTo)
        {
            throw new ArgumentException(
                $"Series detection needs NullGap < WeakGapFrom < WeakGapTo (got {options.NullGap}, {options.WeakGapFrom}, {options.WeakGapTo}).", nameof(options));
        }

        Options = options;
        var (weakLow, weakHigh) = (Math.Log(1 - options.WeakGapTo), Math.Log(1 - options.WeakGapFrom));
        var (nullLow, nullHigh) = (Math.Log(1 - options.NullGap), Math.Log(1 + options.NullGap));
        _weakCentre = (weakLow + weakHigh) / 2;
        _weakSpread2 = (weakHigh - weakLow) * (weakHigh - weakLow) / 12;
        _nullCentre = (nullLow + nullHigh) / 2;
        _nullSpread2 = (nullHigh - nullLow) * (nullHigh - nullLow) / 12;
        _weights = options.StatisticWeights;
        _sign = options.SignEvidence;
    }

    public SeriesDetectionOptions Options { get; }

    /// <summary>
    /// Verdicts for every (channel, series) with at least one post in the history window ending at <paramref name="asOf"/>.
    /// <paramref name="posts"/> should hold the brand's posts from <c>asOf − (HistoryDays + BaselineDays)</c> to asOf.
    /// </summary>
    public IReadOnlyList<SeriesHealth> Detect(string brand, IEnumerable<CanonicalPost> posts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(posts);

        // Channels are independent: replayed in parallel (one workspace per worker), the verdicts kept in channel order.
        using var groups = ChannelGroups.Of(posts, asOf);
        var perChannel = new List<SeriesHealth>[groups.Count];
        Parallel.For(
            0,
            groups.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new Workspace(),
            (c, _, workspace) =>
            {
                var channel = workspace.Channel = ChannelPosts.Of(groups.Name(c), groups.Posts(c), workspace.Channel);
                var states = Replay(channel, only: -1, asOf, workspace, trace: null);
                var verdicts = new List<SeriesHealth>(states.Length);
                for (var s = 0; s < states.Length; s++)
                {
                    if (states[s].Looks > 0)
                    {
                        verdicts.Add(Summarise(brand, channel, s, states[s], asOf));
                    }
                }

                perChannel[c] = verdicts;
                return workspace;
            },
            static _ => { });
        return [.. perChannel.SelectMany(v => v)];
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

    private SeriesHealth Summarise(string brand, ChannelPosts channel, int s, SeriesState state, DateTimeOffset asOf)
    {
        var last = state.Last;
        var at = new DateTimeOffset(channel.Ticks[last.LookIndex], TimeSpan.Zero);
        var health = new SeriesHealth
        {
            Brand = brand,
            Channel = channel.Name,
            Series = channel.SeriesNames[s],
            Status = state.Status ?? SeriesStatus.InsufficientData,
            Since = state.Since,
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
            Confidence = SeriesStatistics.Logistic(last.Statistic),
            RecentPosts = points,
        };
    }

    /// <summary>
    /// Replays a channel post by post: every post of a series (of <paramref name="only"/>, or of all when −1) within the
    /// history is a look, judged against the channel's other posts in the window ending at it. The window's sums move with
    /// the looks; its medians and caps are refreshed every <see cref="ReferenceRefreshDays"/>.
    /// </summary>
    private SeriesState[] Replay(ChannelPosts channel, int only, DateTimeOffset asOf, Workspace ws, List<SeriesEvaluation>? trace)
    {
        var states = new SeriesState[channel.SeriesNames.Length];
        for (var s = 0; s < states.Length; s++)
        {
            states[s] = new SeriesState();
        }

        var ticks = channel.Ticks;
        var count = channel.Count;
        var historyStart = asOf.AddDays(-Options.HistoryDays).UtcTicks;
        var window = Options.BaselineDays * TicksPerDay;
        var longWindow = Math.Max(Options.HistoryDays, Options.BaselineDays) * TicksPerDay;
        var offsetsOverHistory = Options.ContentTypeOffsetsOverHistory;
        ws.Ensure(count, channel.TypeNames.Length);
        int from = 0, to = 0, fromLong = 0;
        var refreshAt = long.MinValue;
        for (var i = 0; i < count; i++)
        {
            var s = channel.Series[i];
            if (s < 0)
            {
                continue;
            }

            var state = states[s];
            var position = state.Position++;
            var at = ticks[i];
            if ((only >= 0 && s != only) || at < historyStart)
            {
                continue;
            }

            var start = at - window;
            var startLong = at - longWindow;
            if (at >= refreshAt)
            {
                while (to < count && ticks[to] <= at)
                {
                    to++;
                }

                while (ticks[from] <= start)
                {
                    from++;
                }

                Refresh(channel, from, to, ws);
                if (offsetsOverHistory)
                {
                    while (ticks[fromLong] <= startLong)
                    {
                        fromLong++;
                    }

                    RefreshLong(channel, fromLong, to, ws);
                }

                refreshAt = at + (ReferenceRefreshDays * TicksPerDay);
            }
            else
            {
                while (to < count && ticks[to] <= at)
                {
                    if (offsetsOverHistory)
                    {
                        Add(channel, to, ws, 1, ws.TypeSumsLong, ws.AllSumsLong);
                    }

                    Add(channel, to++, ws, 1, ws.TypeSums, ws.AllSums);
                }

                while (ticks[from] <= start)
                {
                    Add(channel, from++, ws, -1, ws.TypeSums, ws.AllSums);
                }

                while (offsetsOverHistory && ticks[fromLong] <= startLong)
                {
                    Add(channel, fromLong++, ws, -1, ws.TypeSumsLong, ws.AllSumsLong);
                }
            }

            var indices = channel.SeriesPostIndices[s];
            while (ticks[indices[state.From]] <= start)
            {
                state.From++;
            }

            while (offsetsOverHistory && ticks[indices[state.FromLong]] <= startLong)
            {
                state.FromLong++;
            }

            var look = Evaluate(channel, s, state, state.From, position, to - from, ws);
            look.LookIndex = i;
            var next = Decide(look, state.Status);
            if (next != state.Status)
            {
                state.Status = next;
                state.Since = new DateTimeOffset(at, TimeSpan.Zero);
            }

            trace?.Add(ToEvaluation(channel, indices, look, state.Looks, next, state.Since));
            state.Looks++;
            state.Last = look;
        }

        return states;
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
        Confidence = look.Sufficient ? SeriesStatistics.Logistic(look.Statistic) : 0,
        Posts = look.Posts,
        OnsetAt = look.Sufficient ? new DateTimeOffset(channel.Ticks[indices[look.SegmentStart]], TimeSpan.Zero) : null,
        PostsBelowMedian = look.Below,
        BaselineBasis = look.Basis,
        BaselinePosts = look.BaselinePosts,
        Since = since,
    };

    /// <summary>
    /// The robust quantities of the window [<paramref name="from"/>, <paramref name="to"/>) — weight cap, medians, spreads
    /// and caps, all types and per content type with enough posts — and its sums recomputed under them. The series' own
    /// posts are in these medians (a series is a small part of a channel; medians barely move); they are taken out of every
    /// sum at each look.
    /// </summary>
    private void Refresh(ChannelPosts channel, int from, int to, Workspace ws)
    {
        var types = channel.TypeNames.Length;
        var n = to - from;
        var sel = ws.Sel;
        ws.Epoch++;
        if (n > 0)
        {
            channel.Impressions.AsSpan(from, n).CopyTo(sel);
            ws.WeightCap = Options.ImpressionCap * SeriesStatistics.MedianInPlace(sel.AsSpan(0, n));
            channel.LogRate.AsSpan(from, n).CopyTo(sel);
            ws.MedianAll = SeriesStatistics.MedianInPlace(sel.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                sel[i] = Math.Abs(channel.LogRate[from + i] - ws.MedianAll);
            }

            var sigmaAll = Math.Max(MinimumSigma, SeriesStatistics.MadToSigma * SeriesStatistics.MedianInPlace(sel.AsSpan(0, n)));
            ws.Sigma2 = sigmaAll * sigmaAll;
            ws.ReferencePosts = n;
            ws.LowAll = ws.MedianAll - (Options.LowerCapSigmas * sigmaAll);
            ws.HighAll = ws.MedianAll + (Options.UpperCapSigmas * sigmaAll);
            ws.HighRateAll = Math.Exp(ws.HighAll);
        }

        // Content types with enough posts get their own centre for capping, and one spread pooled over them.
        Array.Clear(ws.Count, 0, types);
        for (var i = from; i < to; i++)
        {
            ws.Count[channel.Type[i]]++;
        }

        var offset = 0;
        var typed = 0;
        for (var t = 0; t < types; t++)
        {
            ws.Offset[t] = offset;
            offset += ws.Count[t];
            ws.HasCaps[t] = ws.Count[t] >= Options.MinimumContentTypePosts;
            typed += ws.HasCaps[t] ? ws.Count[t] : 0;
            ws.TypeMedian[t] = ws.MedianAll;
            ws.Low[t] = ws.LowAll;
            ws.High[t] = ws.HighAll;
        }

        if (typed > 0)
        {
            Array.Clear(ws.Fill, 0, types);
            for (var i = from; i < to; i++)
            {
                var t = channel.Type[i];
                sel[ws.Offset[t] + ws.Fill[t]++] = channel.LogRate[i];
            }

            for (var t = 0; t < types; t++)
            {
                if (ws.HasCaps[t])
                {
                    ws.TypeMedian[t] = SeriesStatistics.MedianInPlace(sel.AsSpan(ws.Offset[t], ws.Count[t]));
                }
            }

            var k = 0;
            for (var i = from; i < to; i++)
            {
                var t = channel.Type[i];
                if (ws.HasCaps[t])
                {
                    sel[k++] = Math.Abs(channel.LogRate[i] - ws.TypeMedian[t]);
                }
            }

            var sigmaTyped = Math.Max(MinimumSigma, SeriesStatistics.MadToSigma * SeriesStatistics.MedianInPlace(sel.AsSpan(0, k)));
            ws.Sigma2 = sigmaTyped * sigmaTyped;
            var typedGroups = 0;
            for (var t = 0; t < types; t++)
            {
                typedGroups += ws.HasCaps[t] ? 1 : 0;
            }

            ws.ReferencePosts = (double)typed / typedGroups;
            for (var t = 0; t < types; t++)
            {
                if (ws.HasCaps[t])
                {
                    ws.Low[t] = ws.TypeMedian[t] - (Options.LowerCapSigmas * sigmaTyped);
                    ws.High[t] = ws.TypeMedian[t] + (Options.UpperCapSigmas * sigmaTyped);
                }
            }
        }

        for (var t = 0; t < types; t++)
        {
            ws.HighRate[t] = Math.Exp(ws.High[t]);
            ws.MedianRate[t] = Math.Exp(ws.TypeMedian[t]);
            ws.TypeSums[t] = default;
            ws.AllSums[t] = default;
        }

        for (var i = from; i < to; i++)
        {
            Add(channel, i, ws, 1, ws.TypeSums, ws.AllSums);
        }
    }

    /// <summary>
    /// Adds (sign 1) or removes (−1) one post's contributions under the current caps to a set of sums: by its type's caps
    /// (<paramref name="byType"/>) and by all types' (<paramref name="all"/>) — the window's, a series' own, or the long
    /// window's of either.
    /// </summary>
    private void Add(ChannelPosts channel, int i, Workspace ws, double sign, Sums[] byType, Sums[] all)
    {
        var t = channel.Type[i];
        var wi = Math.Min(channel.Impressions[i], ws.WeightCap);
        var w = _weights == SeriesStatisticWeights.Impressions ? wi : StatisticWeight(wi, channel.Engagements[i], ws.MedianRate[t] * channel.Impressions[i], ws.Sigma2);
        var x = channel.LogRate[i];
        var rate = channel.Rate[i];
        byType[t].Add(sign, w, wi, Math.Clamp(x, ws.Low[t], ws.High[t]), Math.Min(rate, ws.HighRate[t]));
        all[t].Add(sign, w, wi, Math.Clamp(x, ws.LowAll, ws.HighAll), Math.Min(rate, ws.HighRateAll));
    }

    /// <summary>
    /// The long window's sums (<see cref="SeriesDetectionOptions.ContentTypeOffsetsOverHistory"/>: the content types' offsets
    /// over <see cref="SeriesDetectionOptions.HistoryDays"/>) recomputed under the caps just refreshed.
    /// </summary>
    private void RefreshLong(ChannelPosts channel, int from, int to, Workspace ws)
    {
        Array.Clear(ws.TypeSumsLong, 0, channel.TypeNames.Length);
        Array.Clear(ws.AllSumsLong, 0, channel.TypeNames.Length);
        for (var i = from; i < to; i++)
        {
            Add(channel, i, ws, 1, ws.TypeSumsLong, ws.AllSumsLong);
        }
    }

    /// <summary>
    /// A post's weight in the statistic when it is not its capped impressions <paramref name="wi"/>
    /// (<see cref="SeriesDetectionOptions.StatisticWeights"/>): equal, or the precision of its log ER — 1 / (σ̂² + 1/engagements),
    /// the channel's robust spread plus the Poisson variance of a log count (½ for 0 engagements, as the rate counts it), or
    /// with the count <paramref name="expected"/> at its type's median rate instead of the one observed.
    /// </summary>
    private double StatisticWeight(double wi, long engagements, double expected, double sigma2) => _weights switch
    {
        SeriesStatisticWeights.Equal => 1,
        SeriesStatisticWeights.Precision => 1 / (sigma2 + (1 / Math.Max(engagements, 0.5))),
        SeriesStatisticWeights.PrecisionExpected => 1 / (sigma2 + (1 / Math.Max(expected, 0.5))),
        SeriesStatisticWeights.PrecisionTimesImpressions => wi / (sigma2 + (1 / Math.Max(engagements, 0.5))),
        _ => wi,
    };

    /// <summary>
    /// One look: the series' posts <paramref name="seriesFrom"/>..<paramref name="seriesTo"/> (positions in its index list)
    /// against the window's other posts (<paramref name="windowPosts"/> posts in all, the series' own included).
    /// </summary>
    private Look Evaluate(ChannelPosts channel, int s, SeriesState state, int seriesFrom, int seriesTo, int windowPosts, Workspace ws)
    {
        var indices = channel.SeriesPostIndices[s];
        var types = channel.TypeNames.Length;
        var seriesPosts = seriesTo - seriesFrom + 1;

        // The series' own posts in the window (a post at the same instant as the look's counts too) leave the baseline.
        var ownTo = seriesTo;
        while (ownTo + 1 < indices.Length && channel.Ticks[indices[ownTo + 1]] == channel.Ticks[indices[seriesTo]])
        {
            ownTo++;
        }

        // Kept per series and moved with its window; rebuilt when the caps were refreshed (sums under other caps do not mix).
        if (state.Epoch != ws.Epoch || state.OwnType.Length < types)
        {
            if (state.OwnType.Length < types)
            {
                state.OwnType = new Sums[types];
                state.OwnAll = new Sums[types];
                state.OwnTypeLong = Options.ContentTypeOffsetsOverHistory ? new Sums[types] : [];
                state.OwnAllLong = Options.ContentTypeOffsetsOverHistory ? new Sums[types] : [];
            }
            else
            {
                Array.Clear(state.OwnType);
                Array.Clear(state.OwnAll);
                Array.Clear(state.OwnTypeLong);
                Array.Clear(state.OwnAllLong);
            }

            state.OwnFrom = seriesFrom;
            state.OwnTo = seriesFrom - 1;
            state.Epoch = ws.Epoch;
            if (Options.ContentTypeOffsetsOverHistory)
            {
                // The long window's own posts before the short window's: from then on they move with OwnTo and FromLong.
                for (state.OwnFromLong = state.FromLong; state.OwnFromLong < seriesFrom; state.OwnFromLong++)
                {
                    Add(channel, indices[state.OwnFromLong], ws, 1, state.OwnTypeLong, state.OwnAllLong);
                }

                state.OwnFromLong = state.FromLong;
            }
        }

        while (state.OwnTo < ownTo)
        {
            Add(channel, indices[++state.OwnTo], ws, 1, state.OwnType, state.OwnAll);
            if (Options.ContentTypeOffsetsOverHistory)
            {
                Add(channel, indices[state.OwnTo], ws, 1, state.OwnTypeLong, state.OwnAllLong);
            }
        }

        while (state.OwnFrom < seriesFrom)
        {
            Add(channel, indices[state.OwnFrom++], ws, -1, state.OwnType, state.OwnAll);
        }

        while (Options.ContentTypeOffsetsOverHistory && state.OwnFromLong < state.FromLong)
        {
            Add(channel, indices[state.OwnFromLong++], ws, -1, state.OwnTypeLong, state.OwnAllLong);
        }

        ws.OwnTypeSums = state.OwnType;
        ws.OwnAllSums = state.OwnAll;
        ws.OwnTypeLongSums = state.OwnTypeLong;
        ws.OwnAllLongSums = state.OwnAllLong;

        var n = windowPosts - (ownTo - seriesFrom + 1);
        if (n < Options.MinimumBaselinePosts || seriesPosts < Options.MinimumPosts)
        {
            return new Look { Posts = seriesPosts, BaselinePosts = n };
        }

        BuildReference(ws, types, n);
        return Scan(channel, indices, seriesFrom, seriesTo, ws, n);
    }

    /// <summary>
    /// The baseline's reference per content type, from the window's sums less the series' own: a type with enough posts is
    /// its own reference; any other falls back to all types, shifted towards what its few posts show (empirical Bayes: the
    /// shift is shrunk by τ² / (τ² + its sampling variance)), and the type effect it cannot measure (τ², a prior) is carried
    /// in the centre's variance — a link series in a channel of reels is not flagged for being a link series. Spreads are
    /// per unit of squared weight (Σw²r²/Σw²): the variance of a weighted mean is Σw²v, and a viral post weighs most and
    /// strays most, so Σwr²/Σw would understate it.
    /// </summary>
    private void BuildReference(Workspace ws, int types, int n)
    {
        var all = default(Sums);
        for (var t = 0; t < types; t++)
        {
            all = all.Plus(ws.AllSums[t].Minus(ws.OwnAllSums[t]));
        }

        var floor = MinimumSigma * MinimumSigma;
        var centreAll = all.Wy / all.W;
        var rateAll = all.Wr / all.I;
        var varianceAll = Math.Max(floor, all.SquaresAbout(centreAll) / all.Ww * n / Math.Max(1, n - 1));
        var centreVarianceAll = varianceAll * all.Ww / (all.W * all.W);

        double squares = 0, squaredWeights = 0;
        int typed = 0, groups = 0;
        for (var t = 0; t < types; t++)
        {
            var own = ws.TypeSums[t].Minus(ws.OwnTypeSums[t]);
            ws.Qualifies[t] = ws.HasCaps[t] && own.N >= Options.MinimumContentTypePosts - 0.5;
            if (!ws.Qualifies[t])
            {
                continue;
            }

            ws.Baseline[t] = own;
            ws.Centre[t] = own.Wy / own.W;
            squares += own.SquaresAbout(ws.Centre[t]);
            squaredWeights += own.Ww;
            typed += (int)Math.Round(own.N);
            groups++;
        }

        var within = typed > 0 ? Math.Max(floor, squares / squaredWeights * typed / Math.Max(1, typed - groups)) : varianceAll;
        var tau2 = Options.ContentTypeEffectSigma * Options.ContentTypeEffectSigma;
        for (var t = 0; t < types; t++)
        {
            ws.PostVariance[t] = within;
            if (ws.Qualifies[t])
            {
                var own = ws.Baseline[t];
                ws.CentreVariance[t] = within * own.Ww / (own.W * own.W);
                if (Options.ShrinkContentTypeCentres)
                {
                    // Empirical Bayes towards the all-types centre, as for a type with few posts: the posterior variance
                    // given that centre, plus what is left of the centre's own.
                    var sampling = ws.CentreVariance[t];
                    var shrink = tau2 / (tau2 + sampling);
                    ws.Centre[t] = centreAll + (shrink * (ws.Centre[t] - centreAll));
                    ws.CentreVariance[t] = (shrink * sampling) + ((1 - shrink) * (1 - shrink) * centreVarianceAll);
                }

                if (Options.ContentTypeOffsetsOverHistory)
                {
                    OffsetOverHistory(ws, types, t, centreAll, centreVarianceAll, all.W, within);
                }

                ws.Rate[t] = own.Wr / own.I;
                ws.UseLow[t] = ws.Low[t];
                ws.UseHigh[t] = ws.High[t];
                ws.UseHighRate[t] = ws.HighRate[t];
                ws.UseMedian[t] = ws.TypeMedian[t];
                continue;
            }

            var few = ws.AllSums[t].Minus(ws.OwnAllSums[t]);
            var shift = 0.0;
            var shownShift = 0.0;
            var unsure = tau2;
            // Empty when no post is left (a count, exact): weights other than whole impressions added and taken away in
            // another order can leave a rounding residue in W.
            if (few.N > 0.5)
            {
                var sampling = within * few.Ww / (few.W * few.W);
                var shrink = tau2 / (tau2 + sampling);
                shift = shrink * ((few.Wy / few.W) - centreAll);
                // The baseline shown stays impressions-weighted: its shift from all types is the same shrinkage of the
                // impressions-weighted means (the statistic's own when the statistic weighs by impressions).
                shownShift = shrink * ((few.Iy / few.I) - (all.Iy / all.I));
                unsure = shrink * sampling;
            }

            ws.Centre[t] = centreAll + shift;
            ws.CentreVariance[t] = centreVarianceAll + unsure;
            ws.Rate[t] = rateAll * Math.Exp(shownShift);
            ws.UseLow[t] = ws.LowAll;
            ws.UseHigh[t] = ws.HighAll;
            ws.UseHighRate[t] = ws.HighRateAll;
            ws.UseMedian[t] = ws.MedianAll + shift;
        }
    }

    /// <summary>
    /// <see cref="SeriesDetectionOptions.ContentTypeOffsetsOverHistory"/>: type <paramref name="t"/>'s centre as the window's
    /// all-types centre plus the type's offset from all types over the long window (the series' own posts left out), and
    /// its variance: Var(c + m_t − m) = Var c + Var m_t − 3 Var m + 2 Cov(c, m_t), c the window's all-types mean, m_t and m
    /// the long window's type and all-types means (m contains c's and m_t's posts), with weighted-sum variances.
    /// </summary>
    private static void OffsetOverHistory(Workspace ws, int types, int t, double centreAll, double centreVarianceAll, double windowWeight, double within)
    {
        var allLong = default(Sums);
        for (var u = 0; u < types; u++)
        {
            allLong = allLong.Plus(ws.AllSumsLong[u].Minus(ws.OwnAllLongSums[u]));
        }

        var typeLong = ws.TypeSumsLong[t].Minus(ws.OwnTypeLongSums[t]);
        var typeWindow = ws.Baseline[t];
        ws.Centre[t] = centreAll + ((typeLong.Wy / typeLong.W) - (allLong.Wy / allLong.W));
        var variance = centreVarianceAll
            + (within * typeLong.Ww / (typeLong.W * typeLong.W))
            - (3 * within * allLong.Ww / (allLong.W * allLong.W))
            + (2 * within * typeWindow.Ww / (windowWeight * typeLong.W));
        ws.CentreVariance[t] = Math.Max(variance, within * typeLong.Ww / (typeLong.W * typeLong.W) / 4);
    }

    /// <summary>
    /// log of the Bayes factor "weak" against "within the null band" for a segment whose weighted mean residual is
    /// <paramref name="mean"/> with standard error <paramref name="se"/>: log N(mean; μ₁, se² + s₁²) − log N(mean; μ₀, se² + s₀²).
    /// </summary>
    private double LogBayesFactor(double mean, double se)
    {
        var v1 = (se * se) + _weakSpread2;
        var v0 = (se * se) + _nullSpread2;
        var d1 = mean - _weakCentre;
        var d0 = mean - _nullCentre;
        return (0.5 * Math.Log(v0 / v1)) - (d1 * d1 / (2 * v1)) + (d0 * d0 / (2 * v0));
    }

    /// <summary>
    /// log of the Bayes factor "weak" against "within the null band" of the sign count: <paramref name="below"/> of the
    /// segment's <paramref name="posts"/> posts below their reference's median (<see cref="SeriesDetectionOptions.SignEvidence"/>).
    /// Under a hypothesis whose level δ is normal with the moment-matched band's mean and variance (as for the mean's factor),
    /// a post is below the median with probability Φ(−δ/σ̂), σ̂ the window's robust spread; the median's own error (≈ π/2 ·
    /// σ̂²/n for n reference posts) joins δ's variance, and δ is integrated out by three-point Gauss–Hermite. Cached per
    /// (posts, below) until the window's next refresh: a table lookup per onset.
    /// </summary>
    private double SignLogBayesFactor(int posts, int below, Workspace ws)
    {
        if (posts >= ws.SignSize)
        {
            ws.SignSize = Math.Max(posts + 1, 2 * ws.SignSize);
            ws.SignTable = new double[ws.SignSize * ws.SignSize];
            ws.SignStamp = new int[ws.SignSize * ws.SignSize];
        }

        var cell = (posts * ws.SignSize) + below;
        if (ws.SignStamp[cell] == ws.Epoch)
        {
            return ws.SignTable[cell];
        }

        if (ws.SignEpoch != ws.Epoch)
        {
            var sigma = Math.Sqrt(ws.Sigma2);
            var medianError = Math.PI / 2 * ws.Sigma2 / Math.Max(1, ws.ReferencePosts);
            Nodes(_weakCentre, _weakSpread2, ws.SignLogP, ws.SignLogQ, 0);
            Nodes(_nullCentre, _nullSpread2, ws.SignLogP, ws.SignLogQ, 3);
            ws.SignEpoch = ws.Epoch;

            void Nodes(double centre, double spread2, double[] logP, double[] logQ, int at)
            {
                var sd = Math.Sqrt(spread2 + medianError);
                for (var j = 0; j < 3; j++)
                {
                    var p = Math.Clamp(SeriesStatistics.NormalCdf(-(centre + (sd * HermiteNodes[j])) / sigma), 1e-12, 1 - 1e-12);
                    logP[at + j] = Math.Log(p);
                    logQ[at + j] = Math.Log(1 - p);
                }
            }
        }

        var value = Marginal(0) - Marginal(3);
        ws.SignTable[cell] = value;
        ws.SignStamp[cell] = ws.Epoch;
        return value;

        double Marginal(int at)
        {
            Span<double> terms = stackalloc double[3];
            var largest = double.NegativeInfinity;
            for (var j = 0; j < 3; j++)
            {
                terms[j] = HermiteLogWeights[j] + (below * ws.SignLogP[at + j]) + ((posts - below) * ws.SignLogQ[at + j]);
                largest = Math.Max(largest, terms[j]);
            }

            var sum = 0.0;
            for (var j = 0; j < 3; j++)
            {
                sum += Math.Exp(terms[j] - largest);
            }

            return largest + Math.Log(sum);
        }
    }

    /// <summary>Three-point Gauss–Hermite rule for a standard normal: nodes ±√3 and 0, weights ⅙, ⅔, ⅙.</summary>
    private static readonly double[] HermiteNodes = [-Math.Sqrt(3), 0, Math.Sqrt(3)];

    private static readonly double[] HermiteLogWeights = [Math.Log(1.0 / 6), Math.Log(2.0 / 3), Math.Log(1.0 / 6)];

    /// <summary>Every onset of the series' posts in the window against the reference, and their mixture.</summary>
    private Look Scan(ChannelPosts channel, int[] indices, int seriesFrom, int seriesTo, Workspace ws, int baselinePosts)
    {
        Array.Clear(ws.SegmentW, 0, channel.TypeNames.Length);
        double sumW = 0, sumWi = 0, sumWr = 0, sumWw = 0, sumWwr = 0, sumWwrr = 0, sumWwVar = 0, sumWRate = 0, sumWRef = 0, centreVar = 0;
        int below = 0, typedPosts = 0, firstType = -1;
        var mixedTypes = false;
        var nu = Options.DispersionPriorWeight;
        var best = default(Segment);
        double largest = double.NegativeInfinity, scaled = 0, wholeLogFactor = double.NegativeInfinity;
        var segments = 0;

        // The loop's arrays in locals: the JIT then keeps them in registers instead of reloading them at every post.
        var (types, logRates, impressions, rates) = (channel.Type, channel.LogRate, channel.Impressions, channel.Rate);
        var (useLow, useHigh, centre, postVariance, useHighRate, reference) = (ws.UseLow, ws.UseHigh, ws.Centre, ws.PostVariance, ws.UseHighRate, ws.Rate);
        var (segmentW, centreVariance, useMedian, qualifies) = (ws.SegmentW, ws.CentreVariance, ws.UseMedian, ws.Qualifies);
        var (weightCap, minimumPosts, sigma2, engagements, medianRate) = (ws.WeightCap, Options.MinimumPosts, ws.Sigma2, channel.Engagements, ws.MedianRate);
        for (var k = seriesTo; k >= seriesFrom; k--)
        {
            var i = indices[k];
            var g = types[i];
            var x = logRates[i];
            var wi = Math.Min(impressions[i], weightCap);
            var w = _weights == SeriesStatisticWeights.Impressions ? wi : StatisticWeight(wi, engagements[i], medianRate[g] * impressions[i], sigma2);
            var r = Math.Clamp(x, useLow[g], useHigh[g]) - centre[g];
            sumW += w;
            sumWi += wi;
            sumWr += w * r;
            sumWw += w * w;
            sumWwr += w * w * r;
            sumWwrr += w * w * r * r;
            sumWwVar += w * w * postVariance[g];
            sumWRate += wi * Math.Min(rates[i], useHighRate[g]);
            sumWRef += wi * reference[g];
            var before = segmentW[g];
            segmentW[g] = before + w;
            centreVar += (((before + w) * (before + w)) - (before * before)) * centreVariance[g];
            below += x < useMedian[g] ? 1 : 0;
            if (qualifies[g])
            {
                typedPosts++;
                mixedTypes |= firstType >= 0 && firstType != g;
                firstType = firstType < 0 ? g : firstType;
            }

            var m = seriesTo - k + 1;
            if (m < minimumPosts)
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
            var logFactor = LogBayesFactor(mean, se);
            if (_sign != SeriesSignEvidence.None)
            {
                var signFactor = SignLogBayesFactor(m, below, ws);
                logFactor = _sign == SeriesSignEvidence.Product ? logFactor + signFactor : Math.Max(logFactor, signFactor);
            }

            wholeLogFactor = logFactor; // the last onset scanned is the window's first post

            // Σ exp(logBF) kept as exp(largest) · scaled, so no term overflows. Only the best onset's sums are kept: its
            // rates and basis are worked out once, at the end.
            segments++;
            if (logFactor > largest)
            {
                scaled = (scaled * Math.Exp(largest - logFactor)) + 1;
                largest = logFactor;
                best = new Segment
                {
                    Start = k,
                    Posts = m,
                    SumWi = sumWi,
                    SumWRate = sumWRate,
                    SumWRef = sumWRef,
                    Below = below,
                    TypedPosts = typedPosts,
                    MixedTypes = mixedTypes,
                    FirstType = firstType,
                };
            }
            else if (!(logFactor - largest < -NegligibleLogTerm))
            {
                scaled += Math.Exp(logFactor - largest);
            }
        }

        // The whole window: the last onset scanned (the series' first post in it; Evaluate only scans ≥ MinimumPosts posts).
        var whole = new Segment
        {
            Start = seriesFrom,
            Posts = seriesTo - seriesFrom + 1,
            SumWi = sumWi,
            SumWRate = sumWRate,
            SumWRef = sumWRef,
            Below = below,
            TypedPosts = typedPosts,
            MixedTypes = mixedTypes,
            FirstType = firstType,
        };

        // The mixture over onsets: prior WholeWindowOnsetPrior on the window's first post (weak since before the window, or
        // since the series began: the most common case), the rest spread evenly over the later onsets (≥ MinimumPosts posts).
        var statistic = largest;
        if (segments > 1)
        {
            var prior = Options.WholeWindowOnsetPrior;
            var wholeFactor = Math.Exp(wholeLogFactor - largest);
            var others = wholeLogFactor - largest < -NegligibleLogTerm ? scaled : Math.Max(0, scaled - wholeFactor);
            statistic += Math.Log((prior * wholeFactor) + ((1 - prior) * others / (segments - 1)));
        }

        // The evidence shown is the onset segment when it raises the status, else the whole window. Either way, a point
        // estimate shown 30 % or more below over 6 or more posts makes the series at least at-risk.
        var shown = statistic >= Options.AtRiskStatistic || Weak(best) ? best : whole;
        return new Look
        {
            Sufficient = true,
            Statistic = statistic,
            WeakBeyondGap = Weak(best) || Weak(whole),
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

    /// <summary>Weighted sums of a set of posts (w weight, y capped log ER, r capped ER): what every centre and spread needs.</summary>
    private struct Sums
    {
        public double N;
        public double W;
        public double Wy;
        public double Ww;
        public double Wwy;
        public double Wwyy;
        public double Wr;

        /// <summary>Σ capped impressions: the weights of the rate sum <see cref="Wr"/> (the same as W unless the statistic weighs otherwise).</summary>
        public double I;

        /// <summary>Σ capped impressions × y: the impressions-weighted log ER behind the baseline shown.</summary>
        public double Iy;

        /// <summary>
        /// Adds (sign 1) or removes (−1) one post. The products are formed once and added or subtracted: the same doubles
        /// as multiplying each by the sign (a negation is exact), with 7 multiplications fewer per call.
        /// </summary>
        public void Add(double sign, double w, double wi, double y, double r)
        {
            var ww = w * w;
            var wwy = ww * y;
            if (sign > 0)
            {
                N += 1;
                W += w;
                Wy += w * y;
                Ww += ww;
                Wwy += wwy;
                Wwyy += wwy * y;
                Wr += wi * r;
                I += wi;
                Iy += wi * y;
            }
            else
            {
                N -= 1;
                W -= w;
                Wy -= w * y;
                Ww -= ww;
                Wwy -= wwy;
                Wwyy -= wwy * y;
                Wr -= wi * r;
                I -= wi;
                Iy -= wi * y;
            }
        }

        public readonly Sums Plus(in Sums o) => new() { N = N + o.N, W = W + o.W, Wy = Wy + o.Wy, Ww = Ww + o.Ww, Wwy = Wwy + o.Wwy, Wwyy = Wwyy + o.Wwyy, Wr = Wr + o.Wr, I = I + o.I, Iy = Iy + o.Iy };

        public readonly Sums Minus(in Sums o) => new() { N = N - o.N, W = W - o.W, Wy = Wy - o.Wy, Ww = Ww - o.Ww, Wwy = Wwy - o.Wwy, Wwyy = Wwyy - o.Wwyy, Wr = Wr - o.Wr, I = I - o.I, Iy = Iy - o.Iy };

        /// <summary>Σ w² (y − c)².</summary>
        public readonly double SquaresAbout(double c) => Math.Max(0, Wwyy - (2 * c * Wwy) + (c * c * Ww));
    }

    /// <summary>One onset's segment: the running sums its shown figures come from.</summary>
    private struct Segment
    {
        public int Start;
        public int Posts;
        /// <summary>Σ capped impressions: the shown rates are impressions-weighted whatever weighs in the statistic.</summary>
        public double SumWi;
        public double SumWRate;
        public double SumWRef;
        public int Below;
        public int TypedPosts;
        public bool MixedTypes;
        public int FirstType;

        public readonly double Recent => SumWRate / SumWi;

        public readonly double Baseline => SumWRef / SumWi;

        public readonly double Gap => (Recent / Baseline) - 1;

        public readonly string Basis =>
            TypedPosts == Posts ? SeriesBaselineBasis.ContentType : TypedPosts == 0 ? SeriesBaselineBasis.AllTypes : SeriesBaselineBasis.Mixed;

        public readonly int BasisType => TypedPosts == Posts && !MixedTypes ? FirstType : -1;
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

    /// <summary>One series' replay state on its channel.</summary>
    private sealed class SeriesState
    {
        /// <summary>Position (in the series' index list) of its next post.</summary>
        public int Position;

        /// <summary>Position of its first post in the current window.</summary>
        public int From;

        public int Looks;
        public int Epoch = -1;
        public int OwnFrom;
        public int OwnTo = -1;
        public Sums[] OwnType = [];
        public Sums[] OwnAll = [];

        /// <summary>The long window's (ContentTypeOffsetsOverHistory): its first post's position, and the own sums' range start.</summary>
        public int FromLong;
        public int OwnFromLong;
        public Sums[] OwnTypeLong = [];
        public Sums[] OwnAllLong = [];
        public string? Status;
        public DateTimeOffset? Since;
        public Look Last;
    }

    /// <summary>Scratch buffers and the window's state, reused across looks and channels (no allocation per post).</summary>
    private sealed class Workspace
    {
        /// <summary>The worker's channel arrays, reloaded for each channel it replays.</summary>
        public ChannelPosts? Channel;
        public double[] Sel = [];
        public int[] Count = [];
        public int[] Offset = [];
        public int[] Fill = [];
        public bool[] HasCaps = [];
        public bool[] Qualifies = [];
        public double[] TypeMedian = [];
        public double[] MedianRate = [];
        public double[] Low = [];
        public double[] High = [];
        public double[] HighRate = [];
        public Sums[] TypeSums = [];
        public Sums[] AllSums = [];
        public Sums[] OwnTypeSums = [];
        public Sums[] OwnAllSums = [];
        public Sums[] TypeSumsLong = [];
        public Sums[] AllSumsLong = [];
        public Sums[] OwnTypeLongSums = [];
        public Sums[] OwnAllLongSums = [];
        public Sums[] Baseline = [];
        public double[] Centre = [];
        public double[] Rate = [];
        public double[] PostVariance = [];
        public double[] CentreVariance = [];
        public double[] UseLow = [];
        public double[] UseHigh = [];
        public double[] UseHighRate = [];
        public double[] UseMedian = [];
        public double[] SegmentW = [];
        public int Epoch;
        public double WeightCap;
        public double MedianAll;
        public double LowAll;
        public double HighAll;
        public double HighRateAll;

        /// <summary>The window's robust log spread squared, and posts per reference group, at the last refresh.</summary>
        public double Sigma2;
        public double ReferencePosts;

        /// <summary>The sign evidence's per-refresh node probabilities (weak: 0–2, null: 3–5) and its (posts, below) cache.</summary>
        public double[] SignLogP = new double[6];
        public double[] SignLogQ = new double[6];
        public int SignEpoch = -1;
        public int SignSize;
        public double[] SignTable = [];
        public int[] SignStamp = [];

        public void Ensure(int posts, int types)
        {
            if (Sel.Length < posts)
            {
                Sel = new double[Math.Max(posts, Sel.Length * 2)];
            }

            if (Count.Length < types)
            {
                Count = new int[types];
                Offset = new int[types];
                Fill = new int[types];
                HasCaps = new bool[types];
                Qualifies = new bool[types];
                TypeMedian = new double[types];
                MedianRate = new double[types];
                Low = new double[types];
                High = new double[types];
                HighRate = new double[types];
                TypeSums = new Sums[types];
                AllSums = new Sums[types];
                TypeSumsLong = new Sums[types];
                AllSumsLong = new Sums[types];
                Baseline = new Sums[types];
                Centre = new double[types];
                Rate = new double[types];
                PostVariance = new double[types];
                CentreVariance = new double[types];
                UseLow = new double[types];
                UseHigh = new double[types];
                UseHighRate = new double[types];
                UseMedian = new double[types];
                SegmentW = new double[types];
            }
        }
    }
}
