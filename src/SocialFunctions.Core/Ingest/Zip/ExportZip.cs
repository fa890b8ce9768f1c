using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Spreadsheets;

namespace SocialFunctions.Core.Ingest.Zip;

/// <summary>
/// Export zips (TikTok, YouTube Studio, Meta): the CSV files inside are read straight from the archive as streams,
/// never extracted to memory. A preview of every entry's first records is cached per file, so every reader's Match
/// looks at entries the way it looks at a bare CSV.
/// </summary>
internal static class ExportZip
{
    private const int HeadChars = 16 * 1024;

    private static readonly ConditionalWeakTable<ExportFile, IReadOnlyDictionary<string, CsvPreview>> Previews = [];

    /// <summary>A zip that is not an Office workbook.</summary>
    public static bool IsExportZip(ExportProbe probe) => probe.Container == ExportContainer.Zip && !Workbook.IsWorkbook(probe);

    /// <summary>The preview of every .csv entry (macOS shadow files skipped), keyed by entry name; empty when unreadable.</summary>
    public static IReadOnlyDictionary<string, CsvPreview> CsvPreviews(ExportFile file) => Previews.GetValue(file, ReadPreviews);

    /// <summary>The first .csv entry (in archive order) whose name and preview satisfy <paramref name="isMatch"/>.</summary>
    public static string? FindCsvEntry(ExportFile file, Func<string, CsvPreview, bool> isMatch)
    {
        foreach (var (name, preview) in CsvPreviews(file))
        {
            if (isMatch(name, preview))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Opens an entry as decoded text (BOM-detected, UTF-8 otherwise); disposing the reader closes the archive.</summary>
    public static TextReader OpenText(ExportFile file, string entryName)
    {
        var stream = file.OpenRead();
        ZipArchive? archive = null;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var entry = archive.GetEntry(entryName)
                ?? throw new ExportFormatException(file.FileName, null, null, $"the zip has no entry '{entryName}'.");
            return new ArchiveEntryReader(archive, ZipGuard.Bounded(entry));
        }
        catch (InvalidDataException ex)
        {
            archive?.Dispose();
            stream.Dispose();
            throw new ExportFormatException(file.FileName, null, null, $"the zip archive is damaged: {ex.Message}");
        }
        catch
        {
            archive?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    private static IReadOnlyDictionary<string, CsvPreview> ReadPreviews(ExportFile file)
    {
        var previews = new Dictionary<string, CsvPreview>(StringComparer.Ordinal);
        try
        {
            using var stream = file.OpenRead();
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName;
                if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                    || name.StartsWith("__MACOSX/", StringComparison.Ordinal)
                    || Path.GetFileName(name).StartsWith("._", StringComparison.Ordinal))
                {
                    continue;
                }

                using var reader = new StreamReader(ZipGuard.Bounded(entry), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                var buffer = new char[HeadChars];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                var text = buffer.AsSpan(0, read).TrimStart('\uFEFF');
                previews[name] = CsvPreview.Parse(text.ToString());
            }
        }
        catch (InvalidDataException)
        {
            // Damaged archive: no previews; the reader reports the damage when asked to read.
        }

        return previews;
    }

    /// <summary>A StreamReader over an entry stream that also owns (and disposes) the archive.</summary>
    private sealed class ArchiveEntryReader(ZipArchive archive, Stream entry)
        : StreamReader(entry, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                archive.Dispose();
            }
        }
    }
}
