using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using SocialFunctions.Core.Ingest.Spreadsheets;

namespace SocialFunctions.Core.Ingest.Zip;

/// <summary>
/// Export zips (TikTok, YouTube Studio): the CSV files inside are read straight from the archive as streams,
/// never extracted to memory. Entry head lines are cached per file so every reader's Match can look cheaply.
/// </summary>
internal static class ExportZip
{
    private const int HeadChars = 4096;

    private static readonly ConditionalWeakTable<ExportFile, IReadOnlyDictionary<string, string>> Heads = [];

    /// <summary>A zip that is not an Office workbook.</summary>
    public static bool IsExportZip(ExportProbe probe) => probe.Container == ExportContainer.Zip && !Workbook.IsWorkbook(probe);

    /// <summary>The first line (BOM removed) of every .csv entry, keyed by entry name; empty when the zip is unreadable.</summary>
    public static IReadOnlyDictionary<string, string> CsvHeadLines(ExportFile file) => Heads.GetValue(file, ReadHeads);

    /// <summary>The first .csv entry whose head line satisfies <paramref name="isMatch"/>.</summary>
    public static string? FindCsvEntry(ExportFile file, Func<string, string, bool> isMatch)
    {
        foreach (var (name, head) in CsvHeadLines(file))
        {
            if (isMatch(name, head))
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
            return new ArchiveEntryReader(archive, entry.Open());
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

    private static IReadOnlyDictionary<string, string> ReadHeads(ExportFile file)
    {
        var heads = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var stream = file.OpenRead();
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                var buffer = new char[HeadChars];
                var read = reader.ReadBlock(buffer, 0, buffer.Length);
                var text = buffer.AsSpan(0, read);
                if (!text.IsEmpty && text[0] == '\uFEFF')
                {
                    text = text[1..];
                }

                var end = text.IndexOfAny('\r', '\n');
                heads[entry.FullName] = (end < 0 ? text : text[..end]).ToString();
            }
        }
        catch (InvalidDataException)
        {
            // Damaged archive: no heads; the reader reports the damage when asked to read.
        }

        return heads;
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
