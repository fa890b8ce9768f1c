namespace SocialFunctions.Core.Series;

/// <summary>
/// The detector's state after one post of a series (its replay trace): the figures of the window ending at that post
/// and the status the hysteresis rules give. Used by the API's latest verdict and by the quality benchmark.
/// </summary>
public sealed record SeriesEvaluation
{
    /// <summary>Index of the post in the series' replayed posts (oldest first).</summary>
    public required int PostIndex { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="SeriesStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>True when this post's window had enough recent and baseline posts to be judged.</summary>
    public bool Sufficient { get; init; }

    /// <summary>True when the upper confidence bound of the gap was below −X at this post.</summary>
    public bool Breach { get; init; }

    public double? RecentEngagementRate { get; init; }

    public double? BaselineEngagementRate { get; init; }

    public double? RelativeGap { get; init; }

    /// <summary>Upper one-sided confidence bound of the relative gap.</summary>
    public double? GapUpperBound { get; init; }

    public double Confidence { get; init; }

    public int Posts { get; init; }

    public int BaselinePosts { get; init; }

    public DateTimeOffset? Since { get; init; }
}
