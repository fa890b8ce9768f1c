using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// What every row of a Meta Business Suite posts export goes through once its post is built, in the Facebook and the
/// Instagram reader alike: its page or account counted (<see cref="MetaPages"/>), combined with earlier rows of the same
/// post (<see cref="MetaRepeatedPosts"/>), its 0 views beside a reach stored as missing (<see cref="MetaMissingViews"/>);
/// and the upload's warnings for all three.
/// </summary>
internal sealed class MetaPostChecks(string fileName, string network, string column)
{
    private readonly MetaPages _pages = new(fileName, network, column);
    private readonly MetaRepeatedPosts _repeated = new(fileName);
    private readonly MetaMissingViews _missingViews = new(fileName);

    /// <summary>The row to emit for <paramref name="post"/>, read at <paramref name="line"/> with this page or account cell.</summary>
    public PostRow Row(CanonicalPost post, int line, ReadOnlySpan<char> pageCell)
    {
        _pages.Add(pageCell);
        var combined = _repeated.Combine(post, line);

        // A copy only when the views change (0 beside a reach): a record per row is most of a row's allocation.
        var views = _missingViews.Check(combined.Impressions, combined.Reach, line, combined.PostId);
        return new PostRow(line, views == combined.Impressions ? combined : combined with { Impressions = views });
    }

    public void Warn(ExportWarnings warnings)
    {
        _repeated.Warn(warnings);
        _pages.Warn(warnings);
        _missingViews.Warn(warnings);
    }
}
