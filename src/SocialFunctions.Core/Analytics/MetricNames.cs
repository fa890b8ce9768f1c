using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>The metric keys of <see cref="ChannelTrend.Mom"/>/<see cref="ChannelTrend.Yoy"/> and insights: the camelCase JSON names.</summary>
public static class MetricNames
{
    public const string Posts = "posts";
    public const string Impressions = "impressions";
    public const string Reach = "reach";
    public const string Engagements = "engagements";
    public const string Saves = "saves";
    public const string Shares = "shares";
    public const string EngagementRate = "engagementRate";
    public const string Clicks = "clicks";
    public const string Ctr = "ctr";
    public const string VideoViews = "videoViews";
    public const string WatchTimeSeconds = "watchTimeSeconds";
    public const string FollowerGrowth = "followerGrowth";

    public static IReadOnlyList<string> All { get; } =
        [Posts, Impressions, Reach, Engagements, EngagementRate, Saves, Shares, Clicks, Ctr, VideoViews, WatchTimeSeconds, FollowerGrowth];

    /// <summary>The value of a metric by its key; null when missing.</summary>
    public static double? ValueOf(ChannelMetrics metrics, string name)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return name switch
        {
            Posts => metrics.Posts,
            Impressions => metrics.Impressions,
            Reach => metrics.Reach,
            Engagements => metrics.Engagements,
            Saves => metrics.Saves,
            Shares => metrics.Shares,
            EngagementRate => metrics.EngagementRate,
            Clicks => metrics.Clicks,
            Ctr => metrics.Ctr,
            VideoViews => metrics.VideoViews,
            WatchTimeSeconds => metrics.WatchTimeSeconds,
            FollowerGrowth => metrics.FollowerGrowth,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown metric."),
        };
    }

    /// <summary>(current − reference) / reference, only when the reference is &gt; 0 and the current value exists (metrics.md MoM).</summary>
    public static double? Change(double? current, double? reference) =>
        current is { } c && reference is > 0 ? (c - reference.Value) / reference.Value : null;

    /// <summary>Change per metric; every key is present, null where it cannot be computed.</summary>
    public static IReadOnlyDictionary<string, double?> Changes(ChannelMetrics current, ChannelMetrics? reference) =>
        All.ToDictionary(n => n, n => reference is null ? null : Change(ValueOf(current, n), ValueOf(reference, n)), StringComparer.Ordinal);

    /// <summary>
    /// Headline metrics of a funnel focus, in the order the report leads with (the spec's table, metrics.md "Funnel
    /// focus"): awareness — impressions, reach, follower growth, video views; consideration — ER, engagements, saves,
    /// shares, watch time; conversion — clicks, CTR.
    /// </summary>
    public static IReadOnlyList<string> HeadlineOf(FunnelFocus funnelFocus) => funnelFocus switch
    {
        FunnelFocus.Awareness => [Impressions, Reach, FollowerGrowth, VideoViews],
        FunnelFocus.Conversion => [Clicks, Ctr],
        _ => [EngagementRate, Engagements, Saves, Shares, WatchTimeSeconds],
    };

    /// <summary>The volume a funnel focus is sized by (a channel's share of it makes a move on that channel material).</summary>
    public static IReadOnlyList<string> VolumeOf(FunnelFocus funnelFocus) => funnelFocus switch
    {
        FunnelFocus.Awareness => [Impressions, Reach, Engagements],
        FunnelFocus.Conversion => [Clicks, Engagements, Impressions],
        _ => [Engagements, Impressions, Reach],
    };
}
