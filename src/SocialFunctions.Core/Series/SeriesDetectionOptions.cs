using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Core.Series;

/// <summary>
/// Tuning of <see cref="SeriesDetector"/> (configuration section <c>Series:Detection</c>). The defaults were chosen on the
/// quality benchmark's tuning seeds (docs/series-detection.md); change them only with a new benchmark run.
/// </summary>
public sealed record SeriesDetectionOptions
{
    public const string Section = "Series:Detection";

    /// <summary>Trailing days of the channel baseline and of the evidence (posts since the onset). <value>Default 90 (metrics.md).</value></summary>
    [Range(7, 730)]
    public int BaselineDays { get; init; } = SeriesDetectionDefaults.BaselineDays;

    /// <summary>How far back the replay starts, so <c>since</c> and the episode's hysteresis are known. <value>Default 182.</value></summary>
    [Range(7, 1460)]
    public int HistoryDays { get; init; } = SeriesDetectionDefaults.HistoryDays;

    /// <summary>Fewer series posts than this in the window is insufficient data, and no evidence segment is shorter. <value>Default 3.</value></summary>
    [Range(2, 50)]
    public int MinimumPosts { get; init; } = SeriesDetectionDefaults.MinimumPosts;

    /// <summary>Fewer baseline posts than this is insufficient data. <value>Default 10.</value></summary>
    [Range(3, 1000)]
    public int MinimumBaselinePosts { get; init; } = SeriesDetectionDefaults.MinimumBaselinePosts;

    /// <summary>A content type is compared like with like from this many baseline posts of that type on. <value>Default 10.</value></summary>
    [Range(3, 1000)]
    public int MinimumContentTypePosts { get; init; } = SeriesDetectionDefaults.MinimumContentTypePosts;

    /// <summary>
    /// τ: how much content types typically differ in log ER. A type with too few baseline posts is compared with all types,
    /// shifted towards what its few posts show, and τ² is the uncertainty of its unknown type effect. <value>Default 0.35.</value>
    /// </summary>
    [Range(0.0, 5.0)]
    public double ContentTypeEffectSigma { get; init; } = SeriesDetectionDefaults.ContentTypeEffectSigma;

    /// <summary>
    /// The null hypothesis: a series within this relative gap of its baseline (either way) is not weak, and must not be
    /// flagged. <value>Default 0.15 (issue 11: "series within 15 % of baseline flagged in ≤ 1 %").</value>
    /// </summary>
    [Range(0.01, 0.9)]
    public double NullGap { get; init; } = SeriesDetectionDefaults.NullGap;

    /// <summary>
    /// The alternative: a weak series is between this … <value>Default 0.30 (the gap at which a series is never healthy).</value>
    /// </summary>
    [Range(0.05, 0.95)]
    public double WeakGapFrom { get; init; } = SeriesDetectionDefaults.WeakGapFrom;

    /// <summary>… and this far below its baseline. <value>Default 0.60.</value></summary>
    [Range(0.05, 0.95)]
    public double WeakGapTo { get; init; } = SeriesDetectionDefaults.WeakGapTo;

    /// <summary>
    /// h: the statistic — log of the Bayes factor "weak since the onset" against "within <see cref="NullGap"/>", averaged
    /// over onsets — at or above this makes the series underperforming (calibrated false alarms). <value>Default 4.3.</value>
    /// </summary>
    [Range(-10, 50)]
    public double FlagStatistic { get; init; } = SeriesDetectionDefaults.FlagStatistic;

    /// <summary>An underperforming series stays so while the statistic is at or above this (hysteresis). <value>Default 2.3 (a Bayes factor of 10).</value></summary>
    [Range(-10, 50)]
    public double KeepStatistic { get; init; } = SeriesDetectionDefaults.KeepStatistic;

    /// <summary>A statistic at or above this (but below the flag) is at-risk. <value>Default 0 (weak at least as likely as not).</value></summary>
    [Range(-10, 50)]
    public double AtRiskStatistic { get; init; } = SeriesDetectionDefaults.AtRiskStatistic;

    /// <summary>Never healthy when the gap since the onset is this far below or worse … <value>Default 0.30.</value></summary>
    [Range(0.01, 0.9)]
    public double AtRiskGap { get; init; } = SeriesDetectionDefaults.AtRiskGap;

    /// <summary>… over at least this many posts: at least at-risk. <value>Default 6.</value></summary>
    [Range(1, 100)]
    public int AtRiskPosts { get; init; } = SeriesDetectionDefaults.AtRiskPosts;

    /// <summary>k: a post's log ER is capped above at its baseline median + k robust SDs (viral posts). <value>Default 2.</value></summary>
    [Range(0.5, 10)]
    public double UpperCapSigmas { get; init; } = SeriesDetectionDefaults.UpperCapSigmas;

    /// <summary>A post's log ER is capped below at the baseline median − this many robust SDs (a post with 0 engagements). <value>Default 5.</value></summary>
    [Range(0.5, 10)]
    public double LowerCapSigmas { get; init; } = SeriesDetectionDefaults.LowerCapSigmas;

    /// <summary>A post weighs at most this multiple of the baseline's median impressions. <value>Default 1.</value></summary>
    [Range(1.0, 1000)]
    public double ImpressionCap { get; init; } = SeriesDetectionDefaults.ImpressionCap;

