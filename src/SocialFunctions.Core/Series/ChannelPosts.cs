using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Series;

/// <summary>
/// One channel's rated posts in time order as flat arrays (what the detector scans at every look), with each post's
/// content type and series as small integers.
/// </summary>
internal sealed class ChannelPosts
{
    // A channel has a handful of content types and series: a linear scan with ordinal comparison (the same string
    // instance first) beats hashing every post's strings. Kept between loads (cleared) like the arrays below.
    private readonly List<string> _types = new(4);
    private readonly Dictionary<string, int> _typeLookup = new(StringComparer.Ordinal);
    private readonly List<string> _series = new(8);
    private readonly Dictionary<string, int> _seriesLookup = new(StringComparer.Ordinal);
    private readonly List<int> _seriesCounts = new(8);

    private ChannelPosts()
    {
    }

    /// <summary>
    /// Indexes one channel's posts, in (time, id) order, into the arrays; they are reused from an earlier load when long
    /// enough (one instance per detector worker: a brand's channels then allocate next to nothing here).
    /// </summary>
    private bool Load(string name, ReadOnlySpan<RatedPost> list)
    {
        Name = name;
        var n = list.Length;
        Count = n;
        if (Ticks.Length < n)
        {
            var capacity = Math.Max(n, Ticks.Length * 2);
            Posts = new CanonicalPost[capacity];
            Engagements = new long[capacity];
            Ticks = new long[capacity];
            LogRate = new double[capacity];
            Rate = new double[capacity];
            Impressions = new double[capacity];
            Type = new int[capacity];
            Series = new int[capacity];
        }

        _types.Clear();
        _typeLookup.Clear();
        _series.Clear();
        _seriesLookup.Clear();
        _seriesCounts.Clear();
        for (var i = 0; i < n; i++)
        {
            var (post, ticks, engagements, count, contentType, seriesName) = list[i];

            // A store's time-ordered query gives the posts in order; anything else is sorted first (the caller reloads).
            if (i > 0 && (ticks < Ticks[i - 1] || (ticks == Ticks[i - 1] && string.CompareOrdinal(Posts[i - 1].PostId, post.PostId) > 0)))
            {
                return false;
            }

            var impressions = (double)count;
            Posts[i] = post;
            Engagements[i] = engagements;
            Ticks[i] = ticks;
            Impressions[i] = impressions;
            // A post with no engagement at all would have log ER −∞: count it as half an engagement (it is capped anyway).
            Rate[i] = Math.Max(engagements, 0.5) / impressions;
            LogRate[i] = Math.Log(Rate[i]);
            Type[i] = IndexOf(_types, _typeLookup, contentType);
            if (seriesName is { Length: > 0 })
            {
                var s = IndexOf(_series, _seriesLookup, seriesName);
                if (s == _seriesCounts.Count)
                {
                    _seriesCounts.Add(0);
                }

                _seriesCounts[s]++;
                Series[i] = s;
            }
            else
            {
                Series[i] = -1;
            }
        }

        TypeNames = [.. _types];

        // Series in ordinal order of their names (the order of the verdicts).
        var series = _series;
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
            SeriesPostIndices[r] = new int[_seriesCounts[order[r]]];
        }

        var filled = new int[order.Length];
        for (var i = 0; i < n; i++)
        {
            if (Series[i] >= 0)
            {
                var r = rank[Series[i]];
                Series[i] = r;
                SeriesPostIndices[r][filled[r]++] = i;
            }
        }

        return true;
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

    public string Name { get; private set; } = string.Empty;

    /// <summary>How many posts the channel has: the arrays below may be longer (reused), only their first Count count.</summary>
    public int Count { get; private set; }

    public CanonicalPost[] Posts { get; private set; } = [];

    /// <summary>UTC ticks of publication, ascending.</summary>
    public long[] Ticks { get; private set; } = [];

    public double[] LogRate { get; private set; } = [];

    /// <summary>Engagements / impressions, with 0 engagements counted as ½.</summary>
    public double[] Rate { get; private set; } = [];

    public double[] Impressions { get; private set; } = [];

    public long[] Engagements { get; private set; } = [];

    public int[] Type { get; private set; } = [];

    public string[] TypeNames { get; private set; } = [];

    /// <summary>Index into <see cref="SeriesNames"/>, −1 for a post outside every series.</summary>
    public int[] Series { get; private set; } = [];

    /// <summary>The channel's series, ordinal order.</summary>
    public string[] SeriesNames { get; private set; } = [];

    /// <summary>Per series, its posts' indices (ascending).</summary>
    public int[][] SeriesPostIndices { get; private set; } = [];

    /// <summary>
    /// The brand's rated posts published up to <paramref name="asOf"/>, per channel (ordinal order), each in time order
    /// (see <see cref="ChannelGroups"/>).
    /// </summary>
    public static List<ChannelPosts> ByChannel(IEnumerable<CanonicalPost> posts, DateTimeOffset asOf)
    {
        using var groups = ChannelGroups.Of(posts, asOf);
        var channels = new List<ChannelPosts>(groups.Count);
        for (var c = 0; c < groups.Count; c++)
        {
            channels.Add(Of(groups.Name(c), groups.Posts(c), reuse: null));
        }

        return channels;
    }

    /// <summary>
    /// One channel's group of <see cref="ChannelGroups"/>, in time order and indexed: into <paramref name="reuse"/>'s arrays
    /// when given (the instance it returns then: an earlier channel loaded into it is gone). Sorts <paramref name="posts"/>
    /// in place when they are not in (time, id) order.
    /// </summary>
    public static ChannelPosts Of(string name, Span<RatedPost> posts, ChannelPosts? reuse)
    {
        var channel = reuse ?? new ChannelPosts();
        if (!channel.Load(name, posts))
        {
            posts.Sort(static (a, b) => Compare(a, b));
            channel.Load(name, posts);
        }

        return channel;
    }

    private static int Compare(in RatedPost a, in RatedPost b)
    {
        var byTime = a.Ticks.CompareTo(b.Ticks);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Post.PostId, b.Post.PostId);
    }

    public SeriesPostPoint Point(int i)
    {
        var post = Posts[i];
        return new(post.PostId, post.PublishedAt, post.Impressions!.Value, Engagements[i], Engagements[i] / Impressions[i], post.Permalink, post.Text);
    }
}
