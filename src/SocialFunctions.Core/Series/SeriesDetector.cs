using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Series;

/// <summary>
/// Compares, per channel and series, the engagement rate of the series' recent posts with the channel baseline
/// (the channel's other posts over the trailing <see cref="SeriesDetectionOptions.BaselineDays"/> days), and decides
/// with hysteresis whether the series is underperforming. Pure: posts in, verdicts out.
/// </summary>
/// <remarks>
/// <para>Statistics, chosen to survive a viral outlier, few posts and uneven impressions (docs/series-detection.md):</para>
/// <list type="bullet">
/// <item>Both rates are impression-weighted (Σ engagements / Σ impressions, as metrics.md defines ER), but each post's own
/// ER is first capped above at m·min(C, exp(k·σ̂)) and below at m/C, where m is the median per-post ER of the baseline and
/// σ̂ its robust log spread, and each post's weight is capped at <see cref="SeriesDetectionOptions.ImpressionCap"/> × the
/// baseline's median impressions: a viral or boosted post counts, but cannot carry the set.</item>
/// <item>Uncertainty is computed on the log ratio: per-post log(ER / baseline) has a spread estimated robustly (MAD) from
/// the baseline's posts, pooled with the series' own spread (weight ν₀), divided by the effective number of posts
/// (Σw)² / Σw²; the baseline rate's own variance (channel spread over its effective posts) is added. The upper one-sided
/// bound of the gap at <see cref="SeriesDetectionOptions.ConfidenceLevel"/> decides.</item>
/// <item>Hysteresis: a post is a breach when the upper bound of its recent window's gap is below −X, or (a moderate,
/// persistent gap) the bound over the last <see cref="SeriesDetectionOptions.LongWindowPosts"/> posts is below −X_long while
/// the recent estimate is below −Y; N consecutive breaches start an episode; it ends when the recent estimate of the gap is
/// back above −Y. Fewer than the minimum posts (series or baseline) is insufficient data and never a flag.</item>
/// </list>
/// </remarks>
public sealed class SeriesDetector(SeriesDetectionOptions options)
{
    private readonly double _z = SeriesStatistics.NormalQuantile(options.ConfidenceLevel);

    public SeriesDetectionOptions Options { get; } = options;

    /// <summary>
    /// Verdicts for every (channel, series) with at least one post in the history window ending at <paramref name="asOf"/>.
    /// <paramref name="posts"/> should hold the brand's posts from <c>asOf − (HistoryDays + BaselineDays)</c> to asOf.
    /// </summary>
    public IReadOnlyList<SeriesHealth> Detect(string brand, IEnumerable<CanonicalPost> posts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var results = new List<SeriesHealth>();
        var usable = posts.Where(p => p.PublishedAt <= asOf).Select(RatedPost.From).OfType<RatedPost>();
        foreach (var channel in usable.GroupBy(p => p.Post.Channel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var channelPosts = channel.OrderBy(p => p.Post.PublishedAt).ThenBy(p => p.Post.PostId, StringComparer.Ordinal).ToArray();
            var seriesNames = channelPosts.Select(p => p.Post.Series).OfType<string>().Where(s => s.Length > 0)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var series in seriesNames)
            {
                var trace = Replay(channelPosts, series, asOf);
                if (trace.Evaluations.Count == 0)
                {
                    continue;
                }

                results.Add(Summarise(brand, channel.Key, series, trace, asOf));
            }
        }

        return results;
    }

    /// <summary>The per-post replay of one series on one channel (for diagnostics and the benchmark).</summary>
    public IReadOnlyList<SeriesEvaluation> Trace(IEnumerable<CanonicalPost> channelPosts, string series, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(channelPosts);
        var rated = channelPosts.Where(p => p.PublishedAt <= asOf).Select(RatedPost.From).OfType<RatedPost>()
            .OrderBy(p => p.Post.PublishedAt).ThenBy(p => p.Post.PostId, StringComparer.Ordinal).ToArray();
        return Replay(rated, series, asOf).Evaluations;
    }

