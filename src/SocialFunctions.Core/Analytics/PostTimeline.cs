using System.Runtime.InteropServices;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// The brand's records placed on its local calendar, deciding which records count in a period:
/// <list type="bullet">
/// <item>Lifetime snapshots (<see cref="ExportKind.Posts"/>) count in the period containing their local publish date,
/// with all their lifetime metrics; if the same post was loaded twice, the latest export wins.</item>
/// <item>Range aggregates (<see cref="ExportKind.Range"/>: YouTube table data, GA4 pages) count in a period only when
/// their whole range lies inside it: nothing says how a two-month range split between its months, so it is not
/// guessed. Several ranges of one item inside a period overlap or nest; the longest wins (then the latest export),
/// and further ranges count only if they do not overlap one already taken, so nothing is counted twice. A monthly
/// export therefore counts in its month; a September–October export counts in neither month (the coverage section
/// still lists it) but in any longer period that contains it, such as a rolling 3 months.</item>
/// </list>
/// Publishing cadence and weekly trends use snapshots only: a range row is a metric window, not a publishing event
/// (GA4 pages have no publish date at all).
/// </summary>
public sealed class PostTimeline
{
    private readonly List<DatedPost> _snapshots;
    private readonly List<RangePost> _ranges;

    // Snapshots sorted by local date, all channels and per channel: a period is a binary search and a slice, so the
    // dozens of periods a report asks for (13 months × channels, baselines, windows) never rescan the brand's posts.
    private readonly DatedPost[] _byDate;
    private readonly Dictionary<string, DatedPost[]> _byChannel;
    private readonly string[] _channels;

    public PostTimeline(IEnumerable<CanonicalPost> posts, BrandClock clock)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(clock);
        var latest = new Dictionary<(string Channel, string PostId), CanonicalPost>();
        var ranges = new List<RangePost>();
        foreach (var post in posts)
        {
            if (post.Kind == ExportKind.Range)
            {
                var from = post.RangeFrom ?? clock.LocalDate(post.PublishedAt);
                ranges.Add(new RangePost(post, from, post.RangeTo ?? from));
            }
            else
            {
                // One hash lookup a post: the slot is added (null) or found, then kept or replaced by the later export.
                ref var seen = ref CollectionsMarshal.GetValueRefOrAddDefault(latest, (post.Channel, post.PostId), out _);
                if (seen is null || (post.ExportedAt ?? DateTimeOffset.MinValue) >= (seen.ExportedAt ?? DateTimeOffset.MinValue))
                {
                    seen = post;
                }
            }
        }

        _snapshots = new List<DatedPost>(latest.Count);
        foreach (var post in latest.Values)
        {
            _snapshots.Add(new DatedPost(post, clock.LocalDate(post.PublishedAt)));
        }

