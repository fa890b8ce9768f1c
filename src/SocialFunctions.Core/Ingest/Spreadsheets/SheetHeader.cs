namespace SocialFunctions.Core.Ingest.Spreadsheets;

/// <summary>A sheet's header row: normalised names (for lookup), names as written (for messages), and its 1-based row.</summary>
internal sealed class SheetHeader(int row, string[] names, string[] written)
{
    public int Row { get; } = row;

    /// <summary>The names as written in the sheet, by column.</summary>
    public IReadOnlyList<string> Names { get; } = written;

    public bool Has(string name) => Array.IndexOf(names, name) >= 0;

    /// <summary>The 0-based index of the first alias present, else -1.</summary>
    public int Find(params string[] aliases)
    {
        foreach (var alias in aliases)
        {
            var index = Array.IndexOf(names, alias);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>The index of the column <paramref name="name"/> (as users read it); a missing one makes the file unreadable.</summary>
    public int Require(string name, string fileName, string? sheet)
    {
        var index = Find(SheetCells.NormalizeHeader(name));
        if (index < 0)
        {
            var seen = written.Where(n => n.Length > 0).ToList();
            throw new ExportFormatException(fileName, Row, null, $"sheet '{sheet}': required column '{name}' is missing (headers seen: {string.Join(", ", seen)}).")
            {
                HeadersSeen = seen,
            };
        }

        return index;
    }
}
