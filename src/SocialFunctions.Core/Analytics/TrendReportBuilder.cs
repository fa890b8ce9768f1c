using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Computes the monthly trend report of one brand exactly as metrics.md defines it, from data already loaded (no I/O).
/// The month is a calendar month in the brand's time zone; which records count in which month is
/// <see cref="PostTimeline"/>'s rule; follower growth is <see cref="FollowerGrowthCalculator"/>'s; coverage,
/// cadence, rankings, series and insights each have their own type documenting their choices.
/// </summary>
public sealed class TrendReportBuilder(TimeProvider timeProvider, TrendReportOptions? options = null)
{
    private readonly TrendReportOptions _options = options ?? new TrendReportOptions();

    /// <summary>The data a report of <paramref name="month"/> needs, with this builder's series baseline.</summary>
    public ReportDataWindow WindowFor(ReportMonth month, BrandClock clock) => ReportDataWindow.For(month, clock, _options.BaselineDays);

    public ReportModel Build(TrendReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = input.Settings;
        var month = input.Month;
        var clock = settings.Clock;
        var timeline = new PostTimeline(input.Posts, clock);
        var growth = new FollowerGrowthCalculator(input.Daily.Where(d => d.Date <= month.LastDay));
        var dailySums = new DailySums(input.Daily.Where(d => d.Date <= month.LastDay));
        var coverageCalculator = new CoverageCalculator(input.Uploads);
        var coverageCache = new Dictionary<(string, ReportMonth), ChannelCoverage>();
        ChannelCoverage CoverageOf(string channel, ReportMonth m)
        {
            if (!coverageCache.TryGetValue((channel, m), out var c))
            {
                coverageCache[(channel, m)] = c = coverageCalculator.For(channel, m);
            }

            return c;
        }

        var historyStart = month.AddMonths(-(TrendReportDefaults.HistoryMonths - 1));
        var postChannels = timeline.Channels.Where(c => timeline.In(historyStart, month, c).Any()).ToHashSet(StringComparer.Ordinal);
        var dailyOnly = dailySums.Channels.Where(c => !postChannels.Contains(c) && dailySums.Has(c, historyStart, month)).ToHashSet(StringComparer.Ordinal);
        var channels = postChannels
            .Concat(dailyOnly)
            .Concat(growth.Channels.Where(c => growth.For(c, month).Value is not null))
            .Concat(coverageCalculator.Channels.Where(c => CoverageOf(c, month).Uploads.Count > 0))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(SeriesPerformanceCalculator.ChannelOrder).ThenBy(c => c, StringComparer.Ordinal)
            .ToList();

        // Sums per channel and period, each computed once: the trends, the overview and the totals share them.
        var totalsCache = new Dictionary<(string, ReportMonth, ReportMonth), MetricTotals>();
        MetricTotals TotalsOf(string channel, ReportMonth first, ReportMonth last)
        {
            if (!totalsCache.TryGetValue((channel, first, last), out var t))
            {
                totalsCache[(channel, first, last)] = t = dailyOnly.Contains(channel)
                    ? dailySums.Of(channel, first, last)
                    : MetricTotals.Of(timeline.In(first, last, channel));
            }

            return t;
        }

        var trends = channels.Select(c => Trend(c, month, timeline, growth, TotalsOf, dailyOnly.Contains(c))).ToList();
        var monthPosts = timeline.In(month).ToList();
        var (top, bottom) = PostRanking.Rank(monthPosts, _options);
        var series = SeriesPerformanceCalculator.For(timeline, month, _options);
        var cadenceChannels = timeline.SnapshotsIn(month.FirstDay, month.LastDay).Select(s => s.Post.Channel)
            .Concat(settings.PostingTargets.Where(kv => kv.Value > 0).Select(kv => kv.Key))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(SeriesPerformanceCalculator.ChannelOrder).ThenBy(c => c, StringComparer.Ordinal);
        var cadence = CadenceCalculator.For(timeline, month, settings.PostingTargets, cadenceChannels, coverageCalculator.CoveredDays);
        var overview = OverviewCalculator.For(
            month, clock, timeline, channels, (c, m) => TotalsOf(c, m, m),
            (c, m, reference) => CoverageOf(c, m).Gaps.Count == 0 && CoverageOf(c, reference).Gaps.Count == 0);
        var (insights, caveats) = new InsightWriter(
                month, settings.FunnelFocus, _options, CoverageOf,
                c => trends.Exists(t => t.Channel == c && t.Posts == 0 && t.Source == ChannelSources.Posts) && timeline.HasStraddlingRanges(month, c))
            .Write(trends, series, cadence, overview.Total);
        var suggestionPosts = timeline.In(month.LastDay.AddDays(-(_options.BaselineDays - 1)), month.LastDay);

        return new ReportModel
        {
            Brand = settings.Brand,
            DisplayName = settings.Title,
            Month = month,
            Clock = settings.Clock,
            Locale = settings.Locale,
            FunnelFocus = settings.FunnelFocus,
            PaperSize = settings.PaperSize,
            GeneratedAt = timeProvider.GetUtcNow(),
            Channels = trends,
            Cadence = cadence,
            Series = series,
            TopPosts = top,
            BottomPosts = bottom,
            Coverage = channels.Select(c => CoverageOf(c, month)).ToList(),
            Insights = insights,
            Caveats = caveats,
            Overview = overview,
            SeriesSuggestions = SeriesSuggester.Suggest(suggestionPosts, new SeriesRuleMatcher(settings.SeriesRules), [settings.Brand.Value, settings.Title]),
            Commentary = input.Commentary,
        };
    }

