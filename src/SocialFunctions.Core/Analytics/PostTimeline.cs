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
            else if (!latest.TryGetValue((post.Channel, post.PostId), out var seen) || (post.ExportedAt ?? DateTimeOffset.MinValue) >= (seen.ExportedAt ?? DateTimeOffset.MinValue))
            {
                latest[(post.Channel, post.PostId)] = post;
            }
        }

        _snapshots = latest.Values.Select(p => new DatedPost(p, clock.LocalDate(p.PublishedAt))).ToList();
        _ranges = ranges;
        // A stable sort keeps the insertion order within a day, so results do not depend on the sort's whims: the key is
        // the day, then the insertion index (one array sort of longs instead of an ordered LINQ query).
        _byDate = [.. _snapshots];
        var keys = new long[_byDate.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)_byDate[i].Date.DayNumber << 32) | (uint)i;
        }

        Array.Sort(keys, _byDate);
        _byChannel = _byDate.GroupBy(s => s.Post.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Snapshots with their local publish date.</summary>
    public IReadOnlyList<DatedPost> Snapshots => _snapshots;

    /// <summary>Channels with any record.</summary>
    public IEnumerable<string> Channels => _snapshots.Select(s => s.Post.Channel).Concat(_ranges.Select(r => r.Post.Channel)).Distinct(StringComparer.Ordinal);

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
