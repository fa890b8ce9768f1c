namespace SocialFunctions.Core.Ingest.Csv;

/// <summary>What an empty cell in a column the export does have means.</summary>
public enum EmptyCell
{
    /// <summary>Not provided: null.</summary>
    Missing,

    /// <summary>Zero (Meta: "empty cells mean 0 or not applicable").</summary>
    Zero,
}

/// <summary>
/// Typed reads of the current record's cells that remember the first bad cell instead of throwing, so a reader
/// can turn a bad row into a <see cref="RejectedRow"/> with line, column and what was expected, and keep going.
/// A column the export lacks reads as null; <c>-</c> (X promoted columns) is missing.
/// </summary>
/// <example>
/// <code>
/// cells.Begin(csv);
/// var views = cells.Count(viewsColumn, EmptyCell.Zero);
/// if (cells.Rejection is { } rejected) { yield return rejected; continue; }
/// </code>
/// </example>
public sealed class CsvCells(CsvDialect dialect)
{
    private CsvReader? _reader;

    /// <summary>The first problem in the current record, if any.</summary>
    public RejectedRow? Rejection { get; private set; }

    public CsvDialect Dialect { get; } = dialect;

    private CsvReader Reader => _reader ?? throw new InvalidOperationException("Call Begin(reader) first.");

    /// <summary>Starts a new record (clears <see cref="Rejection"/>).</summary>
    public void Begin(CsvReader reader)
    {
        _reader = reader;
        Rejection = null;
    }

    /// <summary>Records a problem with the current record (only the first one is kept).</summary>
    public void Reject(int field, string message)
    {
        if (Rejection is null)
        {
            var reader = Reader;
            Rejection = new RejectedRow(reader.GetFieldLine(field), field >= 0 ? field + 1 : null, message);
        }
    }

    /// <summary>The trimmed text of a cell, or null when the column is absent or the cell empty.</summary>
    public string? Text(CsvColumn column)
    {
        var span = column.Cell(Reader, out _).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>The raw cell (untrimmed), e.g. for captions whose line breaks matter.</summary>
    public ReadOnlySpan<char> Raw(CsvColumn column, out int field) => column.Cell(Reader, out field);

    /// <summary>A count (<c>1203</c>, <c>1203.0</c>, <c>1,203</c>); null when the column is absent or the cell is <c>-</c>.</summary>
    public long? Count(CsvColumn column, EmptyCell empty)
    {
        if (!column.IsPresent)
        {
            return null;
        }

        var span = column.Cell(Reader, out var field).Trim();
        if (span.IsEmpty)
        {
            return empty == EmptyCell.Zero ? 0 : null;
        }

        if (span is "-" or "--" or "N/A" or "n/a")
        {
            return null;
        }

        if (CsvNumbers.TryParseCount(span, Dialect.DecimalComma, out var value))
        {
            return value;
        }

        Reject(field, $"{column.Name}: expected a number, found '{Shorten(span)}'");
        return null;
    }

    /// <summary>A real number (durations, watch time, rates); same rules as <see cref="Count"/>.</summary>
    public double? Number(CsvColumn column, EmptyCell empty)
    {
        if (!column.IsPresent)
        {
            return null;
        }

        var span = column.Cell(Reader, out var field).Trim();
        if (span.IsEmpty)
        {
            return empty == EmptyCell.Zero ? 0 : null;
        }

        if (span is "-" or "--" or "N/A" or "n/a")
        {
            return null;
        }

        if (CsvNumbers.TryParseDouble(span, Dialect.DecimalComma, out var value))
        {
            return value;
        }

        Reject(field, $"{column.Name}: expected a number, found '{Shorten(span)}'");
        return null;
    }

    /// <summary>A local date/time in one of <paramref name="formats"/>, converted from <paramref name="zone"/> to UTC.</summary>
    public DateTimeOffset? LocalTime(CsvColumn column, string[] formats, TimeZoneInfo zone, string expected)
    {
        if (!column.IsPresent)
        {
            return null;
        }

        var span = column.Cell(Reader, out var field).Trim();
        if (CsvDates.TryParseLocal(span, formats, out var local) && CsvDates.IsPlausibleYear(local))
        {
            return CsvDates.LocalToUtc(local, zone);
        }

        Reject(field, $"{column.Name}: expected {expected}, found '{Shorten(span)}'");
        return null;
    }

    /// <summary>Rejects the record when a required cell is empty; returns the trimmed text otherwise.</summary>
    public string? RequiredText(CsvColumn column)
    {
        var text = Text(column);
        if (text is null && column.IsPresent)
        {
            Reject(column.Index, $"{column.Name}: expected a value, found an empty cell");
        }

        return text;
    }

    internal static string Shorten(ReadOnlySpan<char> value) =>
        value.Length <= 40 ? value.ToString() : string.Concat(value[..40], "…");
}
