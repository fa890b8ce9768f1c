using System.Globalization;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Posts Meta writes on two rows of one content export. In real multi-page exports (Swedish, docs/exports.md: 15 to 59
/// such rows a file) one row of such a post holds its views and the other its reach and interactions, or both hold the
/// same numbers, in either order and far apart. Each row of a post is stored with, per metric, the larger of its own
/// value and the earlier rows' (the same lifetime count read twice; an empty cell was read as 0): the store keeps a
/// post's last row, which so holds every metric the file has for it. The upload says so once.
/// </summary>
/// <remarks>
/// Every post of the file is remembered, so the state is kept small: a post's metrics in one struct in an array, keyed by
/// its id as a number where it is one (Meta's ids are digits), so no id string is held. A 200 MB export's 104,335 posts
/// held as whole records raised the upload's peak working set from 247 to ~380 MB (BENCHMARKS.md, memory).
/// </remarks>
internal sealed class MetaRepeatedPosts(string fileName)
{
    private readonly Dictionary<long, int> _numericSlots = [];
    private readonly Dictionary<string, int> _otherSlots = new(StringComparer.Ordinal);
    private readonly List<Metrics> _metrics = [];
    private int _count;
    private int _firstLine;

    /// <summary>The post to store for this row: <paramref name="post"/> combined with the earlier rows of the same post.</summary>
    public CanonicalPost Combine(CanonicalPost post, int line)
    {
        // Digits only, and no leading zero: "007" and "7" stay two posts.
        var numeric = long.TryParse(post.PostId, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && (post.PostId.Length == 1 || post.PostId[0] != '0');
        var found = numeric ? _numericSlots.TryGetValue(number, out var slot) : _otherSlots.TryGetValue(post.PostId, out slot);
        if (!found)
        {
            if (numeric)
            {
                _numericSlots.Add(number, _metrics.Count);
            }
            else
            {
                _otherSlots.Add(post.PostId, _metrics.Count);
            }

            _metrics.Add(Metrics.Of(post));
            return post;
        }

        _count++;
        _firstLine = _count == 1 ? line : _firstLine;
        var earlier = _metrics[slot];
        var combined = post with
        {
            ContentType = post.ContentType == ContentTypes.Other ? earlier.ContentType : post.ContentType,
            Impressions = Larger(post.Impressions, earlier.Get(0)),
            Reach = Larger(post.Reach, earlier.Get(1)),
            Reactions = Larger(post.Reactions, earlier.Get(2)),
            Comments = Larger(post.Comments, earlier.Get(3)),
            Shares = Larger(post.Shares, earlier.Get(4)),
            Saves = Larger(post.Saves, earlier.Get(5)),
            Clicks = Larger(post.Clicks, earlier.Get(6)),
            VideoViews = Larger(post.VideoViews, earlier.Get(7)),
            PlatformEngagements = Larger(post.PlatformEngagements, earlier.Get(8)),
            WatchTimeSeconds = post.WatchTimeSeconds is { } watch && earlier.WatchTimeSeconds is { } before ? Math.Max(watch, before) : post.WatchTimeSeconds ?? earlier.WatchTimeSeconds,
        };
        _metrics[slot] = Metrics.Of(combined);
        return combined;
    }

    /// <summary>Adds the upload's warning when a post was on more than one row.</summary>
    public void Warn(ExportWarnings warnings)
    {
        if (_count == 0)
        {
            return;
        }

        warnings.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName}: {_count:N0} {(_count == 1 ? "row repeats a post" : "rows repeat posts")} of earlier rows (the first at line {_firstLine}); Meta writes some posts twice, with part of their metrics on each row. Each such post is stored once, with the larger of its rows' values for each metric."));
    }

    private static long? Larger(long? value, long? earlier) =>
        value is { } v && earlier is { } e ? Math.Max(v, e) : value ?? earlier;

    /// <summary>
    /// What a later row of the post takes from the earlier ones: nine counts with a bit each for "present", the watch time,
    /// the content type (one of the shared constants).
    /// </summary>
    private readonly struct Metrics
    {
        private readonly long _impressions, _reach, _reactions, _comments, _shares, _saves, _clicks, _videoViews, _engagements;
        private readonly ushort _present;

        private Metrics(CanonicalPost post)
        {
            ContentType = post.ContentType;
            WatchTimeSeconds = post.WatchTimeSeconds;
            _impressions = Keep(post.Impressions, 0, ref _present);
            _reach = Keep(post.Reach, 1, ref _present);
            _reactions = Keep(post.Reactions, 2, ref _present);
            _comments = Keep(post.Comments, 3, ref _present);
            _shares = Keep(post.Shares, 4, ref _present);
            _saves = Keep(post.Saves, 5, ref _present);
            _clicks = Keep(post.Clicks, 6, ref _present);
            _videoViews = Keep(post.VideoViews, 7, ref _present);
            _engagements = Keep(post.PlatformEngagements, 8, ref _present);
        }

        public string ContentType { get; }

        public double? WatchTimeSeconds { get; }

        public static Metrics Of(CanonicalPost post) => new(post);

        private static long Keep(long? value, int index, ref ushort present)
        {
            if (value is { } v)
            {
                present |= (ushort)(1 << index);
                return v;
            }

            return 0;
        }

        /// <summary>Count <paramref name="index"/> in the constructor's order, or null when the row had none.</summary>
        public long? Get(int index) => (_present & (1 << index)) == 0 ? null : index switch
        {
            0 => _impressions,
            1 => _reach,
            2 => _reactions,
            3 => _comments,
            4 => _shares,
            5 => _saves,
            6 => _clicks,
            7 => _videoViews,
            _ => _engagements,
        };
    }
}