    private SeriesHealth Summarise(string brand, string channel, string series, ReplayResult trace, DateTimeOffset asOf)
    {
        var last = trace.Evaluations[^1];
        var stale = last.At <= asOf.AddDays(-Options.BaselineDays);
        return new SeriesHealth
        {
            Brand = brand,
            Channel = channel,
            Series = series,
            // A series that has not posted within the window has no recent evidence: never flagged on old data.
            Status = stale ? SeriesStatus.InsufficientData : last.Status,
            RecentEngagementRate = last.RecentEngagementRate,
            BaselineEngagementRate = last.BaselineEngagementRate,
            RelativeGap = last.RelativeGap,
            Posts = stale ? 0 : last.Posts,
            BaselinePosts = last.BaselinePosts,
            Confidence = stale ? 0 : last.Confidence,
            Since = stale ? last.At.AddDays(Options.BaselineDays) : last.Since,
            RecentPosts = trace.LastWindow,
        };
    }

    private ReplayResult Replay(RatedPost[] channelPosts, string series, DateTimeOffset asOf)
    {
        var historyStart = asOf.AddDays(-Options.HistoryDays);
        var seriesPosts = channelPosts.Where(p => string.Equals(p.Post.Series, series, StringComparison.Ordinal)).ToArray();
        var evaluations = new List<SeriesEvaluation>();
        IReadOnlyList<SeriesPostPoint> lastWindow = [];
        var status = (string?)null;
        DateTimeOffset? since = null;
        var streak = 0;
        var index = 0;
        for (var i = 0; i < seriesPosts.Length; i++)
        {
            var at = seriesPosts[i].Post.PublishedAt;
            if (at < historyStart)
            {
                continue;
            }

            var window = WindowEndingAt(seriesPosts, i, Options.RecentPosts);
            var figures = Measure(channelPosts, series, window, at, Options.FlagGap);
            if (figures is { Breach: false } && figures.Gap <= -Options.RecoverGap && Options.LongWindowPosts > Options.RecentPosts)
            {
                // A moderate but persistent gap: twice the posts, so a smaller bar can be held to the same confidence. Only
                // while the recent estimate is itself below −Y, or the episode would end at the very post that starts it.
                var longWindow = WindowEndingAt(seriesPosts, i, Options.LongWindowPosts);
                if (longWindow.Length == Options.LongWindowPosts && Measure(channelPosts, series, longWindow, at, Options.LongWindowFlagGap) is { Breach: true })
                {
                    figures = figures with { Breach = true };
                }
            }
            string next;
            if (figures is null)
            {
                streak = 0;
                next = SeriesStatus.InsufficientData;
            }
            else if (status == SeriesStatus.Underperforming)
            {
                next = figures.Gap > -Options.RecoverGap ? SeriesStatus.Healthy : SeriesStatus.Underperforming;
                streak = next == SeriesStatus.Underperforming ? streak : 0;
            }
            else
            {
                streak = figures.Breach ? streak + 1 : 0;
                next = streak >= Options.ConsecutiveBreaches ? SeriesStatus.Underperforming : SeriesStatus.Healthy;
            }

            if (next != status)
            {
                status = next;
                since = at;
            }

            evaluations.Add(new SeriesEvaluation
            {
                PostIndex = index++,
                At = at,
                Status = status,
                Sufficient = figures is not null,
                Breach = figures?.Breach ?? false,
                RecentEngagementRate = figures?.Recent,
                BaselineEngagementRate = figures?.Baseline,
                RelativeGap = figures?.Gap,
                GapUpperBound = figures?.GapUpperBound,
                Confidence = figures?.Confidence ?? 0,
                Posts = window.Length,
                BaselinePosts = figures?.BaselinePosts ?? 0,
                Since = since,
            });
            lastWindow = [.. window.Select(p => p.ToPoint())];
        }

        return new ReplayResult(evaluations, lastWindow);
    }

    private RatedPost[] WindowEndingAt(RatedPost[] seriesPosts, int end, int size)
    {
        var from = seriesPosts[end].Post.PublishedAt.AddDays(-Options.BaselineDays);
        var window = new List<RatedPost>(size);
        for (var i = end; i >= 0 && window.Count < size; i--)
        {
            if (seriesPosts[i].Post.PublishedAt <= from)
            {
                break;
            }

            window.Add(seriesPosts[i]);
        }

        window.Reverse();
        return [.. window];
    }

