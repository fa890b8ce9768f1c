using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Spreadsheets;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// The first rows of one workbook sheet, as a text file's <see cref="CsvPreview"/>: what the text readers' <c>Match</c>
/// looks at when a CSV export comes as a workbook (see <see cref="ExportProbe.ForSheet"/>).
/// </summary>
/// <param name="Index">0-based position of the sheet in the workbook.</param>
/// <param name="Name">The sheet's name as written in the workbook.</param>
/// <param name="Preview">Its first non-blank rows as text (typed cells written as <see cref="SheetTable"/> writes them), with their sheet rows.</param>
public sealed record SheetPreview(int Index, string Name, CsvPreview Preview)
{
    /// <summary>Rows looked at per sheet for the preview, blank ones included: a sheet is never read whole to preview it.</summary>
    public const int MaxRows = 200;

    /// <summary>
    /// Every sheet of the workbook <paramref name="probe"/> holds, previewed in one pass that reads at most
    /// <see cref="CsvPreview.MaxRecords"/> non-blank rows (and <see cref="MaxRows"/> rows) of each: ExcelDataReader streams
    /// rows, so memory stays bounded however long the sheets are. A workbook that cannot be read is refused with the reason.
    /// </summary>
    public static IReadOnlyList<SheetPreview> ReadAll(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!Workbook.IsWorkbook(probe))
        {
            throw Workbook.NotASpreadsheet(probe);
        }

        var sheets = new List<SheetPreview>();
        try
        {
            using var workbook = Workbook.Open(probe.File);
            do
            {
                var records = new List<CsvPreviewRecord>();
                for (var row = 1; row <= MaxRows && records.Count < CsvPreview.MaxRecords && workbook.Read(); row++)
                {
                    var cells = new string[workbook.FieldCount];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = SheetTable.Text(workbook.GetValue(i));
                    }

                    if (cells.Any(c => !string.IsNullOrWhiteSpace(c)))
                    {
                        records.Add(new CsvPreviewRecord(row, cells));
                    }
                }

                sheets.Add(new SheetPreview(sheets.Count, workbook.Name ?? string.Empty, CsvPreview.Of(CsvDialect.Default, records)));
            }
            while (workbook.NextResult());
        }
        catch (Exception ex) when (Workbook.IsReaderFailure(ex))
        {
            throw new ExportFormatException(probe.File.FileName, null, null, $"not a readable spreadsheet: {ex.Message}");
        }

        return sheets;
    }
}
