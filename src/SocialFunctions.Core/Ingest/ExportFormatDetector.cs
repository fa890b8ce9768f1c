using SocialFunctions.Core.Ingest.Spreadsheets;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// Picks the reader for a probed file: the best <see cref="IExportReader.Match"/> at or above <see cref="Threshold"/>.
/// A workbook no workbook reader takes is read by the text reader that takes one of its sheets (see
/// <see cref="DetectSheet"/>). Otherwise throws an <see cref="ExportFormatException"/> that says what the file is
/// (empty, an HTML page, binary, a zip or workbook of no known kind), names a known export the report does not use
/// (<see cref="KnownExports"/>) with what to download instead, or, for unknown text, the headers it saw and the closest
/// known format.
/// </summary>
public sealed class ExportFormatDetector
{
    /// <summary>Below this confidence a reader is not trusted with the file.</summary>
    public const double Threshold = 0.5;

    private readonly IReadOnlyList<IExportReader> _readers;

    public ExportFormatDetector(IEnumerable<IExportReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = [.. readers];
    }

    /// <summary>A new detector over <see cref="ExportReaders.All"/> (the app registers one as a singleton).</summary>
    public static ExportFormatDetector Default => new(ExportReaders.All);

    public IReadOnlyList<IExportReader> Readers => _readers;

    public IExportReader Detect(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var fileName = probe.File.FileName;
        switch (probe.Container)
        {
            case ExportContainer.Empty:
                throw new ExportFormatException(fileName, null, null, "the file is empty");
            case ExportContainer.Html:
                throw new ExportFormatException(
                    fileName,
                    1,
                    null,
                    "this is an HTML web page, not an export (probably an error or sign-in page saved as .csv); download the export again");
            case ExportContainer.Binary:
                throw new ExportFormatException(fileName, null, null, probe.BinaryKind ?? "this is not a text export (CSV), a spreadsheet (.xls/.xlsx) or an export zip");
        }

        if (Best(probe) is { } best)
        {
            return best;
        }

        if (Workbook.IsWorkbook(probe))
        {
            return DetectSheet(probe);
        }

        if (KnownExports.Find(probe) is { } known)
        {
            throw new ExportFormatException(fileName, null, null, known.Message) { KnownExport = known };
        }

        throw probe.Container switch
        {
            ExportContainer.Zip when probe.ZipEntries.Count == 0 =>
                new ExportFormatException(fileName, null, null, "this zip archive (or .xlsx) is damaged or empty and cannot be opened"),
            ExportContainer.Zip =>
                new ExportFormatException(
                    fileName,
                    null,
                    null,
                    $"this zip is neither a spreadsheet (.xlsx) nor a known export zip (TikTok, YouTube); it contains: {string.Join(", ", probe.ZipEntries.Take(10))}"),
            _ => UnknownText(probe),
        };
    }

    /// <summary>What the app reads from a workbook, for the answers that refuse one.</summary>
    public const string WorkbooksRead =
        "the app reads LinkedIn Page content exports (the sheets 'Metrics' and 'All posts'), LinkedIn creator analytics (the sheets 'ENGAGEMENT' and 'FOLLOWERS') and, from the one sheet that holds it, any export it reads as CSV (TikTok, YouTube, Meta, X, Pinterest, GA4, the canonical CSV)";

    /// <summary>The reader with the best match at or above <see cref="Threshold"/>; null when none is trusted with the file.</summary>
    private IExportReader? Best(ExportProbe probe)
    {
        IExportReader? best = null;
        var bestScore = 0.0;
        foreach (var reader in _readers)
        {
            var score = reader.Match(probe);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }

        return bestScore >= Threshold ? best : null;
    }

