using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest.Zip;

public sealed class ZipGuardTests
{
    /// <summary>A zip made in memory: each entry's name and bytes, deflated.</summary>
    internal static byte[] Zip(params (string Name, byte[] Content)[] entries) => Zip(CompressionLevel.Fastest, entries);

    internal static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static void Check(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        ZipGuard.Check("upload.xlsx", archive);
    }

    [Fact]
    public void Check_ThousandsOfEntries_RefusedNamingTheCount()
    {
        var zip = Zip([.. Enumerable.Range(0, 5_000).Select(i => ($"xl/worksheets/sheet{i}.xml", "<x/>"u8.ToArray()))]);

        var refused = Assert.Throws<ExportFormatException>(() => Check(zip));

        Assert.Contains("zip bomb", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("5,000 files", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EntryInflatingFarBeyondItsSize_RefusedBeforeInflating()
    {
        var zip = Zip(CompressionLevel.SmallestSize, ("xl/workbook.xml", "<workbook/>"u8.ToArray()), ("xl/worksheets/sheet1.xml", new byte[32 * 1024 * 1024]));

        var refused = Assert.Throws<ExportFormatException>(() => Check(zip));

        Assert.True(zip.Length < 1024 * 1024, "the bomb itself is small");
        Assert.Contains("'xl/worksheets/sheet1.xml' inflates", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inner.zip")]
    [InlineData("xl/embeddings/Sheet.xlsx")]
    [InlineData("data/export.csv.gz")]
    public void Check_ArchiveInsideTheArchive_Refused(string inner)
    {
        var zip = Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray()), (inner, Zip(("a.csv", "x"u8.ToArray()))));

        var refused = Assert.Throws<ExportFormatException>(() => Check(zip));

        Assert.Contains("contains another archive", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tiktok", "TikTok_Studio_2026-11-02.zip")]
    [InlineData("youtube", "Content 2026-09-01_2026-10-31 Lumen Coffee.zip")]
    [InlineData("linkedin", "content-resaved.xlsx")]
    public void Check_RealExportShapes_Pass(string folder, string file)
    {
        Check(File.ReadAllBytes(RepositoryPaths.TestData(folder, file)));
    }

    [Fact]
    public void Bounded_EntryInflatingPastWhatItsDirectoryDeclares_StopsThere()
    {
        var rows = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("reddit,p1,2026-10-01T00:00:00Z,5\n", 60_000)));
        var zip = Zip(("data.csv", rows));
        Declare(zip, uncompressed: 1_000);
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = Assert.Single(archive.Entries);

        using var stream = ZipGuard.Bounded(entry);
        var read = 0L;
        var failure = Record.Exception(() =>
        {
            var buffer = new byte[8192];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                read += n;
            }
        });

        // The runtime itself stops at the declared size (so ExcelDataReader's own reads are held too); the guard is the
        // second line. Either way, never the full 2 MB.
        Assert.True(failure is InvalidDataException || read <= 1_000, $"read {read:N0} bytes, failure {failure?.GetType().Name}");
        Assert.True(read < rows.Length);
    }

    /// <summary>Rewrites the uncompressed size of the only entry in its local header and central directory (a lying zip).</summary>
    private static void Declare(byte[] zip, int uncompressed)
    {
        BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(22), uncompressed);
        var central = zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(central + 24), uncompressed);
    }
}
