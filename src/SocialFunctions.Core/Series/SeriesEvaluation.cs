namespace SocialFunctions.Core.Series;

/// <summary>
/// The detector's state after one post of a series (its replay trace): the figures of the evidence segment ending at that
/// post and the status the rules give. Used by the API's latest verdict and by the quality benchmark.
/// </summary>
public sealed record SeriesEvaluation
{
    /// <summary>Index of the post in the series' replayed posts (oldest first).</summary>
    public required int PostIndex { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="SeriesStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>True when the window had enough series and baseline posts to be judged.</summary>
    public bool Sufficient { get; init; }

    /// <summary>The statistic (see <see cref="SeriesHealth.Statistic"/>); null when not judged.</summary>
    public double? Statistic { get; init; }

    public double? RecentEngagementRate { get; init; }

    public double? BaselineEngagementRate { get; init; }

    public double? RelativeGap { get; init; }

    public double Confidence { get; init; }

    /// <summary>Posts of the evidence segment (since the onset); when not judged, the series' posts in the window.</summary>
    public int Posts { get; init; }

    public DateTimeOffset? OnsetAt { get; init; }

    public int PostsBelowMedian { get; init; }

    public string? BaselineBasis { get; init; }

    public int BaselinePosts { get; init; }

    public DateTimeOffset? Since { get; init; }
}