    private Figures? Measure(RatedPost[] channelPosts, string series, RatedPost[] recent, DateTimeOffset at, double flagGap)
    {
        if (recent.Length < Options.MinimumPosts)
        {
            return null;
        }

        var from = at.AddDays(-Options.BaselineDays);
        var baseline = channelPosts
            .Where(p => p.Post.PublishedAt > from && p.Post.PublishedAt <= at && !string.Equals(p.Post.Series, series, StringComparison.Ordinal))
            .ToArray();
        if (baseline.Length < Options.MinimumBaselinePosts)
        {
            return null;
        }

        var medianRate = SeriesStatistics.Median(baseline.Select(p => p.Rate));
        if (!(medianRate > 0))
        {
            return null;
        }

        // The upper cap adapts to the channel (a post may sit at most k robust standard deviations above the median, log
        // scale): viral hits are the outliers that mislead. The lower cap is the fixed C: a weak post is the signal we look
        // for, so it is only kept from reaching 0 (log of 0), not pulled towards the median.
        var logSpread = SeriesStatistics.RobustSigma([.. baseline.Select(p => Math.Log(Math.Max(p.Rate, medianRate / 1000)))]);
        var low = medianRate / Options.OutlierCap;
        var high = medianRate * Math.Min(Options.OutlierCap, Math.Exp(Options.OutlierSigmas * Math.Max(logSpread, 0.05)));
        var weightCap = Options.ImpressionCap * SeriesStatistics.Median(baseline.Select(p => p.Impressions));
        double Weight(RatedPost p) => Math.Min(p.Impressions, weightCap);
        double Capped(RatedPost p) => Math.Clamp(p.Rate, low, high);
        double RobustRate(RatedPost[] set) => set.Sum(p => Weight(p) * Capped(p)) / set.Sum(Weight);

        var baselineRate = RobustRate(baseline);
        var recentRate = RobustRate(recent);
        var logRatio = Math.Log(recentRate / baselineRate);

        // Spread of per-post log ratios: the channel's (robust, many posts) pooled with the series' own.
        var channelSigma = SeriesStatistics.RobustSigma([.. baseline.Select(p => Math.Log(Capped(p) / baselineRate))]);
        var seriesLogs = recent.Select(p => Math.Log(Capped(p) / baselineRate)).ToArray();
        var seriesMean = seriesLogs.Average();
        var seriesSs = seriesLogs.Sum(v => (v - seriesMean) * (v - seriesMean));
        var prior = Options.DispersionPriorWeight;
        // Never narrower than the channel's own spread: four tight posts are luck more often than evidence.
        var pooled = Math.Sqrt(((prior * channelSigma * channelSigma) + seriesSs) / (prior + recent.Length - 1));
        var sigma = Math.Max(0.02, Math.Max(channelSigma, pooled));

        var weights = recent.Select(Weight).ToArray();
        var effectiveN = Math.Pow(weights.Sum(), 2) / weights.Sum(w => w * w);
        // The baseline rate is an estimate too (50–120 posts, viral ones among them): its variance adds to the recent set's.
        var baselineWeights = baseline.Select(Weight).ToArray();
        var baselineEffectiveN = Math.Pow(baselineWeights.Sum(), 2) / baselineWeights.Sum(w => w * w);
        var standardError = Math.Sqrt((sigma * sigma / effectiveN) + (channelSigma * channelSigma / baselineEffectiveN));
        var upper = logRatio + (_z * standardError);
        var flagLog = Math.Log(1 - flagGap);
        return new Figures(
            recentRate,
            baselineRate,
            Math.Exp(logRatio) - 1,
            Math.Exp(upper) - 1,
            SeriesStatistics.NormalCdf((flagLog - logRatio) / standardError),
            upper < flagLog,
            baseline.Length);
    }

    private sealed record Figures(double Recent, double Baseline, double Gap, double GapUpperBound, double Confidence, bool Breach, int BaselinePosts);

    private sealed record ReplayResult(List<SeriesEvaluation> Evaluations, IReadOnlyList<SeriesPostPoint> LastWindow);

    /// <summary>A post with both impressions and engagements: the only kind an ER can be computed from (metrics.md).</summary>
    private sealed record RatedPost(CanonicalPost Post, double Impressions, double Engagements)
    {
        public double Rate => Engagements / Impressions;

        public static RatedPost? From(CanonicalPost post)
        {
            if (post.Kind != ExportKind.Posts || post.Impressions is not > 0)
            {
                return null;
            }

            long?[] parts = [post.Reactions, post.Comments, post.Shares, post.Saves, post.Clicks];
            if (parts.All(p => p is null))
            {
                return null;
            }

            return new RatedPost(post, post.Impressions.Value, parts.Sum(p => p ?? 0));
        }

        public SeriesPostPoint ToPoint() =>
            new(Post.PostId, Post.PublishedAt, (long)Impressions, (long)Engagements, Rate, Post.Permalink, Post.Text);
    }
}
