using System.Globalization;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Posts whose views are 0 while their reach is not. Every account reached saw the post at least once, so that 0 is a
/// view count Meta did not export (seen in a real 2025 Facebook file: Views 0 in all 48 posts, reach 5–57), not a
/// measurement: such a post is stored without views, so view totals and engagement rates leave it out instead of
/// counting it as seen by nobody, and the upload says so once.
/// </summary>
internal sealed class MetaMissingViews(string fileName)
{
    private int _count;
    private int _firstLine;
    private int _lastLine;

    /// <summary>The views to store: null for 0 views with a reach above 0, else <paramref name="views"/>.</summary>
    public long? Check(long? views, long? reach, int line)
    {
        if (views != 0 || reach is not > 0)
        {
            return views;
        }

        _count++;
        _firstLine = _count == 1 ? line : _firstLine;
        _lastLine = line;
        return null;
    }

    /// <summary>Adds the upload's warning when any post was affected.</summary>
    public void Warn(ExportWarnings warnings)
    {
        if (_count == 0)
        {
            return;
        }

        var lines = _count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"line {_firstLine}")
            : string.Create(CultureInfo.InvariantCulture, $"lines {_firstLine}–{_lastLine}");
        warnings.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName}: {_count:N0} {(_count == 1 ? "post has" : "posts have")} 0 views but a reach above 0 ({lines}), which cannot be: Meta did not export their views. They are stored without views, so view totals and engagement rates leave them out; export the period again later to fill them in."));
    }
}
