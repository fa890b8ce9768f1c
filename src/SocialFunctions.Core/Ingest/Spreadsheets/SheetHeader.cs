namespace SocialFunctions.Core.Ingest.Spreadsheets;

/// <summary>A sheet's header row: normalised names and the 1-based row it sits on.</summary>
internal sealed class SheetHeader(int row, string[] names)
{
    public int Row { get; } = row;

    public IReadOnlyList<string> Names { get; } = names;

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

    public int Require(string name, string fileName, string? sheet)
    {
        var index = Find(name);
        if (index < 0)
        {
            var seen = string.Join(", ", names.Where(n => n.Length > 0));
            throw new ExportFormatException(fileName, Row, null, $"sheet '{sheet}': required column '{name}' is missing (headers seen: {seen}).")
            {
                HeadersSeen = [.. names.Where(n => n.Length > 0)],
            };
        }

        return index;
    }
}
