using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// One table of an export, read a record at a time: a CSV file, a CSV entry of an export zip, or a workbook sheet.
/// Every cell is text and every record and field knows its physical line (sheet row), so all formats find columns,
/// parse cells and report errors the same way whatever the container (see <see cref="ExportTables"/> to open one).
/// </summary>
/// <remarks>Spans returned by <see cref="GetSpan"/> are valid until the next <see cref="ReadAsync"/>.</remarks>
public abstract class ExportTable : IDisposable
{
    protected ExportTable(string fileName, string? part, CsvDialect dialect)
    {
        FileName = fileName;
        Part = part;
        Dialect = dialect;
    }

    /// <summary>The uploaded file's name, for errors.</summary>
    public string FileName { get; }

    /// <summary>The zip entry or sheet inside the file (null for a bare CSV), for errors.</summary>
    public string? Part { get; }

    /// <summary>How the text is written: delimiter and decimal mark (sheets: invariant).</summary>
    public CsvDialect Dialect { get; }

    /// <summary>Fields in the current record (a blank line is one empty field).</summary>
    public abstract int FieldCount { get; }

    /// <summary>1-based physical line (sheet row) on which the current record starts.</summary>
    public abstract int Line { get; }

    /// <summary>The current record ended the file inside a quoted field (the download was probably cut off).</summary>
    public virtual bool IsTruncated => false;

    /// <summary>When <see cref="IsTruncated"/>: 0-based index of the unterminated field.</summary>
    // Stryker disable once Unary : equivalent, read only when IsTruncated, which is false for every table not overriding this
    public virtual int TruncatedField => -1;

    /// <summary>When <see cref="IsTruncated"/>: 1-based line where the unterminated quote opened.</summary>
    public virtual int TruncatedLine => Line;

    /// <summary>The record is an empty line (or only empty fields), which exports use as section breaks.</summary>
    public bool IsBlank
    {
        get
        {
            // Stryker disable once Equality : equivalent for `<=`, GetSpan(FieldCount) is empty (a field past the record), and empty is white space
            for (var i = 0; i < FieldCount; i++)
            {
                if (!GetSpan(i).IsWhiteSpace())
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The text of field <paramref name="field"/> (0-based); empty when the record is shorter.</summary>
    public abstract ReadOnlySpan<char> GetSpan(int field);

    /// <summary>1-based physical line on which field <paramref name="field"/> starts (multi-line cells move it).</summary>
    public virtual int GetFieldLine(int field) => Line;

    public string GetString(int field) => GetSpan(field).ToString();

    /// <summary>All fields of the current record as strings (for headers and previews, not for hot loops).</summary>
    public string[] GetFields()
    {
        var fields = new string[FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = GetString(i);
        }

        return fields;
    }

    /// <summary>Moves to the next record; false at the end of the table.</summary>
    public abstract ValueTask<bool> ReadAsync(CancellationToken cancellationToken);

    /// <summary>An error about the whole table at its current record (cut off, header missing…).</summary>
    public ExportFormatException Error(int? line, int? column, string message) =>
        new(FileName, line, column, Part is null ? message : $"{Part}: {message}");

    public void Dispose()
    {
        Dispose(true);
        // Stryker disable once Statement : equivalent, no table has a finalizer
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
