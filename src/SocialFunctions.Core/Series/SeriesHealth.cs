namespace SocialFunctions.Core.Series;

/// <summary>
/// The detector's verdict on one series of one channel. Rates are fractions (0.031 = 3.1 %); the gap is relative
/// (−0.4 = 40 % below baseline). Rates, gap and confidence are those of the latest evaluation (the series' latest
/// post); they are null when there was nothing to compare.
/// </summary>
public sealed record SeriesHealth
{
    public required string Brand { get; init; }

    public required string Channel { get; init; }

    public required string Series { get; init; }

    /// <summary>One of <see cref="SeriesStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Robust impression-weighted ER of the recent posts (see docs/series-detection.md).</summary>
    public double? RecentEngagementRate { get; init; }

    /// <summary>Robust impression-weighted ER of the channel's other posts over the trailing baseline window.</summary>
    public double? BaselineEngagementRate { get; init; }

    /// <summary>recent / baseline − 1.</summary>
    public double? RelativeGap { get; init; }

    /// <summary>How many recent posts support the figures.</summary>
    public int Posts { get; init; }

    /// <summary>How many baseline posts the baseline rests on.</summary>
    public int BaselinePosts { get; init; }

    /// <summary>Probability (0–1) that the series' true ER is more than <see cref="SeriesDetectionOptions.FlagGap"/> below baseline.</summary>
    public double Confidence { get; init; }

    /// <summary>When the current status began (the post at which it was entered); null when never evaluated.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>The recent posts behind the figures, oldest first (for the alert card).</summary>
    public IReadOnlyList<SeriesPostPoint> RecentPosts { get; init; } = [];
}

/// <summary>One recent post of a series as the alert shows it.</summary>
public sealed record SeriesPostPoint(string PostId, DateTimeOffset PublishedAt, long Impressions, long Engagements, double EngagementRate, string? Permalink, string? Text);
