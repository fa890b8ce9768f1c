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
        // One pass over the posts (the only one that reads them all): each snapshot gets its channel's index, so sorting
        // and splitting by channel never touch the posts again; a brand has a handful of channels, usually in runs.
        var channelIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var channelNames = new List<string>();
        var byPostId = new List<Dictionary<string, int>>();
        var kept = new List<CanonicalPost>();
        var keptChannels = new List<int>();
        var ranges = new List<RangePost>();
        string? lastChannel = null;
        var lastIndex = -1;
        foreach (var post in posts)
        {
            if (post.Kind == ExportKind.Range)
            {
                var from = post.RangeFrom ?? clock.LocalDate(post.PublishedAt);
                ranges.Add(new RangePost(post, from, post.RangeTo ?? from));
                continue;
            }

            if (!string.Equals(post.Channel, lastChannel, StringComparison.Ordinal))
            {
                ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(channelIndexes, post.Channel, out var known);
                if (!known)
                {
                    index = channelNames.Count;
                    channelNames.Add(post.Channel);
                    byPostId.Add(new Dictionary<string, int>(StringComparer.Ordinal));
                }

                lastChannel = post.Channel;
                lastIndex = index;
            }

            // The same post loaded twice: the latest export wins, in the place of the first (a dictionary's order).
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(byPostId[lastIndex], post.PostId, out var exists);
            if (!exists)
            {
                slot = kept.Count;
                kept.Add(post);
                keptChannels.Add(lastIndex);
            }
            else if ((post.ExportedAt ?? DateTimeOffset.MinValue) >= (kept[slot].ExportedAt ?? DateTimeOffset.MinValue))
            {
                kept[slot] = post;
            }
        }

        _snapshots = new List<DatedPost>(kept.Count);
        foreach (var post in kept)
        {
            _snapshots.Add(new DatedPost(post, clock.LocalDate(post.PublishedAt)));
        }

        _ranges = ranges;
        var (byDate, channelOf) = SortedByDate(_snapshots, keptChannels);
        _byDate = byDate;
        _byChannel = ByChannel(byDate, channelOf, channelNames);
        foreach (var range in ranges)
        {
            if (!channelIndexes.ContainsKey(range.Post.Channel))
            {
                channelIndexes[range.Post.Channel] = channelNames.Count;
                channelNames.Add(range.Post.Channel);
            }
        }

        // First appearance order: the snapshots' channels, then those only ranges have (as Distinct over both would give).
        _channels = [.. channelNames];
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
        // Stryker disable once Equality : at start == end both branches give an empty segment
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
            // Stryker disable once Statement : a shortcut; without ranges the query below yields nothing either
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

    /// <summary>
    /// The snapshots ordered by local day, keeping their order within a day (a stable sort, so results never depend on a
    /// sort's whims), with each one's channel index: a counting sort over the days, since a brand's posts span a few
    /// hundred days, not millions.
    /// </summary>
    private static (DatedPost[] Sorted, int[] Channels) SortedByDate(List<DatedPost> snapshots, List<int> channels)
    {
        var sorted = new DatedPost[snapshots.Count];
        var sortedChannels = new int[snapshots.Count];
        if (snapshots.Count == 0)
        {
            return (sorted, sortedChannels);
        }

        int min = int.MaxValue, max = int.MinValue;
        foreach (var s in snapshots)
        {
            min = Math.Min(min, s.Date.DayNumber);
            max = Math.Max(max, s.Date.DayNumber);
        }

        // Stryker disable once all : only picks which of two sorts runs; both give the same order (a test runs each)
        if ((long)max - min >= (4L * snapshots.Count) + 1024)
        {
            // Few posts spread over many years: a comparison sort on (day, insertion index) is cheaper than the counts.
            var keys = new long[sorted.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)snapshots[i].Date.DayNumber << 32) | (uint)i;
            }

            Array.Sort(keys);
            for (var i = 0; i < keys.Length; i++)
            {
                var from = (int)(uint)keys[i];
                sorted[i] = snapshots[from];
                sortedChannels[i] = channels[from];
            }

            return (sorted, sortedChannels);
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

        for (var i = 0; i < snapshots.Count; i++)
        {
            var to = starts[snapshots[i].Date.DayNumber - min]++;
            sorted[to] = snapshots[i];
            sortedChannels[to] = channels[i];
        }

        return (sorted, sortedChannels);
    }

    /// <summary>Each channel's snapshots in the order of <paramref name="byDate"/>, by their channel indexes.</summary>
    private static Dictionary<string, DatedPost[]> ByChannel(DatedPost[] byDate, int[] channelOf, List<string> names)
    {
        var counts = new int[names.Count];
        foreach (var index in channelOf)
        {
            counts[index]++;
        }

        var arrays = new DatedPost[names.Count][];
        for (var c = 0; c < arrays.Length; c++)
        {
            arrays[c] = new DatedPost[counts[c]];
            counts[c] = 0;
        }

        for (var i = 0; i < byDate.Length; i++)
        {
            var c = channelOf[i];
            arrays[c][counts[c]++] = byDate[i];
        }

        var result = new Dictionary<string, DatedPost[]>(names.Count, StringComparer.Ordinal);
        for (var c = 0; c < arrays.Length; c++)
        {
            result[names[c]] = arrays[c];
        }

        return result;
    }

    private static int FirstOnOrAfter(DatedPost[] sorted, DateOnly day)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            // Stryker disable once Bitwise : >>> guards against overflow past 2^31 elements; below that >> halves the same
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
