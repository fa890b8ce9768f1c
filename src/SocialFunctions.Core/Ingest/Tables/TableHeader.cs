using System.Globalization;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// The header record of an export table, looked up by name: case-, space- and trailing-colon-insensitive, blind to
/// invisible format characters (YouTube's German exports hyphenate headers with soft hyphens: <c>Vi\u00ADdeo</c>), with
/// aliases for older or translated names, and aware of duplicated columns (Meta writes <c>Views</c> twice).
/// </summary>
public sealed class TableHeader
{
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly ExportTable? _table;

    public TableHeader(IReadOnlyList<string> names, int line)
        : this(names, line, null)
    {
    }

    private TableHeader(IReadOnlyList<string> names, int line, ExportTable? table)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        Line = line;
        _table = table;
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

    /// <summary>1-based physical line (sheet row) of the header.</summary>
    public int Line { get; }

    /// <summary>The header of the table's current record; errors from <see cref="Require"/> then name the file and part.</summary>
    public static TableHeader From(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new TableHeader(table.GetFields(), table.Line, table);
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
    public TableColumn Find(params ReadOnlySpan<string> aliases)
    {
        foreach (var alias in aliases)
        {
            if (_byName.TryGetValue(Normalize(alias), out var indexes))
            {
                return new TableColumn(Names[indexes[0]], [.. indexes]);
            }
        }

        return TableColumn.Absent;
    }

    /// <summary>Like <see cref="Find"/>, but a missing column makes the table unreadable: throws naming it.</summary>
    public TableColumn Require(params ReadOnlySpan<string> aliases)
    {
        var column = Find(aliases);
        if (!column.IsPresent)
        {
            var message = $"required column '{aliases[0]}' is missing; the header has: {string.Join(", ", Names.Take(40))}";
            var part = _table?.Part;
            throw new ExportFormatException(_table?.FileName ?? "(unknown)", Line, null, part is null ? message : $"{part}: {message}")
            {
                HeadersSeen = Names,
            };
        }

        return column;
    }

    /// <summary>
    /// Lower-case, whitespace, quotes, BOM and invisible format characters (soft hyphens, zero-width spaces) removed,
    /// trailing colons dropped: <c>"Duration (secs)"</c> → <c>duration(secs)</c>.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Stryker disable once Conditional,Equality : equivalent for `<` and `false ? :`, which only move a buffer of at most 256 chars to the heap; those putting a longer name in the stack buffer overflow it and fail Normalize_NameLongerThanTheStackBuffer_IsNormalizedWhole
        Span<char> buffer = name.Length <= StackChars ? stackalloc char[StackChars] : new char[name.Length];
        return new string(buffer[..NormalizeInto(name, buffer)]);
    }

    internal const int StackChars = 256;

    /// <summary><see cref="Normalize"/> into <paramref name="destination"/> (at least as long as the text); its length.</summary>
    internal static int NormalizeInto(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '"' || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            destination[length++] = char.ToLowerInvariant(c);
        }

        while (length > 0 && destination[length - 1] is ':' or '：')
        {
            length--;
        }

