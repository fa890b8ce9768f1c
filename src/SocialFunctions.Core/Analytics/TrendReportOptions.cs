namespace SocialFunctions.Core.Analytics;

/// <summary>Tunables of the trend report; defaults in <see cref="TrendReportDefaults"/>.</summary>
public sealed record TrendReportOptions
{
    /// <summary>How many top and how many bottom posts to list. Default <see cref="TrendReportDefaults.TopPosts"/>.</summary>
    public int TopPosts { get; init; } = TrendReportDefaults.TopPosts;

    /// <summary>
    /// A post enters the top/bottom lists only with at least this many impressions
    /// (default <see cref="TrendReportDefaults.MinimumImpressions"/>) …
    /// </summary>
    public long MinimumImpressions { get; init; } = TrendReportDefaults.MinimumImpressions;

    /// <summary>
    /// … and at least this share of the month's median post impressions (default
    /// <see cref="TrendReportDefaults.MedianImpressionsShare"/>), so a post seen by 40 people with 10 likes does not top
    /// a brand whose posts reach thousands.
    /// </summary>
    public double MedianImpressionsShare { get; init; } = TrendReportDefaults.MedianImpressionsShare;

    /// <summary>The series baseline: the channel's other posts over this many days ending with the month. Default 90 (metrics.md).</summary>
    public int BaselineDays { get; init; } = TrendReportDefaults.BaselineDays;

    /// <summary>ISO weeks in a series' weekly trend, ending with the month's last week. Default <see cref="TrendReportDefaults.TrendWeeks"/>.</summary>
    public int TrendWeeks { get; init; } = TrendReportDefaults.TrendWeeks;

    /// <summary>A month-over-month move smaller than this fraction is not worth a headline. Default <see cref="TrendReportDefaults.MinimumInsightChange"/>.</summary>
    public double MinimumInsightChange { get; init; } = TrendReportDefaults.MinimumInsightChange;

    /// <summary>
    /// A count (impressions, clicks, followers …) moving from fewer than this is not a headline: "clicks up 4,950 %
    /// (101 vs 2)" says nothing. A rate is judged by its numerator (engagements for ER, clicks for CTR). Default <see cref="TrendReportDefaults.MinimumInsightBase"/>.
    /// </summary>
    public double MinimumInsightBase { get; init; } = TrendReportDefaults.MinimumInsightBase;

    /// <summary>Executive summary items at most, the total picture included (caveats are apart). Default <see cref="TrendReportDefaults.MaxInsights"/>.</summary>
    public int MaxInsights { get; init; } = TrendReportDefaults.MaxInsights;

    /// <summary>A series is worth a sentence when its relative gap to the baseline is at least this large. Default 0.2.</summary>
    public double MinimumSeriesGap { get; init; } = TrendReportDefaults.MinimumSeriesGap;

    /// <summary>… and it has at least this many posts in the month. Default 3.</summary>
    public int MinimumSeriesPosts { get; init; } = TrendReportDefaults.MinimumSeriesPosts;

    /// <summary>Calendar adherence below this over the month's weeks gets a sentence. Default 0.8.</summary>
    public double CadenceShortfall { get; init; } = TrendReportDefaults.CadenceShortfall;
}

public static class TrendReportDefaults
{
    public const int TopPosts = 5;
    public const long MinimumImpressions = 100;
    public const double MedianImpressionsShare = 0.1;
    public const int BaselineDays = 90;
    public const int TrendWeeks = 8;
    public const double MinimumInsightChange = 0.05;
    public const double MinimumInsightBase = 50;
    public const int MaxInsights = 5;
    public const double MinimumSeriesGap = 0.2;
    public const int MinimumSeriesPosts = 3;
    public const double CadenceShortfall = 0.8;

    /// <summary>Months in <see cref="Reporting.ChannelTrend.History"/>, ending with the report month.</summary>
    public const int HistoryMonths = 13;
}
