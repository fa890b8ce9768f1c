using System.Globalization;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Posts whose views are 0 while their reach is not. Every account reached saw the post at least once, so that 0 is a
/// view count Meta did not export (seen in a real 2025 Facebook file: Views 0 in all 48 posts, reach 5–57), not a
/// measurement: such a post is stored without views, so view totals and engagement rates leave it out instead of
/// counting it as seen by nobody, and the upload says so once. A post on two rows (<see cref="MetaRepeatedPosts"/>) is
/// judged on its last, combined row.
/// </summary>
internal sealed class MetaMissingViews(string fileName)
{
    // The line of each post stored without views (its last row's).
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    /// <summary>The views to store: null for 0 views with a reach above 0, else <paramref name="views"/>.</summary>
    public long? Check(long? views, long? reach, int line, string postId)
    {
        if (views != 0 || reach is not > 0)
        {
            // A later row of a post may bring its views (MetaRepeatedPosts); most files have no such post to forget.
            if (_lines.Count > 0)
            {
                _lines.Remove(postId);
            }

            return views;
        }

        _lines[postId] = line;
        return null;
    }

    /// <summary>Adds the upload's warning when any post was affected.</summary>
    public void Warn(ExportWarnings warnings)
    {
        var count = _lines.Count;
        if (count == 0)
        {
            return;
        }

        var lines = count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"line {_lines.Values.Min()}")
            : string.Create(CultureInfo.InvariantCulture, $"lines {_lines.Values.Min()}–{_lines.Values.Max()}");
        warnings.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName}: {count:N0} {(count == 1 ? "post has" : "posts have")} 0 views but a reach above 0 ({lines}), which cannot be: Meta did not export their views. They are stored without views (a post already stored with its views keeps them), so view totals and engagement rates leave the others out; export the period again later to fill them in."));
    }
}
