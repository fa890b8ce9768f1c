using System.Buffers;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Series;

/// <summary>
/// A brand's rated posts grouped per channel (ordinal order of the names), each channel's posts one contiguous range in
/// their input order, not yet sorted or indexed (<see cref="ChannelPosts.Of"/> does that). Rated: a lifetime post snapshot
/// with impressions and at least one engagement component (metrics.md's ER needs both). The posts are read once, here: the
/// fields the replay needs are copied into one buffer, rented from the shared pool and returned (cleared) on dispose —
/// a brand's detection then allocates next to nothing per post.
/// </summary>
internal sealed class ChannelGroups : IDisposable
{
    private readonly List<(string Name, int Start, int Count)> _channels;
    private RatedPost[] _posts;

    private readonly int _used;

    private ChannelGroups(RatedPost[] posts, int used, List<(string Name, int Start, int Count)> channels)
    {
        _posts = posts;
        _used = used;
        _channels = channels;
    }

    public int Count => _channels.Count;

    public string Name(int channel) => _channels[channel].Name;

    /// <summary>The channel's posts (may be sorted in place by <see cref="ChannelPosts.Of"/>).</summary>
    public Span<RatedPost> Posts(int channel) => _posts.AsSpan(_channels[channel].Start, _channels[channel].Count);

    public static ChannelGroups Of(IEnumerable<CanonicalPost> posts, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var rated = ArrayPool<RatedPost>.Shared.Rent(posts.TryGetNonEnumeratedCount(out var known) ? Math.Max(known, 16) : 1024);
        var channelOf = ArrayPool<int>.Shared.Rent(rated.Length);
        var names = new List<string>();
        var counts = new List<int>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var contiguous = true;
        var current = -1;
        string? currentName = null;
        var n = 0;
        var asOfTicks = asOf.UtcTicks;
        try
        {
            foreach (var post in posts)
            {
                var ticks = post.PublishedAt.UtcTicks;
                if (ticks > asOfTicks || post.Kind != ExportKind.Posts || post.Impressions is not { } impressions || impressions <= 0 || Engagement.Of(post) is not { } engagements)
                {
                    continue;
                }

                // Stored posts come channel by channel: look the channel up only when it changes.
                if (!string.Equals(post.Channel, currentName, StringComparison.Ordinal))
                {
                    currentName = post.Channel;
                    if (lookup.TryGetValue(currentName, out current))
                    {
                        contiguous = false;
                    }
                    else
                    {
                        current = names.Count;
                        names.Add(currentName);
                        counts.Add(0);
                        lookup.Add(currentName, current);
                    }
                }

                if (n == rated.Length)
                {
                    rated = Grow(rated, n);
                    channelOf = Grow(channelOf, n);
                }

                rated[n] = new RatedPost(post, ticks, engagements, impressions, post.ContentType, post.Series);
                channelOf[n++] = current;
                counts[current]++;
            }

            // Channels in ordinal order of their names, each one range: runs as they came when every channel came in one
            // run, else a stable counting sort into a second buffer.
            var order = Enumerable.Range(0, names.Count).ToArray();
            Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
            var starts = new int[names.Count];
            if (contiguous)
            {
                for (var i = n - 1; i >= 0; i--)
                {
                    starts[channelOf[i]] = i;
                }
            }
            else
            {
                var next = 0;
                foreach (var c in order)
                {
                    starts[c] = next;
                    next += counts[c];
                }

                var fill = (int[])starts.Clone();
                var grouped = ArrayPool<RatedPost>.Shared.Rent(Math.Max(n, 16));
                for (var i = 0; i < n; i++)
                {
                    grouped[fill[channelOf[i]]++] = rated[i];
                }

                Release(rated, n);
                rated = grouped;
            }

            var channels = new List<(string Name, int Start, int Count)>(names.Count);
            channels.AddRange(order.Select(c => (names[c], starts[c], counts[c])));
            var groups = new ChannelGroups(rated, n, channels);
            rated = [];
            return groups;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(channelOf);
            Release(rated, n);
        }
    }

    private static T[] Grow<T>(T[] array, int used)
    {
        var larger = ArrayPool<T>.Shared.Rent(array.Length * 2);
        array.AsSpan(0, used).CopyTo(larger);
        array.AsSpan(0, used).Clear();
        ArrayPool<T>.Shared.Return(array);
        return larger;
    }

    /// <summary>Back to the pool without the posts it referenced (only the used part is cleared: the rest never held any).</summary>
    private static void Release(RatedPost[] posts, int used)
    {
        if (posts.Length > 0)
        {
            posts.AsSpan(0, used).Clear();
            ArrayPool<RatedPost>.Shared.Return(posts);
        }
    }

    public void Dispose()
    {
        Release(_posts, _used);
        _posts = [];
    }
}

/// <summary>One rated post with what the replay reads of it, so that the post itself is read once.</summary>
internal readonly record struct RatedPost(CanonicalPost Post, long Ticks, long Engagements, long Impressions, string ContentType, string? Series);
