using System.Globalization;
using ExcelDataReader;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Spreadsheets;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// The current sheet of a workbook as a table of text: typed cells (re-saved files) are written the way an export
/// writes them — numbers invariant (<c>1203</c>, <c>0.045</c>), dates ISO (<c>2026-10-27</c>) — so readers parse one
/// form. <see cref="Line"/> is the 1-based sheet row. The workbook reader is owned by whoever opened it, unless
/// <paramref name="ownsWorkbook"/> (<see cref="Open"/>): then disposing the table closes the workbook.
/// </summary>
internal sealed class SheetTable(IExcelDataReader sheet, string fileName, bool ownsWorkbook = false)
    : ExportTable(fileName, $"sheet '{sheet.Name}'", CsvDialect.Default)
{
    /// <summary>Opens sheet <paramref name="index"/> (0-based) of the workbook <paramref name="file"/> as a table that owns the workbook.</summary>
    public static SheetTable Open(ExportFile file, int index)
    {
        var workbook = Workbook.Open(file);
        try
        {
            for (var i = 0; i < index; i++)
            {
                if (!workbook.NextResult())
                {
                    throw new ExportFormatException(file.FileName, null, null, $"the workbook has no sheet {index + 1}");
                }
            }

            return new SheetTable(workbook, file.FileName, ownsWorkbook: true);
        }
        catch
        {
            workbook.Dispose();
            throw;
        }
    }

    private string[] _cells = [];
    private int _count;
    private int _row;

    /// <summary>The sheet's name as written in the workbook.</summary>
    public string SheetName { get; } = sheet.Name ?? string.Empty;

    public override int FieldCount => _count;

    public override int Line => _row;

    public override ReadOnlySpan<char> GetSpan(int field) => (uint)field < (uint)_count ? _cells[field] : [];

    public override ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!sheet.Read())
        {
            return ValueTask.FromResult(false);
        }

        _row++;
        _count = sheet.FieldCount;
        // Stryker disable once Equality : equivalent for `<=`, which only replaces the array by a new one of the same length (every cell is rewritten below); `>` never grows it and fails the sheet tests
        if (_cells.Length < _count)
        {
            _cells = new string[_count];
        }

        for (var i = 0; i < _count; i++)
        {
            _cells[i] = Text(sheet.GetValue(i));
        }

        return ValueTask.FromResult(true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsWorkbook)
        {
            sheet.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A typed cell as the text an export would hold.</summary>
    internal static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        // Stryker disable once String : equivalent, since .NET Core 3.0 a double's default format is the shortest round-trippable text, as "R"
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt when dt.TimeOfDay == TimeSpan.Zero => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
