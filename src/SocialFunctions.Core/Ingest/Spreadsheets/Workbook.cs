using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace SocialFunctions.Core.Ingest.Spreadsheets;

/// <summary>
/// Opens .xls/.xlsx exports with ExcelDataReader, which reads one row at a time (no whole-sheet DOM), and turns
/// the library's failures into precise <see cref="ExportFormatException"/>s.
/// </summary>
internal static class Workbook
{
    static Workbook()
    {
        // Legacy .xls files store strings in Windows code pages that .NET only knows once this provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>True when the probe is a workbook container: an OLE2 file or a zip holding <c>xl/workbook.xml</c>.</summary>
    public static bool IsWorkbook(ExportProbe probe) => probe.Container switch
    {
        ExportContainer.Ole2 => true,
        ExportContainer.Zip => probe.ZipEntries.Any(e => string.Equals(e, "xl/workbook.xml", StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    /// <summary>Explains why a file named like a spreadsheet is not one.</summary>
    public static ExportFormatException NotASpreadsheet(ExportProbe probe)
    {
        var what = probe.Container switch
        {
            ExportContainer.Zip => "it is a zip archive without xl/workbook.xml",
            ExportContainer.Empty => "it is empty",
            ExportContainer.Html => "it is an HTML page (probably an error page saved under this name)",
            ExportContainer.Text => "it is plain text",
            _ => "its content is neither an Excel 97-2003 (.xls) nor an Office Open XML (.xlsx) workbook",
        };
        return new ExportFormatException(probe.File.FileName, null, null, $"not a spreadsheet: {what}.");
    }

    /// <summary>Opens the workbook; the caller disposes the reader (which disposes the stream).</summary>
    public static IExcelDataReader Open(ExportFile file)
    {
        var stream = file.OpenRead();
        try
        {
            return ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });
        }
        catch (Exception ex) when (IsReaderFailure(ex))
        {
            stream.Dispose();
            throw new ExportFormatException(file.FileName, null, null, $"not a readable spreadsheet: {ex.Message}");
        }
    }

    /// <summary>
    /// Failures ExcelDataReader raises for damaged or foreign content. Its own exceptions always count; the framework's
    /// (a truncated OLE2 header raises a bare <see cref="ArgumentException"/> from a GUID read off too few bytes, a cut
    /// .xlsx an <see cref="InvalidDataException"/> or <see cref="System.Xml.XmlException"/>) count only when ExcelDataReader
    /// was reading when they were raised, so the same exception types from our own code stay programming errors (a 500
    /// that gets fixed) instead of being reported as a damaged upload.
    /// </summary>
    public static bool IsReaderFailure(Exception ex) =>
        ex is ExcelReaderException
        || (ex is InvalidDataException or NotSupportedException or System.Xml.XmlException or EndOfStreamException
                or ArgumentException or IndexOutOfRangeException or FormatException
            && RaisedWhileReading(ex));

    private static bool RaisedWhileReading(Exception ex)
    {
        var library = typeof(IExcelDataReader).Assembly;
        return new System.Diagnostics.StackTrace(ex, fNeedFileInfo: false).GetFrames()
            .Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == library);
    }
}
