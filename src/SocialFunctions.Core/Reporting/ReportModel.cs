using System.Text.Json.Serialization;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Reporting;

/// <summary>
/// Everything the monthly trend report shows for one brand and month, numbers unrounded. Serialized as the
/// report JSON (camelCase) and rendered as the PDF; field names are a public contract (issue 4).
/// </summary>
public sealed record ReportModel
{
    public required BrandName Brand { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The report month (<c>yyyy-MM</c>), a calendar month in the brand's time zone.</summary>
    public required ReportMonth Month { get; init; }

    /// <summary>The brand's time zone (JSON <c>timeZone</c>): local dates of posts and of the generation time.</summary>
    [JsonPropertyName("timeZone")]
    public required BrandClock Clock { get; init; }

    public required ReportLocale Locale { get; init; }

    public required FunnelFocus FunnelFocus { get; init; }

    public PaperSize PaperSize { get; init; } = PaperSize.A4;

    public required DateTimeOffset GeneratedAt { get; init; }

    public IReadOnlyList<ChannelTrend> Channels { get; init; } = [];

    public IReadOnlyList<CadenceWeek> Cadence { get; init; } = [];

    public IReadOnlyList<SeriesPerformance> Series { get; init; } = [];

    public IReadOnlyList<PostSummary> TopPosts { get; init; } = [];

    public IReadOnlyList<PostSummary> BottomPosts { get; init; } = [];

    public IReadOnlyList<ChannelCoverage> Coverage { get; init; } = [];

    /// <summary>At most five items a leader reads first, ranked by materiality; the total picture (<see cref="InsightKind.Total"/>) leads.</summary>
    public IReadOnlyList<Insight> Insights { get; init; } = [];

    /// <summary>
    /// What the data does not cover (coverage gaps, months not compared, ranges spanning months): printed on the coverage
    /// page, and summarised in one line under the executive summary — never ranked as insights.
    /// </summary>
    public IReadOnlyList<Insight> Caveats { get; init; } = [];

    /// <summary>How content performs across all channels: 13-month totals, share of engagement and what works.</summary>
    public ContentOverview Overview { get; init; } = new();

    public IReadOnlyList<SeriesSuggestion> SeriesSuggestions { get; init; } = [];

    /// <summary>The team's own "how we plan to pivot" text (plain text: paragraphs and "- " bullet lines).</summary>
    public string? Commentary { get; init; }
}

/// <summary>Metrics of a set of posts. A metric no export provides is null, not 0.</summary>
public record ChannelMetrics
{
    public int Posts { get; init; }

    public long? Impressions { get; init; }

    public long? Reach { get; init; }

    public long? Engagements { get; init; }

    /// <summary>Σ saves (an engagement component), where exported.</summary>
    public long? Saves { get; init; }

    /// <summary>Σ shares (an engagement component), where exported.</summary>
    public long? Shares { get; init; }

    /// <summary>Σ engagements / Σ impressions over posts with both (never an average of rates).</summary>
    public double? EngagementRate { get; init; }

    public long? Clicks { get; init; }

    public double? Ctr { get; init; }

    public long? VideoViews { get; init; }

    public double? WatchTimeSeconds { get; init; }

    public double? FollowerGrowth { get; init; }
}

/// <summary>One channel's month with its comparisons; metric names in <see cref="Mom"/>/<see cref="Yoy"/> are the camelCase property names.</summary>
public sealed record ChannelTrend : ChannelMetrics
{
    public required string Channel { get; init; }

    /// <summary>
    /// Where the figures come from: <see cref="ChannelSources.Posts"/> (post exports) or <see cref="ChannelSources.Daily"/>
    /// (a channel with only daily account series, e.g. Pinterest: sums of its daily values; no post count).
    /// </summary>
    public string Source { get; init; } = ChannelSources.Posts;

    /// <summary>
    /// Metric keys (camelCase) that have a value in at least one month of <see cref="History"/> or a comparison period: the
    /// report shows only these, never a row or tile of dashes for a metric no export of the channel provides.
    /// </summary>
    public IReadOnlyList<string> Available { get; init; } = [];

    /// <summary>Engagement components the channel's exports provide: reactions, comments, shares, saves, clicks.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    public ChannelMetrics? Previous { get; init; }

    /// <summary>Fractional change vs the previous month per metric; null where the previous value is 0 or missing.</summary>
    public IReadOnlyDictionary<string, double?> Mom { get; init; } = new Dictionary<string, double?>();

