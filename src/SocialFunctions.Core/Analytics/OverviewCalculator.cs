using System.Runtime.InteropServices;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// How content performs across all channels (<see cref="ContentOverview"/>):
/// <list type="bullet">
/// <item>13 months of totals (every channel's sums merged; ER from the sums, never averaged);</item>
/// <item>the month's total picture, its changes computed like for like — over the channels with figures and no coverage
/// gap in both periods — and the channels left out named;</item>
/// <item>each channel's share of the month's engagements;</item>
/// <item>what works: snapshots (posts with a publish time) of the month and of the <see cref="PriorMonths"/> before it, by
/// content type, local weekday and local hour band, each with its ER and its lift — Σ engagements ÷ Σ (impressions × the
/// post's channel ER over those months) — so reels are not credited with Instagram's higher rates, nor links blamed for
/// Facebook's lower ones;</item>
/// <item>advice: a slice is worth doing more (less) of when its lift is at least <see cref="AdviceLift"/> above (below)
/// 1, in the month and in the months before alike, over at least <see cref="MinimumAdvicePosts"/> posts, and its
/// engagements differ from the expected by at least three Poisson standard deviations.</item>
/// </list>
/// </summary>
public static class OverviewCalculator
{
    public const int PriorMonths = 3;
    public const double AdviceLift = 0.2;
    public const int MinimumAdvicePosts = 10;
    public const int MinimumPeriodPosts = 3;
    private const double AdviceZ = 3;
    private const int MaxAdvicePerDirection = 2;

    private static readonly string[] WeekdayKeys = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static ContentOverview For(
        ReportMonth month,
        BrandClock clock,
        PostTimeline timeline,
        IReadOnlyList<string> channels,
        Func<string, ReportMonth, MetricTotals> totals,
        Func<string, ReportMonth, ReportMonth, bool> comparable)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(comparable);
        var history = Enumerable.Range(0, TrendReportDefaults.HistoryMonths)
            .Select(i => month.AddMonths(i - (TrendReportDefaults.HistoryMonths - 1)))
            .Select(m => HistoryMonth(m, channels, totals))
            .ToList();

        var withFigures = channels.Where(c => HasFigures(totals(c, month))).ToList();
        var current = Merge(withFigures, c => totals(c, month));
        var shares = current.Engagements is > 0
            ? withFigures
                .Select(c => (Channel: c, Engagements: totals(c, month).Engagements))
                .Where(c => c.Engagements is > 0)
                .Select(c => new EngagementShare(c.Channel, c.Engagements!.Value, (double)c.Engagements.Value / current.Engagements.Value))
                .OrderByDescending(s => s.Engagements).ThenBy(s => s.Channel, StringComparer.Ordinal)
                .ToList()
            : [];

