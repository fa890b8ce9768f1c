using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Core.Series;

/// <summary>
/// Tuning of <see cref="SeriesDetector"/> (configuration section <c>Series:Detection</c>). The defaults are the values the
/// quality benchmark (docs/series-detection.md) was run with; change them only with a new benchmark run.
/// </summary>
public sealed record SeriesDetectionOptions
{
    public const string Section = "Series:Detection";

    /// <summary>Trailing days of the channel baseline and of the recent window. <value>Default 90 (metrics.md).</value></summary>
    [Range(7, 730)]
    public int BaselineDays { get; init; } = SeriesDetectionDefaults.BaselineDays;

    /// <summary>How far back the episode replay starts, so <c>since</c> and hysteresis are known. <value>Default 182.</value></summary>
    [Range(7, 1460)]
    public int HistoryDays { get; init; } = SeriesDetectionDefaults.HistoryDays;

    /// <summary>The series' most recent posts that form the "recent" set. <value>Default 4.</value></summary>
    [Range(2, 50)]
    public int RecentPosts { get; init; } = SeriesDetectionDefaults.RecentPosts;

    /// <summary>Fewer recent posts than this is insufficient data, never a flag. <value>Default 3.</value></summary>
    [Range(2, 50)]
    public int MinimumPosts { get; init; } = SeriesDetectionDefaults.MinimumPosts;

    /// <summary>Fewer baseline posts than this is insufficient data. <value>Default 10.</value></summary>
    [Range(3, 1000)]
    public int MinimumBaselinePosts { get; init; } = SeriesDetectionDefaults.MinimumBaselinePosts;

    /// <summary>X: a post is a breach when the upper confidence bound of the recent window's gap is below −X. <value>Default 0.25.</value></summary>
    [Range(0.01, 0.9)]
    public double FlagGap { get; init; } = SeriesDetectionDefaults.FlagGap;

    /// <summary>
    /// The series' most recent posts of the second, longer window (a moderate gap held over more posts); a value not above
    /// <see cref="RecentPosts"/> turns it off. <value>Default 8.</value>
    /// </summary>
    [Range(2, 100)]
    public int LongWindowPosts { get; init; } = SeriesDetectionDefaults.LongWindowPosts;

    /// <summary>X_long: a post is also a breach when the upper bound of the long window's gap is below −X_long. <value>Default 0.20.</value></summary>
    [Range(0.01, 0.9)]
    public double LongWindowFlagGap { get; init; } = SeriesDetectionDefaults.LongWindowFlagGap;

    /// <summary>Y: an episode ends when the gap is back above −Y. <value>Default 0.20.</value></summary>
    [Range(0.0, 0.9)]
    public double RecoverGap { get; init; } = SeriesDetectionDefaults.RecoverGap;

    /// <summary>N: consecutive breaching posts that start an episode. <value>Default 1.</value></summary>
    [Range(1, 20)]
    public int ConsecutiveBreaches { get; init; } = SeriesDetectionDefaults.ConsecutiveBreaches;

    /// <summary>One-sided confidence level of the upper bound. <value>Default 0.995.</value></summary>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; init; } = SeriesDetectionDefaults.ConfidenceLevel;

    /// <summary>C: per-post ER is capped to [median/C, median·C] of the baseline. <value>Default 3.</value></summary>
    [Range(1.1, 100)]
    public double OutlierCap { get; init; } = SeriesDetectionDefaults.OutlierCap;

    /// <summary>k: per-post ER is also capped above at median·exp(k·σ̂), σ̂ the baseline's robust log spread (viral posts). <value>Default 2.</value></summary>
    [Range(0.5, 10)]
    public double OutlierSigmas { get; init; } = SeriesDetectionDefaults.OutlierSigmas;

    /// <summary>A post weighs at most this multiple of the baseline's median impressions. <value>Default 2.</value></summary>
    [Range(1.0, 1000)]
    public double ImpressionCap { get; init; } = SeriesDetectionDefaults.ImpressionCap;

    /// <summary>ν₀: how many pseudo-observations of the channel's dispersion the series' own spread is pooled with. <value>Default 6.</value></summary>
    [Range(0.0, 1000)]
    public double DispersionPriorWeight { get; init; } = SeriesDetectionDefaults.DispersionPriorWeight;
}

/// <summary>Defaults of <see cref="SeriesDetectionOptions"/>, in one place.</summary>
public static class SeriesDetectionDefaults
{
    public const int BaselineDays = 90;
    public const int HistoryDays = 182;
    public const int RecentPosts = 4;
    public const int MinimumPosts = 3;
    public const int MinimumBaselinePosts = 10;
    public const double FlagGap = 0.25;
    public const int LongWindowPosts = 8;
    public const double LongWindowFlagGap = 0.20;
    public const double RecoverGap = 0.20;
    public const int ConsecutiveBreaches = 1;
    public const double ConfidenceLevel = 0.995;
    public const double OutlierCap = 3.0;
    public const double OutlierSigmas = 2.0;
    public const double ImpressionCap = 2.0;
    public const double DispersionPriorWeight = 6.0;
}
