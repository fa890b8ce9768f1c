using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Sums of a set of posts, from which every rate is recomputed (rates are never averaged, metrics.md). A sum stays
/// null until some post provides that metric, so "not exported" never turns into 0.
/// </summary>
public sealed class MetricTotals
{
    private long _rateEngagements;
    private long _rateImpressions;
    private long _ctrClicks;
    private long _ctrImpressions;
    private bool _hasRate;
    private bool _hasCtr;

    public int Posts { get; private set; }

    public long? Impressions { get; private set; }

    public long? Reach { get; private set; }

    public long? Engagements { get; private set; }

    public long? Saves { get; private set; }

    public long? Shares { get; private set; }

    /// <summary>The ER's numerator and denominator: engagements and impressions of the posts that have both.</summary>
    public (long Engagements, long Impressions)? RateBasis => _hasRate ? (_rateEngagements, _rateImpressions) : null;

    public long? Clicks { get; private set; }

    public long? VideoViews { get; private set; }

    public double? WatchTimeSeconds { get; private set; }

    /// <summary>Σ engagements / Σ impressions over the posts that have both; null when none has both or Σ impressions is 0.</summary>
    public double? EngagementRate => _hasRate && _rateImpressions > 0 ? (double)_rateEngagements / _rateImpressions : null;

    /// <summary>Σ clicks / Σ impressions over the posts that have both.</summary>
    public double? Ctr => _hasCtr && _ctrImpressions > 0 ? (double)_ctrClicks / _ctrImpressions : null;

    public static MetricTotals Of(IEnumerable<CanonicalPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var totals = new MetricTotals();
        foreach (var post in posts)
        {
            totals.Add(post);
        }

        return totals;
    }

    public void Add(CanonicalPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        Posts++;
        var engagements = Engagement.Of(post);
        Impressions = Plus(Impressions, post.Impressions);
        Reach = Plus(Reach, post.Reach);
        Engagements = Plus(Engagements, engagements);
        Saves = Plus(Saves, post.Saves);
        Shares = Plus(Shares, post.Shares);
        Clicks = Plus(Clicks, post.Clicks);
        VideoViews = Plus(VideoViews, post.VideoViews);
        if (post.WatchTimeSeconds is { } watch)
        {
            WatchTimeSeconds = (WatchTimeSeconds ?? 0) + watch;
        }

        if (engagements is { } e && post.Impressions is { } i)
        {
            _hasRate = true;
            _rateEngagements += e;
            _rateImpressions += i;
        }

        if (post.Clicks is { } c && post.Impressions is { } ci)
        {
            _hasCtr = true;
            _ctrClicks += c;
            _ctrImpressions += ci;
        }
    }

    /// <summary>
    /// Adds sums that are not posts (a daily-only channel's month): counts add, the rates' numerators and denominators
    /// add only where both are given, and no post is counted.
    /// </summary>
    public void AddSums(long? impressions, long? reach, long? engagements, long? saves, long? shares, long? clicks, long? videoViews)
    {
        Impressions = Plus(Impressions, impressions);
        Reach = Plus(Reach, reach);
        Engagements = Plus(Engagements, engagements);
        Saves = Plus(Saves, saves);
        Shares = Plus(Shares, shares);
        Clicks = Plus(Clicks, clicks);
        VideoViews = Plus(VideoViews, videoViews);
        if (engagements is { } e && impressions is { } i)
        {
            _hasRate = true;
            _rateEngagements += e;
            _rateImpressions += i;
        }

        if (clicks is { } c && impressions is { } ci)
        {
            _hasCtr = true;
            _ctrClicks += c;
            _ctrImpressions += ci;
        }
    }

    /// <summary>Adds another set's sums (its posts count too), so channel totals combine into brand totals without re-reading posts.</summary>
    public void Add(MetricTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Posts += other.Posts;
        Impressions = Plus(Impressions, other.Impressions);
        Reach = Plus(Reach, other.Reach);
        Engagements = Plus(Engagements, other.Engagements);
        Saves = Plus(Saves, other.Saves);
        Shares = Plus(Shares, other.Shares);
        Clicks = Plus(Clicks, other.Clicks);
        VideoViews = Plus(VideoViews, other.VideoViews);
        if (other.WatchTimeSeconds is { } watch)
        {
            WatchTimeSeconds = (WatchTimeSeconds ?? 0) + watch;
        }

        if (other._hasRate)
        {
            _hasRate = true;
            _rateEngagements += other._rateEngagements;
            _rateImpressions += other._rateImpressions;
        }

        if (other._hasCtr)
        {
            _hasCtr = true;
            _ctrClicks += other._ctrClicks;
            _ctrImpressions += other._ctrImpressions;
        }
    }

    public ChannelMetrics ToMetrics(double? followerGrowth) => new()
    {
        Posts = Posts,
        Impressions = Impressions,
        Reach = Reach,
        Engagements = Engagements,
        Saves = Saves,
        Shares = Shares,
        EngagementRate = EngagementRate,
        Clicks = Clicks,
        Ctr = Ctr,
        VideoViews = VideoViews,
        WatchTimeSeconds = WatchTimeSeconds,
        FollowerGrowth = followerGrowth,
    };

    private static long? Plus(long? sum, long? value) => value is { } v ? (sum ?? 0) + v : sum;
}
