using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// Picks the reader for a probed file: the best <see cref="IExportReader.Match"/> at or above <see cref="Threshold"/>.
/// Otherwise throws an <see cref="ExportFormatException"/> that says what the file is (empty, an HTML page, binary,
/// a zip or workbook of no known kind), names a known export the report does not use (<see cref="KnownExports"/>) with
/// what to download instead, or, for unknown text, the headers it saw and the closest known format.
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
                throw new ExportFormatException(fileName, null, null, "this is not a text export (CSV), a spreadsheet (.xls/.xlsx) or an export zip");
        }

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

        if (best is not null && bestScore >= Threshold)
        {
            return best;
        }

        if (KnownExports.Find(probe) is { } known)
        {
            throw new ExportFormatException(fileName, null, null, known.Message) { KnownExport = known };
        }

        throw probe.Container switch
        {
            ExportContainer.Zip when probe.ZipEntries.Count == 0 =>
                new ExportFormatException(fileName, null, null, "this zip archive (or .xlsx) is damaged or empty and cannot be opened"),
            ExportContainer.Zip when probe.ZipEntries.Any(e => e.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)) =>
                new ExportFormatException(fileName, null, null, "this .xlsx workbook matches no known export (LinkedIn content exports have the sheets 'Metrics' and 'All posts')"),
            ExportContainer.Zip =>
                new ExportFormatException(
                    fileName,
                    null,
                    null,
                    $"this zip is neither a spreadsheet (.xlsx) nor a known export zip (TikTok, YouTube); it contains: {string.Join(", ", probe.ZipEntries.Take(10))}"),
            ExportContainer.Ole2 =>
                new ExportFormatException(fileName, null, null, "this .xls workbook matches no known export (LinkedIn content exports have the sheets 'Metrics' and 'All posts')"),
            _ => UnknownText(probe),
        };
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
