namespace SocialFunctions.Core.Series;

/// <summary>
/// The detector's verdict on one series of one channel, with its evidence. Rates are fractions (0.031 = 3.1 %); the gap is
/// relative (−0.4 = 40 % below baseline). The figures are those of the evidence segment — every post of the series from the
/// estimated onset to its latest post, within the baseline window — as judged at the series' latest post. They are null
/// when there was nothing to compare. The Reports project says it in one sentence (SeriesWords.Evidence).
/// </summary>
public sealed record SeriesHealth
{
    public required string Brand { get; init; }

    public required string Channel { get; init; }

    public required string Series { get; init; }

    /// <summary>One of <see cref="SeriesStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Robust impression-weighted ER of the posts since the onset (viral posts capped, docs/series-detection.md).</summary>
    public double? RecentEngagementRate { get; init; }

    /// <summary>The same rate of the channel's other posts over the window, matched to the series' content types.</summary>
    public double? BaselineEngagementRate { get; init; }

    /// <summary>recent / baseline − 1 over the posts since the onset.</summary>
    public double? RelativeGap { get; init; }

    /// <summary>
    /// Posts since the onset that the figures rest on; for <see cref="SeriesStatus.InsufficientData"/>, the series' posts in
    /// the window (too few, or 0 when it has not posted within the window).
    /// </summary>
    public int Posts { get; init; }

    /// <summary>The estimated onset: the first post of the evidence segment (the series' first post in the window when it was weak from the start).</summary>
    public DateTimeOffset? OnsetAt { get; init; }

    /// <summary>How many of the <see cref="Posts"/> had an ER below the median of their baseline (the channel's typical post).</summary>
    public int PostsBelowMedian { get; init; }

    /// <summary>One of <see cref="SeriesBaselineBasis"/>; null when there was nothing to compare.</summary>
    public string? BaselineBasis { get; init; }

    /// <summary>The content type compared like with like, when the basis is <see cref="SeriesBaselineBasis.ContentType"/> and there is one.</summary>
    public string? BaselineContentType { get; init; }

    /// <summary>How many baseline posts (the channel's other posts in the window) the baseline rests on.</summary>
    public int BaselinePosts { get; init; }

    /// <summary>
    /// The test statistic: log of the Bayes factor "weak since the onset" (30–60 % below) against "within 15 % of the
    /// baseline", averaged over the possible onsets (docs/series-detection.md). Underperforming from
    /// <see cref="SeriesDetectionOptions.FlagStatistic"/> on; 0 means both equally supported.
    /// </summary>
    public double? Statistic { get; init; }

    /// <summary>
    /// 1 / (1 + e^−<see cref="Statistic"/>): the probability that the series is weak rather than within 15 % of its baseline,
    /// from even prior odds (0 without data).
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>When the current status began (the post at which it was entered); null when never evaluated.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The posts behind the figures (since the onset), oldest first (for the alert card).</summary>
    public IReadOnlyList<SeriesPostPoint> RecentPosts { get; init; } = [];
}

/// <summary>One recent post of a series as the alert shows it.</summary>
public sealed record SeriesPostPoint(string PostId, DateTimeOffset PublishedAt, long Impressions, long Engagements, double EngagementRate, string? Permalink, string? Text);