        var (byType, byWeekday, byHour) = Slices(month, clock, timeline);
        return new ContentOverview
        {
            History = history,
            Total = withFigures.Count == 0 ? null : new OverallTotals
            {
                Current = current.ToMetrics(null),
                Mom = LikeForLike(month, month.AddMonths(-1), withFigures, totals, comparable, out var notMom),
                Yoy = LikeForLike(month, month.AddMonths(-12), withFigures, totals, comparable, out var notYoy),
                NotComparedMom = notMom,
                NotComparedYoy = notYoy,
            },
            EngagementShares = shares,
            ByContentType = byType,
            ByWeekday = byWeekday,
            ByHour = byHour,
            Advice = Advice([.. byType.Where(s => s.Key != Records.ContentTypes.Other), .. byWeekday, .. byHour]),
            PriorMonths = PriorMonths,
        };
    }

    /// <summary>The three-hour band of a local hour ("06-09"); the night before 06:00 is one band ("00-06").</summary>
    public static string HourBand(int hour) => HourBands[HourBandIndex(hour)];

    public static IReadOnlyList<string> HourBands { get; } = ["00-06", "06-09", "09-12", "12-15", "15-18", "18-21", "21-24"];

    public static IReadOnlyList<string> Weekdays => WeekdayKeys;

    private static bool HasFigures(MetricTotals t) => t.Posts > 0 || t.Impressions is not null || t.Engagements is not null;

    private static MetricTotals Merge(IEnumerable<string> channels, Func<string, MetricTotals> of)
    {
        var merged = new MetricTotals();
        foreach (var channel in channels)
        {
            merged.Add(of(channel));
        }

        return merged;
    }

    private static OverviewMonth HistoryMonth(ReportMonth m, IReadOnlyList<string> channels, Func<string, ReportMonth, MetricTotals> totals)
    {
        var merged = Merge(channels, c => totals(c, m));
        var byChannel = channels
            .Select(c => (Channel: c, totals(c, m).Engagements))
            .Where(c => c.Engagements is > 0)
            .ToDictionary(c => c.Channel, c => c.Engagements!.Value, StringComparer.Ordinal);
        return new OverviewMonth
        {
            Month = m,
            Posts = merged.Posts,
            Impressions = merged.Impressions,
            Reach = merged.Reach,
            Engagements = merged.Engagements,
            EngagementRate = merged.EngagementRate,
            EngagementsByChannel = byChannel,
        };
    }

    private static IReadOnlyDictionary<string, double?> LikeForLike(
        ReportMonth month, ReportMonth reference, IReadOnlyList<string> channels, Func<string, ReportMonth, MetricTotals> totals,
        Func<string, ReportMonth, ReportMonth, bool> comparable, out IReadOnlyList<string> notCompared)
    {
        var compared = channels.Where(c => HasFigures(totals(c, reference)) && comparable(c, month, reference)).ToList();
        notCompared = [.. channels.Except(compared, StringComparer.Ordinal)];
        // Stryker disable once Block : equivalent, a shortcut: merged over no channel, both months have 0 posts and no sums, so every change is null anyway
        if (compared.Count == 0)
        {
            return MetricNames.Changes(new ChannelMetrics(), null);
        }

        var now = Merge(compared, c => totals(c, month)).ToMetrics(null);
        var then = Merge(compared, c => totals(c, reference)).ToMetrics(null);
        return MetricNames.Changes(now, then);
    }

    private static (List<ContentSlice> Types, List<ContentSlice> Weekdays, List<ContentSlice> Hours) Slices(ReportMonth month, BrandClock clock, PostTimeline timeline)
    {
        var priorFrom = month.AddMonths(-PriorMonths).FirstDay;
        var posts = timeline.SnapshotsIn(priorFrom, month.LastDay);

        // Each channel's own ER over the whole window: the yardstick a post is held against.
        var norms = new Dictionary<string, (double E, double I)>(StringComparer.Ordinal);
        foreach (var s in posts)
        {
            if (Numbers(s.Post) is { } n)
            {
                ref var norm = ref CollectionsMarshal.GetValueRefOrAddDefault(norms, s.Post.Channel, out _);
                norm = (norm.E + n.E, norm.I + n.I);
            }
        }

        // One cell per content type, weekday and hour band; weekdays and bands are indexes, not keys to hash.
        var types = new Dictionary<string, SliceSums>(StringComparer.Ordinal);
        var weekdays = new SliceSums?[WeekdayKeys.Length];
        var hours = new SliceSums?[HourBands.Count];
        foreach (var s in posts)
        {
            if (Numbers(s.Post) is not { } n || norms[s.Post.Channel] is not { I: > 0 } norm)
            {
                continue;
            }

            var inMonth = s.Date >= month.FirstDay;
            var expected = n.I * (norm.E / norm.I);
            var local = clock.LocalTime(s.Post.PublishedAt);
            var type = string.IsNullOrEmpty(s.Post.ContentType) ? Records.ContentTypes.Other : s.Post.ContentType;
            ref var typeSums = ref CollectionsMarshal.GetValueRefOrAddDefault(types, type, out _);
            (typeSums ??= new SliceSums()).Add(inMonth, n.E, n.I, expected);
            (weekdays[((int)local.DayOfWeek + 6) % 7] ??= new SliceSums()).Add(inMonth, n.E, n.I, expected);
            (hours[HourBandIndex(local.Hour)] ??= new SliceSums()).Add(inMonth, n.E, n.I, expected);
        }

        List<ContentSlice> InOrder(string dimension, SliceSums?[] cells, IReadOnlyList<string> keys)
        {
            var slices = new List<ContentSlice>();
            for (var i = 0; i < cells.Length; i++)
            {
                if (cells[i] is { } sums)
                {
                    slices.Add(sums.ToSlice(dimension, keys[i]));
                }
            }

            return slices;
        }

        return (
            [.. types.Select(kv => kv.Value.ToSlice(ContentDimensions.ContentType, kv.Key)).OrderByDescending(s => s.Posts + s.PriorPosts).ThenBy(s => s.Key, StringComparer.Ordinal)],
            InOrder(ContentDimensions.Weekday, weekdays, WeekdayKeys),
            InOrder(ContentDimensions.Hour, hours, HourBands));
    }

    /// <summary>The index in <see cref="HourBands"/> of a local hour's band: the night until 06:00, then three hours each.</summary>
    private static int HourBandIndex(int hour) => hour < 6 ? 0 : (hour / 3) - 1;

    private static (double E, double I)? Numbers(Records.CanonicalPost post) =>
        Engagement.Of(post) is { } e && post.Impressions is > 0 ? (e, post.Impressions.Value) : null;

    private static List<ContentAdvice> Advice(IEnumerable<ContentSlice> slices)
    {
        var candidates = new List<(ContentSlice Slice, bool More)>();
        foreach (var slice in slices)
        {
            if (slice is not { Lift: { } lift, MonthLift: { } monthLift, PriorLift: { } priorLift } || slice.Posts < MinimumPeriodPosts
                || slice.PriorPosts < MinimumPeriodPosts || slice.Posts + slice.PriorPosts < MinimumAdvicePosts)
            {
                continue;
            }

            var more = lift >= 1 + AdviceLift && monthLift > 1 && priorLift > 1;
            var less = lift <= 1 - AdviceLift && monthLift < 1 && priorLift < 1;
            if ((more || less) && slice.Z >= AdviceZ)
            {
                candidates.Add((slice, more));
            }
        }

        var advice = new List<ContentAdvice>();
        foreach (var more in new[] { true, false })
        {
            var picked = candidates
                .Where(c => c.More == more)
                .OrderByDescending(c => Math.Abs(Math.Log(c.Slice.Lift!.Value)))
                .ThenBy(c => c.Slice.Dimension, StringComparer.Ordinal).ThenBy(c => c.Slice.Key, StringComparer.Ordinal)
                .DistinctBy(c => c.Slice.Dimension)
                .Take(MaxAdvicePerDirection);
            advice.AddRange(picked.Select(c => new ContentAdvice(c.Slice.Dimension, c.Slice.Key, more, c.Slice.Lift!.Value, c.Slice.Posts + c.Slice.PriorPosts)));
        }

        return advice;
    }

    private sealed class SliceSums
    {
        private double _e, _i, _x, _priorE, _priorI, _priorX;
        private int _posts, _priorPosts;

        public void Add(bool inMonth, double engagements, double impressions, double expected)
        {
            if (inMonth)
            {
                _posts++;
                _e += engagements;
                _i += impressions;
                _x += expected;
            }
            else
            {
                _priorPosts++;
                _priorE += engagements;
                _priorI += impressions;
                _priorX += expected;
            }
        }

        public ContentSlice ToSlice(string dimension, string key) => new()
        {
            Dimension = dimension,
            Key = key,
            Posts = _posts,
            EngagementRate = _i > 0 ? _e / _i : null,
            PriorPosts = _priorPosts,
            PriorEngagementRate = _priorI > 0 ? _priorE / _priorI : null,
            Lift = _x + _priorX > 0 ? (_e + _priorE) / (_x + _priorX) : null,
            MonthLift = _x > 0 ? _e / _x : null,
            PriorLift = _priorX > 0 ? _priorE / _priorX : null,
            Z = _x + _priorX > 0 ? Math.Abs(_e + _priorE - _x - _priorX) / Math.Sqrt(_x + _priorX) : 0,
        };
    }
}
