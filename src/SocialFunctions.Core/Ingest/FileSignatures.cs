namespace SocialFunctions.Core.Ingest;

/// <summary>
/// Names the non-export files people upload by mistake (a PDF report, a screenshot, a compressed download) from their
/// first bytes, so the refusal can say what the file is and what to upload instead rather than "not a text export".
/// </summary>
public static class FileSignatures
{
    /// <summary>What to tell the uploader about a file with these first bytes; null when they name no known kind.</summary>
    public static string? Describe(ReadOnlySpan<byte> head)
    {
        const string ExportItself = "download the data itself from the platform (its CSV, .xlsx or export zip)";
        if (head.StartsWith("%PDF-"u8))
        {
            return $"this is a PDF document, not an export: a PDF report holds no rows the app can read; {ExportItself}";
        }

        if (Image(head) is { } image)
        {
            return $"this is an image ({image}), not an export: a screenshot holds no rows the app can read; {ExportItself}";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "this is a gzip-compressed file: decompress it and upload the export inside";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C]))
        {
            return "this is a 7-Zip archive, which the app does not open: extract the export and upload it (or a .zip of it)";
        }

        if (head.StartsWith("Rar!\u001A\u0007"u8))
        {
            return "this is a RAR archive, which the app does not open: extract the export and upload it (or a .zip of it)";
        }

        return null;
    }

    private static string? Image(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "PNG";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "JPEG";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "GIF";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        // ISO media files: "ftyp" at offset 4, then the brand (HEIC photos from phones; "avif").
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)
            && (head[8..12].SequenceEqual("heic"u8) || head[8..12].SequenceEqual("heix"u8) || head[8..12].SequenceEqual("mif1"u8) || head[8..12].SequenceEqual("avif"u8)))
        {
            return head[8..12].SequenceEqual("avif"u8) ? "AVIF" : "HEIC";
        }

        return null;
    }
}
