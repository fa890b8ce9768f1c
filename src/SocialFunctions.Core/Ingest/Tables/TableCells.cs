using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest.Tables;

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
/// A column the export lacks reads as null; placeholders for "no value" (<c>-</c> in X's promoted columns,
/// <c>undefined</c> in TikTok's first days, <c>NaN</c>, <c>N/A</c>) are missing, never 0.
/// </summary>
/// <example>
/// <code>
/// cells.Begin(table);
/// var views = cells.Count(viewsColumn, EmptyCell.Zero);
/// if (cells.Rejection is { } rejected) { return rejected; }
/// </code>
/// </example>
public sealed class TableCells
{
    private ExportTable? _table;

    /// <summary>The first problem in the current record, if any.</summary>
    public RejectedRow? Rejection { get; private set; }

    private ExportTable Table => _table ?? throw new InvalidOperationException("Call Begin(table) first.");

    /// <summary>Starts a new record (clears <see cref="Rejection"/>).</summary>
    public void Begin(ExportTable table)
    {
        _table = table;
        Rejection = null;
    }

    /// <summary>Records a problem with the current record (only the first one is kept).</summary>
    public void Reject(int field, string message)
    {
        if (Rejection is null)
        {
            var table = Table;
            Rejection = new RejectedRow(table.GetFieldLine(field), field >= 0 ? field + 1 : null, message);
        }
    }

    /// <summary>The trimmed text of a cell, or null when the column is absent or the cell empty.</summary>
    public string? Text(TableColumn column)
    {
        var span = column.Cell(Table, out _).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>The raw cell (untrimmed), e.g. for captions whose line breaks matter.</summary>
    public ReadOnlySpan<char> Raw(TableColumn column, out int field) => column.Cell(Table, out field);

    /// <summary>A count (<c>1203</c>, <c>1203.0</c>, <c>1,203</c>); null when the column is absent or the cell a placeholder.</summary>
    public long? Count(TableColumn column, EmptyCell empty)
    {
        if (!TryCell(column, empty, out var span, out var field, out var emptyValue))
        {
            return emptyValue is null ? null : (long)emptyValue.Value;
        }

        if (ExportNumbers.TryParseCount(span, Table.Dialect.DecimalComma, out var value))
        {
            return value;
        }

        if (IsPlaceholder(span))
        {
            return null;
        }

        Reject(field, $"{column.Name}: expected a number, found '{Shorten(span)}'");
        return null;
    }

    /// <summary>A real number (durations, watch time, daily values); same rules as <see cref="Count"/>.</summary>
    public double? Number(TableColumn column, EmptyCell empty)
    {
        if (!TryCell(column, empty, out var span, out var field, out var emptyValue))
        {
            return emptyValue;
        }

        if (ExportNumbers.TryParseDouble(span, Table.Dialect.DecimalComma, out var value))
        {
            return value;
        }

        if (IsPlaceholder(span))
        {
            return null;
        }

        Reject(field, $"{column.Name}: expected a number, found '{Shorten(span)}'");
        return null;
    }

    /// <summary>
    /// A local date/time — <c>MM/DD/YYYY HH:MM</c> or ISO read by position, else one of <paramref name="formats"/> —
    /// converted to UTC by <paramref name="clock"/> (the brand's zone).
    /// </summary>
    internal DateTimeOffset? LocalTime(TableColumn column, string[] formats, LocalClock clock, string expected)
    {
        if (!column.IsPresent)
        {
            return null;
        }

        var span = column.Cell(Table, out var field).Trim();
        if ((CellDates.TryParseUsDateTime(span, out var local) || (CellDates.TryParseIso(span, out local, out var offset) && offset is null)
            || CsvDates.TryParseLocal(span, formats, out local)) && CsvDates.IsPlausibleYear(local))
        {
            return clock.ToUtc(local);
        }

        Reject(field, $"{column.Name}: expected {expected}, found '{Shorten(span)}'");
        return null;
    }

    /// <summary>Rejects the record when a required cell is empty; returns the trimmed text otherwise.</summary>
    public string? RequiredText(TableColumn column)
    {
        var text = Text(column);
        if (text is null && column.IsPresent)
        {
            Reject(column.Index, $"{column.Name}: expected a value, found an empty cell");
        }

        return text;
    }

    /// <summary>Placeholders exports write for "no value".</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> cell) =>
        cell is "-" or "--" or "—" || cell.Equals("N/A", StringComparison.OrdinalIgnoreCase)
        || cell.Equals("undefined", StringComparison.OrdinalIgnoreCase) || cell.Equals("NaN", StringComparison.OrdinalIgnoreCase);

    internal static string Shorten(ReadOnlySpan<char> value) =>
        value.Length <= 40 ? value.ToString() : string.Concat(value[..40], "…");

    /// <summary>The trimmed cell to parse; false (with the value it stands for) when absent or empty.</summary>
    private bool TryCell(TableColumn column, EmptyCell empty, out ReadOnlySpan<char> span, out int field, out double? emptyValue)
    {
        emptyValue = null;
        // Stryker disable once Unary : equivalent, field is read only when TryCell answers true, and by then it is set from the cell
        field = -1;
        span = [];
        if (!column.IsPresent)
        {
            return false;
        }

        span = column.Cell(Table, out field).Trim();
        if (span.IsEmpty)
        {
            emptyValue = empty == EmptyCell.Zero ? 0 : null;
            return false;
        }

        return true;
    }
}