    /// <summary>
    /// A workbook no workbook reader (LinkedIn) takes: a CSV export downloaded or re-saved as .xlsx/.xls. Every text
    /// reader is matched against each sheet's first rows; the one sheet a reader takes is read by it (a workbook may hold
    /// chart, totals or notes sheets no reader takes, in any order, so "the first sheet" would be wrong). Several such
    /// sheets, or none, are refused naming the sheets: guessing which one the user meant would be a silent guess.
    /// </summary>
    private SheetExportReader DetectSheet(ExportProbe probe)
    {
        var fileName = probe.File.FileName;
        var kind = probe.Container == ExportContainer.Ole2 ? ".xls" : ".xlsx";
        var sheets = SheetPreview.ReadAll(probe);
        var views = sheets.Select(probe.ForSheet).ToList();
        var matches = views.Select(view => (View: view, Reader: Best(view))).Where(m => m.Reader is not null).ToList();
        if (matches.Count == 1)
        {
            var read = matches[0].View.Sheet!;
            return new SheetExportReader(matches[0].Reader!, matches[0].View, [.. sheets.Where(s => s != read).Select(s => s.Name)]);
        }

        if (matches.Count > 1)
        {
            var readable = string.Join(", ", matches.Select(m => $"'{m.View.Sheet!.Name}' ({m.Reader!.Format.DisplayName})"));
            throw new ExportFormatException(
                fileName,
                null,
                null,
                $"this {kind} workbook has {matches.Count} sheets that each hold an export: {readable}; an upload is read as one export, so upload each sheet as its own file (save it as CSV, or delete the other sheets)");
        }

        foreach (var view in views)
        {
            if (KnownExports.Find(view) is { } known)
            {
                throw new ExportFormatException(fileName, null, null, $"sheet '{view.Sheet!.Name}': {known.Message}") { KnownExport = known };
            }
        }

        if (views is [{ Csv.Records.Count: > 0 } only])
        {
            var unknown = UnknownText(only);
            throw new ExportFormatException(fileName, unknown.Line, null, $"sheet '{only.Sheet!.Name}' of this {kind} workbook: {unknown.Reason}; {WorkbooksRead}")
            {
                HeadersSeen = unknown.HeadersSeen,
                ClosestFormat = unknown.ClosestFormat,
            };
        }

        var seen = sheets.Count == 0
            ? "(none)"
            : string.Join(", ", sheets.Take(10).Select(s => s.Preview.LikelyHeader() is { Count: > 0 } headers
                ? $"'{s.Name}' (headers: {string.Join(", ", headers.Where(h => h.Length > 0).Take(8).Select(h => $"'{Shorten(h)}'"))})"
                : $"'{s.Name}' (empty)"));
        throw new ExportFormatException(fileName, null, null, $"this {kind} workbook matches no known export; sheets seen: {seen}; {WorkbooksRead}");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");

    /// <summary>The known format whose signature headers overlap most with <paramref name="headersSeen"/>.</summary>
    public (ExportFormatInfo Format, int Overlap)? Closest(IReadOnlyList<string> headersSeen)
    {
        ArgumentNullException.ThrowIfNull(headersSeen);
        var seen = headersSeen.Select(TableHeader.Normalize).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
        (ExportFormatInfo Format, int Overlap, double Share)? best = null;
        foreach (var reader in _readers)
        {
            var signature = reader.Format.SignatureHeaders;
            if (signature.Count == 0)
            {
                continue;
            }

            var overlap = signature.Count(s => seen.Contains(TableHeader.Normalize(s)));
            var share = (double)overlap / signature.Count;
            if (overlap > 0 && (best is null || share > best.Value.Share))
            {
                best = (reader.Format, overlap, share);
            }
        }

        return best is { } b ? (b.Format, b.Overlap) : null;
    }

    private ExportFormatException UnknownText(ExportProbe probe)
    {
        var preview = probe.Csv;
        if (preview is { Records.Count: > 0 } && preview.Records[0] is { Fields.Length: 1 } first && first.Fields[0].Count(c => c is ',' or ';' or '\t') >= 3)
        {
            // Every record sits in one quoted cell ("Post ID,""Account ID"",…"): a tool re-saved the CSV as one column.
            return new ExportFormatException(
                probe.File.FileName,
                first.Line,
                null,
                $"each line of this file is wrapped in quotes as one cell ('{Shorten(first.Fields[0])}'): it was re-saved by a tool that put every record in one column; upload the export as downloaded, or split the column (text to columns) and save as CSV again")
            {
                HeadersSeen = first.Fields,
            };
        }

        var headers = preview?.LikelyHeader() ?? [];
        var line = preview?.Records.FirstOrDefault(r => r.Fields == headers)?.Line ?? 1;
        var closest = Closest(headers);

        var seenText = headers.Count == 0 ? "(none)" : string.Join(", ", headers.Take(25).Select(h => $"'{h}'"));
        var message = $"unknown export format; headers seen: {seenText}";
        if (closest is { } c)
        {
            var missing = c.Format.SignatureHeaders
                .Where(s => !headers.Any(h => TableHeader.Normalize(h) == TableHeader.Normalize(s)))
                .Take(6)
                .Select(s => $"'{s}'");
            message += $"; closest known format: {c.Format.DisplayName} ({c.Overlap} of {c.Format.SignatureHeaders.Count} signature headers; missing {string.Join(", ", missing)})";
        }

        return new ExportFormatException(probe.File.FileName, line, null, message)
        {
            HeadersSeen = headers,
            ClosestFormat = closest?.Format.Name,
        };
    }
}
