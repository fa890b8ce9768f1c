using System.Globalization;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// The Facebook pages or Instagram accounts of a Meta content export. Meta Business Suite exports several at once (the
/// real Swedish files hold 24 to 42 each), and all of an upload's posts go to its brand: the upload says so when the
/// file holds more than one, so a team that meant one page learns it before its report mixes them.
/// </summary>
internal sealed class MetaPages(string fileName, string network, string column)
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>The page or account id of a row (its cell as read; blank adds nothing). A string only for an id not seen before.</summary>
    public void Add(ReadOnlySpan<char> cell)
    {
        var id = cell.Trim();
        if (!id.IsEmpty)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.Contains(id))
            {
                lookup.Add(id);
            }
        }
    }

    /// <summary>Adds the upload's warning when the posts are of more than one page or account.</summary>
    public void Warn(ExportWarnings warnings)
    {
        if (_ids.Count < 2)
        {
            return;
        }

        warnings.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName}: the posts are of {_ids.Count:N0} {network} ({column}), all stored under this brand; if they are not all the brand's, export each one alone and upload it to its own brand."));
    }
}