        return length;
    }

    /// <summary>A cell compared as a header name would be (e.g. a totals row's <c>Ge\u00ADsamt</c> is <c>gesamt</c>).</summary>
    public static bool IsNamed(ReadOnlySpan<char> cell, params ReadOnlySpan<string> names)
    {
        // Some readers ask this of every data row (is it the totals row?): compared without allocating.
        // Stryker disable once Conditional,Equality : equivalent for `<` and `false ? :`, which only move a buffer of at most 256 chars to the heap; those putting a longer cell in the stack buffer overflow it
        Span<char> cellBuffer = cell.Length <= StackChars ? stackalloc char[StackChars] : new char[cell.Length];
        var normal = cellBuffer[..NormalizeInto(cell, cellBuffer)];
        Span<char> nameBuffer = stackalloc char[StackChars];
        foreach (var name in names)
        {
            // Normalizing never lengthens a name: one shorter than the cell cannot match, and needs no normalizing.
            if (name.Length < normal.Length)
            {
                // Stryker disable once Statement : equivalent, normalizing never lengthens a name, so one shorter than the cell never equals it
                continue;
            }

            // Stryker disable once Conditional,Equality : equivalent for `<` and `false ? :`, which only move a buffer of at most 256 chars to the heap; those putting a longer name in the stack buffer overflow it
            var buffer = name.Length <= StackChars ? nameBuffer : new char[name.Length];
            if (normal.SequenceEqual(buffer[..NormalizeInto(name, buffer)]))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Names a cell is compared with as <see cref="TableHeader.IsNamed"/> compares them, normalized once: for readers that
/// ask it of every data row (is it the totals row?), one normalization of the cell and one lookup instead of one
/// normalization per name.
/// </summary>
public sealed class TableNames
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _normalized;

    /// <summary>The ASCII characters a normalized name starts with; null when a name normalizes to nothing (no shortcut then).</summary>
    private readonly bool[]? _asciiFirst;

    public TableNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var normalized = new HashSet<string>(names.Select(TableHeader.Normalize), StringComparer.Ordinal);
        _normalized = normalized.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!normalized.Contains(string.Empty))
        {
            _asciiFirst = new bool[128];
            foreach (var name in normalized)
            {
                if (name[0] < 128)
                {
                    _asciiFirst[name[0]] = true;
                }
            }
        }
    }

    public bool Contains(ReadOnlySpan<char> cell)
    {
        // Normalizing keeps a leading ASCII character other than white space and '"' (ASCII has no format characters),
        // lower-cased, or drops the whole cell to nothing (all colons): either way a cell starting with a character no
        // name starts with is none of them. Most cells (a video id) end here, without normalizing.
        if (_asciiFirst is { } first && !cell.IsEmpty && cell[0] is var c && c < 128 && c != '"' && !char.IsWhiteSpace(c)
            && !first[char.ToLowerInvariant(c)])
        {
            return false;
        }

        // Stryker disable once Conditional,Equality : equivalent for `<` and `false ? :`, which only move a buffer of at most 256 chars to the heap; those putting a longer cell in the stack buffer overflow it and fail TableNames_CellLongerThanTheStackBuffer_IsComparedWhole
        Span<char> buffer = cell.Length <= TableHeader.StackChars ? stackalloc char[TableHeader.StackChars] : new char[cell.Length];
        return _normalized.Contains(buffer[..TableHeader.NormalizeInto(cell, buffer)]);
    }
}

/// <summary>A column found by <see cref="TableHeader.Find"/>: its name as written and its 0-based index(es).</summary>
public readonly record struct TableColumn(string Name, int[] Indexes)
{
    public static TableColumn Absent { get; } = new(string.Empty, []);

    public bool IsPresent => Indexes is { Length: > 0 };

    /// <summary>0-based index of the first occurrence, or -1.</summary>
    public int Index => IsPresent ? Indexes[0] : -1;

    /// <summary>
    /// The cell of this column in the current record. A duplicated column (Meta's two <c>Views</c>) reads its first
    /// non-empty occurrence: in every real export studied both held the same number.
    /// </summary>
    public ReadOnlySpan<char> Cell(ExportTable table, out int field)
    {
        ArgumentNullException.ThrowIfNull(table);
        var indexes = Indexes;
        if (indexes is not { Length: > 0 })
        {
            field = -1;
            return [];
        }

        field = indexes[0];
        if (indexes.Length == 1)
        {
            // The usual case: one occurrence. A blank cell reads as empty, as below.
            var only = table.GetSpan(field);
            return only.IsEmpty || !char.IsWhiteSpace(only[0]) || !only.IsWhiteSpace() ? only : [];
        }

        for (var i = 0; i < indexes.Length; i++)
        {
            var span = table.GetSpan(indexes[i]);
            if (!span.IsWhiteSpace())
            {
                field = indexes[i];
                return span;
            }
        }

        return [];
    }
}