    /// <summary>ν₀: how many pseudo-observations of the channel's dispersion the series' own spread is pooled with. <value>Default 6.</value></summary>
    [Range(0.0, 1000)]
    public double DispersionPriorWeight { get; init; } = SeriesDetectionDefaults.DispersionPriorWeight;

    /// <summary>
    /// Prior probability that a weakness began at the window's first post — before the window, or with the series' first
    /// post — rather than at one of the later onsets, which share the rest evenly. <value>Default 0.5.</value>
    /// </summary>
    [Range(0.01, 0.99)]
    public double WholeWindowOnsetPrior { get; init; } = SeriesDetectionDefaults.WholeWindowOnsetPrior;

    /// <summary>
    /// How each post weighs in the statistic (the segment's and the reference's means and spreads). The gap shown stays
    /// impressions-weighted whatever this is (metrics.md defines ER so). <value>Default
    /// <see cref="SeriesStatisticWeights.PrecisionExpected"/> (fourth pass, docs/series-detection.md: +0.02 recall at σ 0.35
    /// and +0.04 at σ 0.6 against capped impressions at matched constraints; precision from the observed count did as well
    /// on the benchmark but flagged 4.5 % of untouched series on a real channel of ~1 engagement a post).</value>
    /// </summary>
    public SeriesStatisticWeights StatisticWeights { get; init; } = SeriesDetectionDefaults.StatisticWeights;

    /// <summary>
    /// Whether, and how, the count of posts since each onset below their reference's median (a sign test: binomial under
    /// "weak" and under "within <see cref="NullGap"/>") adds to each onset's Bayes factor. A research option.
    /// <value>Default <see cref="SeriesSignEvidence.None"/>.</value>
    /// </summary>
    public SeriesSignEvidence SignEvidence { get; init; } = SeriesSignEvidence.None;

    /// <summary>
    /// Shrink the centre of a content type with enough baseline posts towards the all-types centre, by empirical Bayes with
    /// the prior <see cref="ContentTypeEffectSigma"/> (as the fallback of a type with few posts already is), to lower the
    /// baseline's own sampling error. A research option. <value>Default false.</value>
    /// </summary>
    public bool ShrinkContentTypeCentres { get; init; }

    /// <summary>
    /// Estimate each content type's offset from all types over <see cref="HistoryDays"/> while the level stays the
    /// <see cref="BaselineDays"/> one: less sampling error in the type-matched centre, at the price of assuming the type
    /// effects steady over the longer window. A research option. <value>Default false.</value>
    /// </summary>
    public bool ContentTypeOffsetsOverHistory { get; init; }
}

/// <summary>How a post weighs in the detector's statistic (<see cref="SeriesDetectionOptions.StatisticWeights"/>).</summary>
public enum SeriesStatisticWeights
{
    /// <summary>Impressions, capped at <see cref="SeriesDetectionOptions.ImpressionCap"/> × the baseline's median impressions.</summary>
    Impressions,

    /// <summary>Every post alike.</summary>
    Equal,

    /// <summary>
    /// Precision: 1 / (σ̂² + 1/engagements), the channel's robust log spread plus the Poisson variance of a log count
    /// (½ for 0 engagements).
    /// </summary>
    Precision,

    /// <summary>
    /// Precision with the count a post is expected to earn — its impressions at its type's median rate — in place of the one
    /// it earned: a weight that does not grow with the post's own ER, so it cannot tilt a mean towards the high posts where
    /// counts are small.
    /// </summary>
    PrecisionExpected,

    /// <summary>Precision times the capped impressions weight.</summary>
    PrecisionTimesImpressions,
}

/// <summary>How sign evidence joins the detector's Bayes factor (<see cref="SeriesDetectionOptions.SignEvidence"/>).</summary>
public enum SeriesSignEvidence
{
    /// <summary>Not used: the Bayes factor of the weighted mean alone.</summary>
    None,

    /// <summary>Per onset, the product of the mean's and the sign count's Bayes factors.</summary>
    Product,

    /// <summary>Per onset, the larger of the two.</summary>
    Larger,
}

/// <summary>Defaults of <see cref="SeriesDetectionOptions"/>, in one place.</summary>
public static class SeriesDetectionDefaults
{
    public const int BaselineDays = 90;
    public const int HistoryDays = 182;
    public const int MinimumPosts = 3;
    public const int MinimumBaselinePosts = 10;
    public const int MinimumContentTypePosts = 10;
    public const double ContentTypeEffectSigma = 0.35;
    public const double NullGap = 0.15;
    public const double WeakGapFrom = 0.30;
    public const double WeakGapTo = 0.60;
    public const double FlagStatistic = 4.3;
    public const double KeepStatistic = 2.3;
    public const double AtRiskStatistic = 0.0;
    public const double AtRiskGap = 0.30;
    public const int AtRiskPosts = 6;
    public const double UpperCapSigmas = 2.0;
    public const double LowerCapSigmas = 5.0;
    public const double ImpressionCap = 1.0;
    public const double DispersionPriorWeight = 6.0;
    public const double WholeWindowOnsetPrior = 0.5;
    public const SeriesStatisticWeights StatisticWeights = SeriesStatisticWeights.PrecisionExpected;
}