    private static ChannelTrend Trend(
        string channel, ReportMonth month, PostTimeline timeline, FollowerGrowthCalculator growth,
        Func<string, ReportMonth, ReportMonth, MetricTotals> totals, bool dailyOnly)
    {
        ChannelMetrics MetricsOf(ReportMonth first, ReportMonth last) =>
            totals(channel, first, last).ToMetrics(growth.For(channel, first, last).Value);

        var current = MetricsOf(month, month);
        var previous = MetricsOf(month.AddMonths(-1), month.AddMonths(-1));
        var lastYear = MetricsOf(month.AddMonths(-12), month.AddMonths(-12));
        var lastYearHasData = lastYear.Posts > 0 || lastYear.FollowerGrowth is not null || (dailyOnly && lastYear.Impressions is not null);
        // Stryker disable once Conditional : MetricsOf(month, month) is the current month's figures again (its sums are cached)
        var history = Enumerable.Range(0, TrendReportDefaults.HistoryMonths)
            .Select(i => month.AddMonths(i - (TrendReportDefaults.HistoryMonths - 1)))
            .Select(m => Monthly(m, m == month ? current : MetricsOf(m, m)))
            .ToList();
        var rolling3 = MetricsOf(month.AddMonths(-2), month);

        var monthPosts = timeline.In(month, channel).ToList();
        var componentSource = monthPosts.Count > 0 ? monthPosts : timeline.In(month.AddMonths(-(TrendReportDefaults.HistoryMonths - 1)), month, channel).ToList();
        var provided = Engagement.ProvidedByAny(componentSource);
        if (dailyOnly)
        {
            // Daily series name their components directly.
            foreach (var (name, value) in new[] { (Engagement.Saves, current.Saves), (Engagement.Shares, current.Shares), (Engagement.Clicks, current.Clicks) })
            {
                if (value is not null)
                {
                    provided.Add(name);
                }
            }
        }

        ChannelMetrics[] periods = [current, previous, rolling3, .. history];
        var available = MetricNames.All
            .Where(m => m == MetricNames.Posts
                ? !dailyOnly && periods.Any(p => p.Posts > 0)
                : periods.Any(p => MetricNames.ValueOf(p, m) is not null))
            .ToList();

        return new ChannelTrend
        {
            Channel = channel,
            Source = dailyOnly ? ChannelSources.Daily : ChannelSources.Posts,
            Available = available,
            Posts = current.Posts,
            Impressions = current.Impressions,
            Reach = current.Reach,
            Engagements = current.Engagements,
            Saves = current.Saves,
            Shares = current.Shares,
            EngagementRate = current.EngagementRate,
            Clicks = current.Clicks,
            Ctr = current.Ctr,
            VideoViews = current.VideoViews,
            WatchTimeSeconds = current.WatchTimeSeconds,
            FollowerGrowth = current.FollowerGrowth,
            FollowerGrowthBasis = growth.For(channel, month).Basis,
            Components = Engagement.ComponentNames.Where(provided.Contains).ToList(),
            Previous = previous,
            Mom = MetricNames.Changes(current, previous),
            Rolling3 = rolling3,
            Yoy = MetricNames.Changes(current, lastYearHasData ? lastYear : null),
            History = history,
        };
    }

    private static MonthlyMetrics Monthly(ReportMonth month, ChannelMetrics m) => new()
    {
        Month = month,
        Posts = m.Posts,
        Impressions = m.Impressions,
        Reach = m.Reach,
        Engagements = m.Engagements,
        Saves = m.Saves,
        Shares = m.Shares,
        EngagementRate = m.EngagementRate,
        Clicks = m.Clicks,
        Ctr = m.Ctr,
        VideoViews = m.VideoViews,
        WatchTimeSeconds = m.WatchTimeSeconds,
        FollowerGrowth = m.FollowerGrowth,
    };
}
