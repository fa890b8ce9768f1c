using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Spreadsheets;
using SocialFunctions.Core.Ingest.Zip;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>Opens the tables of an upload the same way whatever holds them: the file itself, a zip entry, a sheet.</summary>
public static class ExportTables
{
    /// <summary>
    /// The uploaded text file as one table, in its detected encoding and dialect; for a sheet view
    /// (<see cref="ExportProbe.ForSheet"/>), that sheet of the workbook, its rows numbered as sheet rows.
    /// </summary>
    public static ExportTable Text(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Sheet is { } sheet)
        {
            return SheetTable.Open(probe.File, sheet.Index);
        }

        var preview = probe.Csv
            ?? throw new ExportFormatException(probe.File.FileName, null, null, "not a text file (CSV)");
        return new CsvTable(probe.OpenText(), probe.File.FileName, null, preview.Dialect);
    }

    /// <summary>A .csv entry of an uploaded export zip, in the dialect its first records show.</summary>
    public static ExportTable ZipEntry(ExportProbe probe, string entry)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var dialect = ExportZip.CsvPreviews(probe.File).TryGetValue(entry, out var preview) ? preview.Dialect : CsvDialect.Default;
        return new CsvTable(ExportZip.OpenText(probe.File, entry), probe.File.FileName, entry, dialect);
    }

    /// <summary>Every sheet of an uploaded workbook, in workbook order (the workbook closes when the loop ends).</summary>
    public static IEnumerable<ExportTable> Sheets(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!Workbook.IsWorkbook(probe))
        {
            throw Workbook.NotASpreadsheet(probe);
        }

        return SheetsOf(probe.File);
    }

    /// <summary>The first .csv entry of an export zip whose preview satisfies <paramref name="isMatch"/>; null for anything else.</summary>
    public static string? FindZipEntry(ExportProbe probe, Func<string, CsvPreview, bool> isMatch)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return ExportZip.IsExportZip(probe) ? ExportZip.FindCsvEntry(probe.File, isMatch) : null;
    }

    private static IEnumerable<ExportTable> SheetsOf(ExportFile file)
    {
        using var workbook = Workbook.Open(file);
        do
        {
            yield return new SheetTable(workbook, file.FileName);
        }
        while (workbook.NextResult());
    }
}
