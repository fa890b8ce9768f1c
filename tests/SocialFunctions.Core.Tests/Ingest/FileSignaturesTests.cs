using System.Text;
using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Core.Tests.Ingest;

public sealed class FileSignaturesTests
{
    public static TheoryData<string, byte[], string> MistakenUploads => new()
    {
        // A PDF's first line is printable text: without the signature it reads as an unknown CSV header.
        { "report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "this is a PDF document" },
        { "screenshot.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], "this is an image (PNG)" },
        { "photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0], "this is an image (JPEG)" },
        { "chart.gif", [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0], "this is an image (GIF)" },
        { "phone.heic", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0], "this is an image (HEIC)" },
        { "web.webp", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "this is an image (WebP)" },
        { "export.csv.gz", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3], "this is a gzip-compressed file" },
        { "export.7z", [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C, 0, 4], "this is a 7-Zip archive" },
        { "export.rar", [.. "Rar!"u8, 0x1A, 0x07, 0x01, 0], "this is a RAR archive" },
    };

    [Theory]
    [MemberData(nameof(MistakenUploads))]
    public async Task Detect_MistakenUpload_SaysWhatTheFileIs(string fileName, byte[] bytes, string reasonStart)
    {
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes(fileName, bytes), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal(ExportContainer.Binary, probe.Container);
        Assert.StartsWith(reasonStart, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF")] // too short to be the signature "%PDF-"
    [InlineData("GIF90a")]
    [InlineData("Rar!")]
    [InlineData("channel,postId\n")]
    public void Describe_NearMisses_NameNothing(string head)
    {
        Assert.Null(FileSignatures.Describe(Encoding.ASCII.GetBytes(head)));
    }

    [Fact]
    public void Describe_IsoMediaOtherThanImages_NamesNothing()
    {
        // An MP4 video shares the "ftyp" box with HEIC; only the image brands are named.
        Assert.Null(FileSignatures.Describe([0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0, 0, 0]));
    }
}