    /// <summary>The 3 months ending with the report month, recomputed from sums.</summary>
    public ChannelMetrics? Rolling3 { get; init; }

    /// <summary>Fractional change vs the same month last year, where data exists.</summary>
    public IReadOnlyDictionary<string, double?> Yoy { get; init; } = new Dictionary<string, double?>();

    /// <summary>The 13 months ending with the report month (oldest first), for the trend charts.</summary>
    public IReadOnlyList<MonthlyMetrics> History { get; init; } = [];

    /// <summary>
    /// How <see cref="ChannelMetrics.FollowerGrowth"/> was computed: <c>followers</c> (followers at the end of the month −
    /// at the end of the month before) or <c>new-followers-minus-unfollows</c> (daily sums); null when not available.
    /// </summary>
    public string? FollowerGrowthBasis { get; init; }
}

public sealed record MonthlyMetrics : ChannelMetrics
{
    public required ReportMonth Month { get; init; }
}

/// <summary>Where a channel's figures come from (<see cref="ChannelTrend.Source"/>).</summary>
public static class ChannelSources
{
    public const string Posts = "posts";
    public const string Daily = "daily";
}

/// <summary>Posting cadence of one channel in one ISO week (Monday-based, brand time zone).</summary>
public sealed record CadenceWeek
{
    public required string Channel { get; init; }

    /// <summary>ISO week, e.g. <c>2026-W41</c>.</summary>
    public required string Week { get; init; }

    public required DateOnly WeekStart { get; init; }

    public int Posts { get; init; }

    public double? Target { get; init; }

    /// <summary>Days of the week (0–7) the channel's exports cover; its posts are known on those days only.</summary>
    public int CoveredDays { get; init; } = 7;

    /// <summary>posts / (target × covered days / 7), uncapped; null without a target or without a covered day.</summary>
    public double? Adherence { get; init; }
}

public sealed record SeriesPerformance
{
    public required string Series { get; init; }

    public required string Channel { get; init; }

    public int Posts { get; init; }

    /// <summary>Σ impressions of the series' posts in the month that have engagements too (the ER's denominator).</summary>
    public long? Impressions { get; init; }

    /// <summary>Σ engagements of those posts (the ER's numerator).</summary>
    public long? Engagements { get; init; }

    public double? EngagementRate { get; init; }

    public double? BaselineEngagementRate { get; init; }

    /// <summary>(ER − baseline) / baseline; negative when the series does worse than the channel.</summary>
    public double? RelativeGap { get; init; }

    /// <summary>Weekly ER over the last weeks (oldest first), for sparklines.</summary>
    public IReadOnlyList<WeeklyRate> Trend { get; init; } = [];

    /// <summary>The detector's verdict when known: healthy, at-risk, underperforming, insufficient-data.</summary>
    public string? Status { get; init; }

    /// <summary>The detector's evidence in one sentence in the report's language (<c>SeriesWords.Evidence</c>), when it judged the series.</summary>
    public string? Evidence { get; init; }
}

public sealed record WeeklyRate
{
    public required DateOnly WeekStart { get; init; }

    public int Posts { get; init; }

    public double? EngagementRate { get; init; }
}

public sealed record PostSummary
{
    public required string Channel { get; init; }

    public required string PostId { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public string? Text { get; init; }

    public string? Permalink { get; init; }

    public string? Series { get; init; }

    public long? Impressions { get; init; }

    public long? Engagements { get; init; }

    public double? EngagementRate { get; init; }
}

/// <summary>Which dates the uploaded exports cover for a channel, and the gaps within the report month.</summary>
public sealed record ChannelCoverage
{
    public required string Channel { get; init; }

    public IReadOnlyList<CoveredRange> Uploads { get; init; } = [];

    /// <summary>Days of the report month that no export covers.</summary>
    public IReadOnlyList<DateRange> Gaps { get; init; } = [];

    public int DaysInMonth { get; init; }

    public int CoveredDays { get; init; }
}

public sealed record CoveredRange
{
    public required string FileName { get; init; }

