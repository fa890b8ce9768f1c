using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Reports.Metrics;

/// <summary>How a metric's value reads: a count, a rate (fraction shown as a percentage), a duration, a signed delta.</summary>
internal enum MetricKind
{
    Count,
    Rate,
    DurationSeconds,
    SignedCount,
}

/// <summary>A metric the report shows, keyed by the camelCase name used in <see cref="ChannelTrend.Mom"/>.</summary>
internal sealed record ReportMetric(string Key, MetricKind Kind, Func<ChannelMetrics, double?> Value)
{
    public static readonly ReportMetric Posts = new("posts", MetricKind.Count, m => m.Posts);
    public static readonly ReportMetric Impressions = new("impressions", MetricKind.Count, m => m.Impressions);
    public static readonly ReportMetric Reach = new("reach", MetricKind.Count, m => m.Reach);
    public static readonly ReportMetric Engagements = new("engagements", MetricKind.Count, m => m.Engagements);
    public static readonly ReportMetric Saves = new("saves", MetricKind.Count, m => m.Saves);
    public static readonly ReportMetric Shares = new("shares", MetricKind.Count, m => m.Shares);
    public static readonly ReportMetric EngagementRate = new("engagementRate", MetricKind.Rate, m => m.EngagementRate);
    public static readonly ReportMetric Clicks = new("clicks", MetricKind.Count, m => m.Clicks);
    public static readonly ReportMetric Ctr = new("ctr", MetricKind.Rate, m => m.Ctr);
    public static readonly ReportMetric VideoViews = new("videoViews", MetricKind.Count, m => m.VideoViews);
    public static readonly ReportMetric WatchTime = new("watchTimeSeconds", MetricKind.DurationSeconds, m => m.WatchTimeSeconds);
    public static readonly ReportMetric FollowerGrowth = new("followerGrowth", MetricKind.SignedCount, m => m.FollowerGrowth);

    /// <summary>Every metric, in the neutral order used after the funnel-focus metrics.</summary>
    public static readonly IReadOnlyList<ReportMetric> All =
        [Impressions, Reach, Engagements, EngagementRate, Saves, Shares, Clicks, Ctr, VideoViews, WatchTime, FollowerGrowth];

    /// <summary>
    /// The headline metrics of a funnel stage (metrics.md "Funnel focus"), in the order the report leads with — the same
    /// list as Core's <c>MetricNames.HeadlineOf</c>: awareness — impressions, reach, follower growth, video views;
    /// consideration — ER, engagements, saves, shares, watch time; conversion — clicks, CTR.
    /// </summary>
    public static IReadOnlyList<ReportMetric> Headline(FunnelFocus funnelFocus) =>
        [.. Core.Analytics.MetricNames.HeadlineOf(funnelFocus).Select(key => All.First(metric => metric.Key == key))];

    /// <summary>The metrics a channel's exports provide (<see cref="ChannelTrend.Available"/>), in <paramref name="order"/>.</summary>
    public static IReadOnlyList<ReportMetric> AvailableFor(ChannelTrend channel, IEnumerable<ReportMetric> order) =>
        [.. order.Where(metric => channel.Available.Contains(metric.Key))];

    /// <summary>All metrics with the funnel focus's headline metrics first.</summary>
    public static IReadOnlyList<ReportMetric> Ordered(FunnelFocus funnelFocus)
    {
        var headline = Headline(funnelFocus);
        return [.. headline, .. All.Where(metric => !headline.Contains(metric))];
    }
}
