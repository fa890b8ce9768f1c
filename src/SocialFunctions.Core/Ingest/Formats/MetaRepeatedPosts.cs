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
internal sealed class MetaRepeatedPosts(string fileName)
{
    // The earlier rows of each post, without their text: only the metrics are combined, and a file's captions are not held.
    private readonly Dictionary<string, CanonicalPost> _seen = new(StringComparer.Ordinal);
    private int _count;
    private int _firstLine;

    /// <summary>The post to store for this row: <paramref name="post"/> combined with the earlier rows of the same post.</summary>
    public CanonicalPost Combine(CanonicalPost post, int line)
    {
        if (!_seen.TryGetValue(post.PostId, out var earlier))
        {
            _seen[post.PostId] = post with { Text = null };
            return post;
        }

        _count++;
        _firstLine = _count == 1 ? line : _firstLine;
        var combined = post with
        {
            Text = post.Text,
            Permalink = post.Permalink ?? earlier.Permalink,
            ContentType = post.ContentType == ContentTypes.Other ? earlier.ContentType : post.ContentType,
            Impressions = Larger(post.Impressions, earlier.Impressions),
            Reach = Larger(post.Reach, earlier.Reach),
            Reactions = Larger(post.Reactions, earlier.Reactions),
            Comments = Larger(post.Comments, earlier.Comments),
            Shares = Larger(post.Shares, earlier.Shares),
            Saves = Larger(post.Saves, earlier.Saves),
            Clicks = Larger(post.Clicks, earlier.Clicks),
            VideoViews = Larger(post.VideoViews, earlier.VideoViews),
            WatchTimeSeconds = post.WatchTimeSeconds is { } watch && earlier.WatchTimeSeconds is { } before ? Math.Max(watch, before) : post.WatchTimeSeconds ?? earlier.WatchTimeSeconds,
            PlatformEngagements = Larger(post.PlatformEngagements, earlier.PlatformEngagements),
        };
        _seen[post.PostId] = combined with { Text = null };
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
}
