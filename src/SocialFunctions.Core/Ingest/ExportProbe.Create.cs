using System.IO.Compression;
using System.Text;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Ingest;

public sealed partial class ExportProbe
{
    /// <summary>How much of the file is read to probe it.</summary>
    public const int HeadBytes = 64 * 1024;

    // Built per probe, not in a static initializer, so that mutation testing can reach it (docs/testing.md).
    private static Encoding StrictUtf8 => new UTF8Encoding(false, throwOnInvalidBytes: true);

    private CsvPreview? _csvPreview;

    static ExportProbe()
    {
        // Windows-1252 (old Excel re-saves) is not in .NET's default encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>For text: the dialect and first records, parsed once and shared by every reader's Match.</summary>
    public CsvPreview? Csv => Container == ExportContainer.Text ? _csvPreview ??= Sheet?.Preview ?? CsvPreview.Parse(HeadText) : null;

    /// <summary>
    /// The upload seen as the text file one sheet of its workbook holds (a CSV export downloaded or re-saved as .xlsx): a
    /// text probe whose <see cref="Csv"/> is the sheet's first rows, so every text reader matches and reads it unchanged.
    /// </summary>
    public ExportProbe ForSheet(Tables.SheetPreview sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return new ExportProbe { File = File, Container = ExportContainer.Text, Sheet = sheet };
    }

    /// <summary>Opens the file as decoded text (BOM skipped) in the detected encoding, for streaming readers.</summary>
    public StreamReader OpenText() => Sheet is null
        ? new(File.OpenRead(), Encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: false)
        : throw new InvalidOperationException($"the upload is a workbook: open its sheet '{Sheet.Name}' with ExportTables.Text");

    /// <summary>Reads the first ~64 KB of <paramref name="file"/> and classifies it: empty, zip, OLE2, HTML, text (with its encoding) or binary.</summary>
    public static async Task<ExportProbe> CreateAsync(ExportFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var head = new byte[(int)Math.Min(HeadBytes, Math.Max(file.Length, 0))];
        var length = 0;
        await using (var stream = file.OpenRead())
        {
            while (length < head.Length)
            {
                var read = await stream.ReadAsync(head.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }

        var bytes = head.AsSpan(0, length);
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] is 3 or 5 && bytes[3] is 4 or 6)
        {
            return new ExportProbe { File = file, Container = ExportContainer.Zip, ZipEntries = ReadZipEntries(file) };
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return new ExportProbe { File = file, Container = ExportContainer.Ole2 };
        }

        // A PDF starts with text ("%PDF-1.7"): named before the text checks could take its first lines for a header.
        if (FileSignatures.Describe(bytes) is { } kind)
        {
            return new ExportProbe { File = file, Container = ExportContainer.Binary, BinaryKind = kind };
        }

        var (encoding, bomLength) = DetectEncoding(bytes, length < file.Length);
        if (encoding is null)
        {
            return new ExportProbe { File = file, Container = ExportContainer.Binary };
        }

        var text = Decode(encoding, bytes[bomLength..]);
        var container = Classify(text);
        return new ExportProbe { File = file, Container = container, Encoding = encoding, HeadText = container == ExportContainer.Text ? text : TrimForMessage(text) };
    }

    private static (Encoding? Encoding, int BomLength) DetectEncoding(ReadOnlySpan<byte> bytes, bool truncated)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (new UTF8Encoding(true), 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        // UTF-16 without a BOM: ASCII text leaves every other byte NUL.
        int evenNul = 0, oddNul = 0, sample = Math.Min(bytes.Length, 4096);
        for (var i = 0; i < sample; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    evenNul++;
                }
                else
                {
                    oddNul++;
                }
            }
        }

        if (sample >= 4 && oddNul > sample / 4 && evenNul < sample / 50 + 1)
        {
            return (Encoding.Unicode, 0);
        }

        if (sample >= 4 && evenNul > sample / 4 && oddNul < sample / 50 + 1)
        {
            return (Encoding.BigEndianUnicode, 0);
        }

        if (evenNul + oddNul > 0)
        {
            return (null, 0);
        }

        // Valid UTF-8 (allowing a sequence cut at the 64 KB boundary), else the Windows code page Excel uses.
        var check = bytes;
        if (truncated)
        {
            var cut = 0;
            while (cut < 3 && cut < check.Length && (check[^(cut + 1)] & 0xC0) == 0x80)
            {
                cut++;
            }

            if (cut < check.Length && check[^(cut + 1)] >= 0xC0)
            {
                cut++;
            }

            check = check[..^cut];
        }

        try
        {
            _ = StrictUtf8.GetCharCount(check);
            return (new UTF8Encoding(false), 0);
        }
        catch (DecoderFallbackException)
        {
            return (Encoding.GetEncoding(1252), 0);
        }
    }

    private static string Decode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        if (encoding is UnicodeEncoding && bytes.Length % 2 == 1)
        {
            bytes = bytes[..^1];
        }

        // Lenient decode: a sequence cut at the end of the head becomes U+FFFD and is ignored by previews.
        return encoding.GetString(bytes);
    }

    private static ExportContainer Classify(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            return ExportContainer.Empty;
        }

        if (trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
            || (trimmed.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && trimmed.Contains("<html", StringComparison.OrdinalIgnoreCase)))
        {
            return ExportContainer.Html;
        }

        var control = 0;
        var sample = trimmed[..Math.Min(trimmed.Length, 4096)];
        foreach (var c in sample)
        {
            if (char.IsControl(c) && c is not '\r' and not '\n' and not '\t' and not '\f')
            {
                control++;
            }
        }

        return control > sample.Length / 100 + 2 ? ExportContainer.Binary : ExportContainer.Text;
    }

    private static string TrimForMessage(string text) => text.Length <= 2048 ? text : text[..2048];

    private static List<string> ReadZipEntries(ExportFile file)
    {
        try
        {
            // ZipArchive in Read mode over a seekable stream reads only the central directory: the guard decides from it
            // (entries, declared sizes, ratios, nested archives) before anything is inflated.
            using var stream = file.OpenRead();
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            return Zip.ZipGuard.Check(file.FileName, zip);
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