        _ranges = ranges;
        _byDate = SortedByDate(_snapshots);
        _byChannel = ByChannel(_byDate);
        _channels = DistinctChannels(_snapshots.Select(s => s.Post.Channel).Concat(_ranges.Select(r => r.Post.Channel)));
    }

    /// <summary>Snapshots with their local publish date.</summary>
    public IReadOnlyList<DatedPost> Snapshots => _snapshots;

    /// <summary>Channels with any record.</summary>
    public IEnumerable<string> Channels => _channels;

    /// <summary>Snapshots published on the local days [<paramref name="from"/>, <paramref name="to"/>], oldest first, optionally of one channel.</summary>
    public ArraySegment<DatedPost> SnapshotsIn(DateOnly from, DateOnly to, string? channel = null)
    {
        var source = channel is null ? _byDate : _byChannel.GetValueOrDefault(channel, []);
        var start = FirstOnOrAfter(source, from);
        var end = FirstOnOrAfter(source, to.AddDays(1));
        return start >= end ? ArraySegment<DatedPost>.Empty : new ArraySegment<DatedPost>(source, start, end - start);
    }

    /// <summary>Records counting in the local days [<paramref name="from"/>, <paramref name="to"/>], optionally of one channel.</summary>
    public IEnumerable<CanonicalPost> In(DateOnly from, DateOnly to, string? channel = null)
    {
        var snapshots = channel is null ? _byDate : _byChannel.GetValueOrDefault(channel, []);
        var start = FirstOnOrAfter(snapshots, from);
        var end = FirstOnOrAfter(snapshots, to.AddDays(1));
        for (var i = start; i < end; i++)
        {
            yield return snapshots[i].Post;
        }

        if (_ranges.Count == 0)
        {
            yield break;
        }

        var candidates = _ranges
            .Where(r => r.From >= from && r.To <= to && r.From <= r.To && (channel is null || r.Post.Channel == channel))
            .GroupBy(r => (r.Post.Channel, r.Post.PostId));
        foreach (var item in candidates)
        {
            var taken = new List<RangePost>();
            foreach (var range in item.OrderByDescending(r => r.To.DayNumber - r.From.DayNumber).ThenByDescending(r => r.Post.ExportedAt ?? DateTimeOffset.MinValue))
            {
                if (taken.TrueForAll(t => range.To < t.From || range.From > t.To))
                {
                    taken.Add(range);
                    yield return range.Post;
                }
            }
        }
    }

    /// <summary>True when the channel has range aggregates that overlap the month without lying inside it (not counted in it).</summary>
    public bool HasStraddlingRanges(ReportMonth month, string channel) =>
        _ranges.Exists(r => r.Post.Channel == channel && r.From <= month.LastDay && r.To >= month.FirstDay && (r.From < month.FirstDay || r.To > month.LastDay));

    public IEnumerable<CanonicalPost> In(ReportMonth month, string? channel = null) => In(month.FirstDay, month.LastDay, channel);

    /// <summary>Records in the months from <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public IEnumerable<CanonicalPost> In(ReportMonth first, ReportMonth last, string? channel = null) => In(first.FirstDay, last.LastDay, channel);

    /// <summary>The distinct channels in order of first appearance (Distinct's order), skipping runs of the same one cheaply.</summary>
    private static string[] DistinctChannels(IEnumerable<string> channels)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        string? last = null;
        foreach (var channel in channels)
        {
            if (!string.Equals(channel, last, StringComparison.Ordinal))
            {
                last = channel;
                if (seen.Add(channel))
                {
                    ordered.Add(channel);
                }
            }
        }

        return [.. ordered];
    }

    /// <summary>
    /// The snapshots ordered by local day, keeping their order within a day (a stable sort, so results never depend on a
    /// sort's whims): a counting sort over the days, since a brand's posts span a few hundred days at most, not millions.
    /// </summary>
    private static DatedPost[] SortedByDate(List<DatedPost> snapshots)
    {
        if (snapshots.Count == 0)
        {
            return [];
        }

        int min = int.MaxValue, max = int.MinValue;
        foreach (var s in snapshots)
        {
            min = Math.Min(min, s.Date.DayNumber);
            max = Math.Max(max, s.Date.DayNumber);
        }

        var sorted = new DatedPost[snapshots.Count];
        if ((long)max - min >= 4L * snapshots.Count + 1024)
        {
            // Few posts spread over many years: a comparison sort on (day, insertion index) is cheaper than the counts.
            var keys = new long[sorted.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                sorted[i] = snapshots[i];
                keys[i] = ((long)snapshots[i].Date.DayNumber << 32) | (uint)i;
            }

            Array.Sort(keys, sorted);
            return sorted;
        }

        var starts = new int[max - min + 2];
        foreach (var s in snapshots)
        {
            starts[s.Date.DayNumber - min + 1]++;
        }

        for (var d = 1; d < starts.Length; d++)
        {
            starts[d] += starts[d - 1];
        }

        foreach (var s in snapshots)
        {
            sorted[starts[s.Date.DayNumber - min]++] = s;
        }

        return sorted;
    }

    /// <summary>Each channel's snapshots in the order of <paramref name="byDate"/>, counted first so each array is allocated once.</summary>
    private static Dictionary<string, DatedPost[]> ByChannel(DatedPost[] byDate)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        var lastCount = 0;
        foreach (var s in byDate)
        {
            // Posts come in runs of a channel often enough that comparing with the previous one saves most lookups.
            if (!string.Equals(s.Post.Channel, last, StringComparison.Ordinal))
            {
                if (last is not null)
                {
                    counts[last] = lastCount;
                }

                last = s.Post.Channel;
                lastCount = counts.GetValueOrDefault(last);
            }

            lastCount++;
        }

        if (last is not null)
        {
            counts[last] = lastCount;
        }

        var result = new Dictionary<string, DatedPost[]>(counts.Count, StringComparer.Ordinal);
        var filled = new Dictionary<string, int>(counts.Count, StringComparer.Ordinal);
        foreach (var (channel, count) in counts)
        {
            result[channel] = new DatedPost[count];
            filled[channel] = 0;
        }

        DatedPost[]? target = null;
        var at = 0;
        last = null;
        foreach (var s in byDate)
        {
            if (!string.Equals(s.Post.Channel, last, StringComparison.Ordinal))
            {
                if (last is not null)
                {
                    filled[last] = at;
                }

                last = s.Post.Channel;
                target = result[last];
                at = filled[last];
            }

            target![at++] = s;
        }

        return result;
    }

    private static int FirstOnOrAfter(DatedPost[] sorted, DateOnly day)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (sorted[middle].Date < day)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private sealed record RangePost(CanonicalPost Post, DateOnly From, DateOnly To);
}

/// <summary>A post with its publish date on the brand's local calendar.</summary>
public readonly record struct DatedPost(CanonicalPost Post, DateOnly Date);