    public required string Format { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

public sealed record DateRange(DateOnly From, DateOnly To);

/// <summary>
/// Something a leader should read first, with the numbers it rests on. Core decides which insights matter and fills the
/// data (<see cref="Kind"/> says which fields a kind uses); the sentences (<see cref="Text"/>, <see cref="LocalizedText"/>)
/// are worded by the Reports project when the model is built.
/// </summary>
public sealed record Insight
{
    public required int Rank { get; init; }

    /// <summary>One of <see cref="InsightKind"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The sentence in English.</summary>
    public string? Text { get; init; }

    /// <summary>The sentence in the report's locale (the same as <see cref="Text"/> for English reports).</summary>
    public string? LocalizedText { get; init; }

    public string? Channel { get; init; }

    public string? Metric { get; init; }

    public double? Value { get; init; }

    public double? Reference { get; init; }

    /// <summary>Fractional change the sentence reports, when it reports one.</summary>
    public double? Change { get; init; }

    /// <summary>
    /// How much the item matters, the ranking key of the executive summary: size (the channel's share of the brand's lead
    /// volume, times the series' share of its channel) × |change| × confidence (0–1, how clearly the change exceeds
    /// count noise) × weight (1 for the funnel focus' headline metrics, 0.5 for the others). Null for the total picture,
    /// which always comes first.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Materiality { get; init; }

    /// <summary><see cref="InsightKind.Total"/>: all channels this month, with the like-for-like comparisons.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OverallTotals? Totals { get; init; }

    /// <summary><see cref="InsightKind.SeriesGap"/>: the series.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Series { get; init; }

    /// <summary><see cref="InsightKind.SeriesGap"/>: posts in the month.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Posts { get; init; }

    /// <summary><see cref="InsightKind.Cadence"/>: ISO weeks of the month.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Weeks { get; init; }

    /// <summary><see cref="InsightKind.MetricMove"/>: months in a row the value is the best (or lowest), when that is a streak worth saying.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Streak { get; init; }

    /// <summary><see cref="InsightKind.NoMoves"/>: the smallest move worth a headline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Threshold { get; init; }

    /// <summary><see cref="InsightKind.CoverageGaps"/> and <see cref="InsightKind.PreviousMonthGaps"/>: the days no export covers.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DateRange>? Gaps { get; init; }
}

/// <summary>What an <see cref="Insight"/> says; each kind names the fields it fills.</summary>
public static class InsightKind
{
    /// <summary>The total picture, always first: all channels' reach, engagements, ER and posts vs last month and last year (Totals).</summary>
    public const string Total = "total";

    /// <summary>A metric moved month over month: Channel, Metric, Value (this month), Reference (previous), Change, Streak.</summary>
    public const string MetricMove = "metric-move";

    /// <summary>No channel moved by Threshold or more vs the previous month.</summary>
    public const string NoMoves = "no-moves";

    /// <summary>A series is far from its channel's baseline: Channel, Series, Value (its ER), Reference (baseline ER), Change (gap), Posts.</summary>
    public const string SeriesGap = "series-gap";

    /// <summary>A channel is behind its posting plan: Channel, Value (posts), Reference (planned), Weeks.</summary>
    public const string Cadence = "cadence";

    /// <summary>Caveat: a channel whose only exports span several months shows nothing for the month: Channel.</summary>
    public const string StraddlingRanges = "straddling-ranges";

    /// <summary>Caveat: no export covers the month: Channel, Value (0 days), Reference (days in month).</summary>
    public const string NoCoverage = "no-coverage";

    /// <summary>Caveat: exports leave days of the month uncovered: Channel, Value (covered days), Reference (days in month), Gaps.</summary>
    public const string CoverageGaps = "coverage-gaps";

    /// <summary>Caveat: the previous month has uncovered days, so no comparison: Channel, Value, Reference, Gaps (of the previous month).</summary>
    public const string PreviousMonthGaps = "previous-month-gaps";
}

/// <summary>A recurring hashtag or title prefix used in several posts but covered by no rule.</summary>
public sealed record SeriesSuggestion
{
    public required string Name { get; init; }

    public string? Hashtag { get; init; }

    public string? Prefix { get; init; }

    public int Posts { get; init; }

    public IReadOnlyList<string> Channels { get; init; } = [];
}

/// <summary>All channels of the brand in the report month, with like-for-like comparisons.</summary>
public sealed record OverallTotals
{
    /// <summary>Sums over every channel with figures this month (reach is the sum of the channels' reach); ER from sums.</summary>
    public required ChannelMetrics Current { get; init; }

    /// <summary>
    /// Change vs the previous month per metric key (camelCase), computed like for like: only over channels with figures and
    /// no coverage gap in both months (<see cref="NotComparedMom"/> lists the others). Null where it cannot be computed.
    /// </summary>
    public IReadOnlyDictionary<string, double?> Mom { get; init; } = new Dictionary<string, double?>();

    /// <summary>Change vs the same month last year, like for like (<see cref="NotComparedYoy"/>).</summary>
    public IReadOnlyDictionary<string, double?> Yoy { get; init; } = new Dictionary<string, double?>();

    /// <summary>Channels with figures this month left out of <see cref="Mom"/>.</summary>
    public IReadOnlyList<string> NotComparedMom { get; init; } = [];

    /// <summary>Channels with figures this month left out of <see cref="Yoy"/>.</summary>
    public IReadOnlyList<string> NotComparedYoy { get; init; } = [];
}

/// <summary>How content performs across every channel (the report's overall content performance page).</summary>
public sealed record ContentOverview
{
    /// <summary>The 13 months ending with the report month, oldest first: totals of every channel.</summary>
    public IReadOnlyList<OverviewMonth> History { get; init; } = [];

    /// <summary>The month's total picture (null without any channel figures).</summary>
    public OverallTotals? Total { get; init; }

    /// <summary>Each channel's share of the month's engagements, largest first.</summary>
    public IReadOnlyList<EngagementShare> EngagementShares { get; init; } = [];

    /// <summary>What works by content type (format), largest first.</summary>
    public IReadOnlyList<ContentSlice> ByContentType { get; init; } = [];

    /// <summary>What works by local weekday of publication, Monday first.</summary>
    public IReadOnlyList<ContentSlice> ByWeekday { get; init; } = [];

    /// <summary>What works by local hour of publication, in three-hour bands (night merged), earliest first.</summary>
    public IReadOnlyList<ContentSlice> ByHour { get; init; } = [];

    /// <summary>What to do more or less of: the slices that beat or trail their channels' average clearly and consistently.</summary>
    public IReadOnlyList<ContentAdvice> Advice { get; init; } = [];

    /// <summary>The months before the report month that the "before" columns cover (3).</summary>
    public int PriorMonths { get; init; }
}

/// <summary>One month of all channels together.</summary>
public sealed record OverviewMonth
{
    public required ReportMonth Month { get; init; }

    public int Posts { get; init; }

    public long? Impressions { get; init; }

    /// <summary>Σ of the channels' reach (people reached on two channels count twice).</summary>
    public long? Reach { get; init; }

    public long? Engagements { get; init; }

    public double? EngagementRate { get; init; }

    /// <summary>Engagements per channel (channels with engagements that month).</summary>
    public IReadOnlyDictionary<string, long> EngagementsByChannel { get; init; } = new Dictionary<string, long>();
}

public sealed record EngagementShare(string Channel, long Engagements, double Share);

/// <summary>
/// One slice of the brand's posts (a content type, a weekday, an hour band): the month against the months before it, and
/// its <see cref="Lift"/> — Σ engagements ÷ the engagements its posts would have had at their own channel's ER — over the
/// month and the months before together, so a format is not judged by the channel it happens to run on.
/// </summary>
public sealed record ContentSlice
{
    /// <summary>One of <see cref="ContentDimensions"/>.</summary>
    public required string Dimension { get; init; }

    /// <summary>A content type (<c>reel</c>), a weekday (<c>monday</c>) or an hour band (<c>06-09</c>).</summary>
    public required string Key { get; init; }

    public int Posts { get; init; }

    public double? EngagementRate { get; init; }

    public int PriorPosts { get; init; }

    public double? PriorEngagementRate { get; init; }

    /// <summary>1.25 = 25 % more engagement than its posts' channels average; null without posts that have both figures.</summary>
    public double? Lift { get; init; }

    /// <summary>The lift of the month alone and of the months before alone (both must agree for advice).</summary>
    public double? MonthLift { get; init; }

    public double? PriorLift { get; init; }

    /// <summary>How many Poisson standard deviations the slice's engagements lie from the expected (how sure the lift is).</summary>
    [JsonIgnore]
    public double Z { get; init; }
}

/// <summary>The kinds of <see cref="ContentSlice"/>.</summary>
public static class ContentDimensions
{
    public const string ContentType = "contentType";
    public const string Weekday = "weekday";
    public const string Hour = "hour";
}

/// <summary>Do more (or less) of a slice: its lift, and the posts it rests on (month and months before).</summary>
public sealed record ContentAdvice(string Dimension, string Key, bool More, double Lift, int Posts);
