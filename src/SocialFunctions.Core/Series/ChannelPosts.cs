using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Series;

/// <summary>
/// One channel's rated posts in time order as flat arrays (what the detector scans at every look), with each post's
/// content type and series as small integers.
/// </summary>
internal sealed class ChannelPosts
{
    private ChannelPosts(string name, CanonicalPost[] posts, long[] engagements)
    {
        Name = name;
        Posts = posts;
        var n = posts.Length;
        Ticks = new long[n];
        LogRate = new double[n];
        Rate = new double[n];
        Impressions = new double[n];
        Engagements = engagements;
        Type = new int[n];
        Series = new int[n];

        // A channel has a handful of content types and series: a linear scan with ordinal comparison (the same string
        // instance first) beats hashing every post's strings.
        var types = new List<string>(4);
        var typeLookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var series = new List<string>(8);
        var seriesLookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var perSeries = new List<List<int>>(8);
        for (var i = 0; i < n; i++)
        {
            var post = posts[i];
            var impressions = (double)post.Impressions!.Value;
            Ticks[i] = post.PublishedAt.UtcTicks;
            Impressions[i] = impressions;
            // A post with no engagement at all would have log ER −∞: count it as half an engagement (it is capped anyway).
            Rate[i] = Math.Max(engagements[i], 0.5) / impressions;
            LogRate[i] = Math.Log(Rate[i]);
            Type[i] = IndexOf(types, typeLookup, post.ContentType);
            if (post.Series is { Length: > 0 } seriesName)
            {
                var s = IndexOf(series, seriesLookup, seriesName);
                if (s == perSeries.Count)
                {
                    perSeries.Add([]);
                }

                perSeries[s].Add(i);
                Series[i] = s;
            }
            else
            {
                Series[i] = -1;
            }
        }

        TypeNames = [.. types];

        // Series in ordinal order of their names (the order of the verdicts).
        var order = new int[series.Count];
        for (var s = 0; s < order.Length; s++)
        {
            order[s] = s;
        }

        Array.Sort(order, (a, b) => string.CompareOrdinal(series[a], series[b]));
        var rank = new int[order.Length];
        SeriesNames = new string[order.Length];
        SeriesPostIndices = new int[order.Length][];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
            SeriesNames[r] = series[order[r]];
            SeriesPostIndices[r] = [.. perSeries[order[r]]];
        }

        for (var i = 0; i < n; i++)
        {
            Series[i] = Series[i] < 0 ? -1 : rank[Series[i]];
        }
    }

    /// <summary>The index of <paramref name="name"/> in <paramref name="names"/>, added when new.</summary>
    private static int IndexOf(List<string> names, Dictionary<string, int> lookup, string name)
    {
        const int Linear = 8;
        var count = Math.Min(names.Count, Linear);
        for (var k = 0; k < count; k++)
        {
            if (ReferenceEquals(names[k], name) || string.Equals(names[k], name, StringComparison.Ordinal))
            {
                return k;
            }
        }

        if (names.Count > Linear && lookup.TryGetValue(name, out var index))
        {
            return index;
        }

        names.Add(name);
        lookup[name] = names.Count - 1;
        return names.Count - 1;
    }

    public string Name { get; }

    public CanonicalPost[] Posts { get; }

    /// <summary>UTC ticks of publication, ascending.</summary>
    public long[] Ticks { get; }

    public double[] LogRate { get; }

    /// <summary>Engagements / impressions, with 0 engagements counted as ½.</summary>
    public double[] Rate { get; }

    public double[] Impressions { get; }

    public long[] Engagements { get; }

    public int[] Type { get; }

    public string[] TypeNames { get; }

    /// <summary>Index into <see cref="SeriesNames"/>, −1 for a post outside every series.</summary>
    public int[] Series { get; }

    /// <summary>The channel's series, ordinal order.</summary>
    public string[] SeriesNames { get; }

    /// <summary>Per series, its posts' indices (ascending).</summary>
    public int[][] SeriesPostIndices { get; }

    /// <summary>
    /// The brand's rated posts published up to <paramref name="asOf"/>, per channel (ordinal order), each in time order.
    /// Rated: a lifetime post snapshot with impressions and at least one engagement component (metrics.md's ER needs both).
    /// </summary>
    public static IEnumerable<ChannelPosts> ByChannel(IEnumerable<CanonicalPost> posts, DateTimeOffset asOf) =>
        Group(posts, asOf).Select(g => Of(g.Name, g.Posts));

    /// <summary>The rated posts of <see cref="ByChannel"/> grouped per channel (ordinal order), not yet indexed: one pass over the posts.</summary>
    public static List<(string Name, List<(CanonicalPost Post, long Engagements)> Posts)> Group(IEnumerable<CanonicalPost> posts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var byChannel = new Dictionary<string, List<(CanonicalPost Post, long Engagements)>>(StringComparer.Ordinal);
        List<(CanonicalPost Post, long Engagements)>? current = null;
        string? currentName = null;
        var asOfTicks = asOf.UtcTicks;
        foreach (var post in posts)
        {
            if (post.PublishedAt.UtcTicks > asOfTicks || post.Kind != ExportKind.Posts || post.Impressions is not > 0 || Engagement.Of(post) is not { } engagements)
            {
                continue;
            }

            // Stored posts come channel by channel: look the list up only when the channel changes.
            if (!string.Equals(post.Channel, currentName, StringComparison.Ordinal))
            {
                currentName = post.Channel;
                if (!byChannel.TryGetValue(currentName, out current))
                {
                    current = [];
                    byChannel.Add(currentName, current);
                }
            }

            current!.Add((post, engagements));
        }

        var groups = byChannel.Select(c => (c.Key, c.Value)).ToList();
        groups.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return groups;
    }

    /// <summary>One channel's group of <see cref="Group"/>, in time order and indexed.</summary>
    public static ChannelPosts Of(string name, List<(CanonicalPost Post, long Engagements)> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!IsInOrder(list))
        {
            list.Sort(static (a, b) => Compare(a.Post, b.Post));
        }

        var sorted = new CanonicalPost[list.Count];
        var engagements = new long[list.Count];
        for (var i = 0; i < sorted.Length; i++)
        {
            (sorted[i], engagements[i]) = list[i];
        }

        return new ChannelPosts(name, sorted, engagements);
    }

    private static int Compare(CanonicalPost a, CanonicalPost b)
    {
        var byTime = a.PublishedAt.UtcTicks.CompareTo(b.PublishedAt.UtcTicks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.PostId, b.PostId);
    }

    /// <summary>True when the posts are already in (time, id) order, as a store's time-ordered query returns them.</summary>
    private static bool IsInOrder(List<(CanonicalPost Post, long Engagements)> list)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (Compare(list[i - 1].Post, list[i].Post) > 0)
            {
                return false;
            }
        }

        return true;
    }

    public SeriesPostPoint Point(int i)
    {
        var post = Posts[i];
        return new(post.PostId, post.PublishedAt, post.Impressions!.Value, Engagements[i], Engagements[i] / Impressions[i], post.Permalink, post.Text);
    }
}
