using System.Runtime.CompilerServices;

namespace SocialFunctions.Core.Ingest.Tables;

/// <summary>
/// A text format's reader bound to the workbook sheet that holds its export (a TikTok or YouTube table downloaded as
/// .xlsx, a CSV re-saved as a workbook): what <see cref="ExportFormatDetector"/> answers for such an upload. It reads the
/// sheet view (<see cref="ExportProbe.ForSheet"/>) of the upload it is given, so the reader's rows, lines (sheet rows) and
/// errors are those of the CSV, and each rejection names the sheet.
/// </summary>
public sealed class SheetExportReader : IExportReader
{
    private readonly ExportProbe _sheet;

    /// <param name="inner">The text format's reader that took the sheet.</param>
    /// <param name="sheet">The sheet view it took (<see cref="ExportProbe.ForSheet"/>).</param>
    /// <param name="otherSheets">The workbook's other sheets, which hold no export the app reads: named in a warning.</param>
    public SheetExportReader(IExportReader inner, ExportProbe sheet, IReadOnlyList<string>? otherSheets = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(sheet);
        Inner = inner;
        _sheet = sheet.Sheet is not null ? sheet : throw new ArgumentException("not a sheet view (ExportProbe.ForSheet)", nameof(sheet));
        OtherSheets = otherSheets ?? [];
    }

    /// <summary>The workbook's sheets that are not read.</summary>
    public IReadOnlyList<string> OtherSheets { get; }

    /// <summary>The text format's own reader.</summary>
    public IExportReader Inner { get; }

    /// <summary>The sheet it reads, as named in the workbook.</summary>
    public string SheetName => _sheet.Sheet!.Name;

    public ExportFormatInfo Format => Inner.Format;

    public double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        return Inner.Match(ReferenceEquals(probe.File, _sheet.File) ? _sheet : probe);
    }

    public async IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!ReferenceEquals(probe.File, _sheet.File))
        {
            throw new ArgumentException($"this reader is bound to sheet '{SheetName}' of {_sheet.File.FileName}, not to {probe.File.FileName}", nameof(probe));
        }

        ArgumentNullException.ThrowIfNull(context);
        var part = $"sheet '{SheetName}'";
        if (OtherSheets.Count > 0)
        {
            // Not silent: the user sees which sheet was read and which were left.
            context.Warnings.Add($"{part} was read as {Format.DisplayName}; the workbook's other sheets hold no export the app reads and were not read: {string.Join(", ", OtherSheets.Select(s => $"'{s}'"))}.");
        }

        await foreach (var row in Inner.ReadAsync(_sheet, context, cancellationToken))
        {
            yield return row is RejectedRow rejected ? rejected with { Message = $"{part}: {rejected.Message}" } : row;
        }
    }
}
