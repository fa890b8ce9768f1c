using System.Text;

namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>
/// The header record of an export, looked up by name: case-, space- and trailing-colon-insensitive, with aliases
/// for older or translated names, and aware of duplicated columns (Meta writes <c>Views</c> twice).
/// </summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);

    public CsvHeader(IReadOnlyList<string> names, int line)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        Line = line;
        for (var i = 0; i < names.Count; i++)
        {
            var key = Normalize(names[i]);
            if (key.Length == 0)
            {
                continue;
            }

            if (!_byName.TryGetValue(key, out var indexes))
            {
                _byName[key] = indexes = [];
            }

            indexes.Add(i);
        }
    }

    /// <summary>The header names as written in the file.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>1-based physical line of the header.</summary>
    public int Line { get; }

    /// <summary>The header of the reader's current record.</summary>
    public static CsvHeader From(CsvReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new CsvHeader(reader.GetFields(), reader.Line);
    }

    /// <summary>True when any of <paramref name="aliases"/> is a column.</summary>
    public bool Has(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (_byName.ContainsKey(Normalize(alias)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first of <paramref name="aliases"/> (in priority order) that is a column; absent when none is.</summary>
    public CsvColumn Find(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (_byName.TryGetValue(Normalize(alias), out var indexes))
            {
                return new CsvColumn(Names[indexes[0]], [.. indexes]);
            }
        }

        return CsvColumn.Absent;
    }

    /// <summary>Like <see cref="Find"/>, but a missing column makes the file unreadable: throws naming it.</summary>
    public CsvColumn Require(string fileName, params ReadOnlySpan<string> aliases)
    {
        var column = Find(aliases);
        if (!column.IsPresent)
        {
            throw new ExportFormatException(
                fileName,
                Line,
                null,
                $"required column '{aliases[0]}' is missing; the header has: {string.Join(", ", Names.Take(40))}")
            {
                HeadersSeen = Names,
            };
        }

        return column;
    }

    /// <summary>Lower-case, whitespace and BOM removed, trailing colons dropped: <c>"Duration (secs)"</c> → <c>duration(secs)</c>.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF' || c == '"')
            {
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        while (builder.Length > 0 && builder[^1] is ':' or '：')
        {
            builder.Length--;
        }

        return builder.ToString();
    }
}

/// <summary>A column found by <see cref="CsvHeader.Find"/>: its name as written and its 0-based index(es).</summary>
public readonly record struct CsvColumn(string Name, int[] Indexes)
{
    public static CsvColumn Absent { get; } = new(string.Empty, []);

    public bool IsPresent => Indexes is { Length: > 0 };

    /// <summary>0-based index of the first occurrence, or -1.</summary>
    public int Index => IsPresent ? Indexes[0] : -1;

    /// <summary>The cell of this column in the current record: the first non-empty one when the column is duplicated.</summary>
    public ReadOnlySpan<char> Cell(CsvReader reader, out int field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        field = Index;
        if (!IsPresent)
        {
            return [];
        }

        for (var i = 0; i < Indexes.Length; i++)
        {
            var span = reader.GetSpan(Indexes[i]);
            if (!span.IsWhiteSpace())
            {
                field = Indexes[i];
                return span;
            }
        }

        return [];
    }
}
