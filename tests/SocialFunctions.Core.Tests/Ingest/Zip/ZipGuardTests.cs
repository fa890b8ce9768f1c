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

    [Theory]
    [InlineData(1_000, false)]
    [InlineData(1_001, true)]
    public void Check_EntryCount_AtMostMaxEntries(int count, bool refused)
    {
        var zip = Zip([.. Enumerable.Range(0, count).Select(i => ($"part{i}.xml", "<x/>"u8.ToArray()))]);

        var error = Record.Exception(() => Check(zip));

        Assert.Equal(1_000, ZipGuard.MaxEntries);
        Assert.Equal(refused, error is ExportFormatException);
        if (refused)
        {
            Assert.Contains("it holds 1,001 files; an export holds at most 1,000", ((ExportFormatException)error!).Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, false)] // the two entries declare 1 GiB together: allowed
    [InlineData(1, true)] // one byte more: refused from the directory alone
    public void Check_DeclaredTotal_AtMostOneGibibyte(int extra, bool refused)
    {
        // Incompressible entries of 3 MB, whose directory claims 512 MiB each (171× their compressed size: under the ratio).
        var random = new Random(7);
        var a = new byte[3_000_000];
        var b = new byte[3_000_000];
        random.NextBytes(a);
        random.NextBytes(b);
        var zip = Zip(("a.bin", a), ("b.bin", b));
        DeclareEach(zip, [512L << 20, (512L << 20) + extra]);

        var error = Record.Exception(() => Check(zip));

        Assert.Equal(refused, error is ExportFormatException);
        if (refused)
        {
            Assert.Contains("its files inflate to more than 1 GB", ((ExportFormatException)error!).Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0, false)] // exactly 200 times its compressed size: allowed
    [InlineData(1, true)] // beyond 200 times: refused, with the figures
    public void Check_Ratio_AtMostMaxRatioTimesTheCompressedSize(int extra, bool refused)
    {
        var content = new byte[20_000];
        new Random(8).NextBytes(content);
        var zip = Zip(("sheet.xml", content));
        long compressed;
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            compressed = archive.Entries[0].CompressedLength;
        }

        var declared = (ZipGuard.MaxRatio * compressed) + extra;
        Assert.True(declared >= ZipGuard.RatioCheckedFrom, "large enough for the ratio to be checked");
        DeclareEach(zip, [declared]);

        var error = Record.Exception(() => Check(zip));

        Assert.Equal(refused, error is ExportFormatException);
        if (refused)
        {
            var reason = ((ExportFormatException)error!).Reason;
            Assert.Contains(FormattableString.Invariant($"'sheet.xml' inflates 200 times its size ({compressed:N0} → {declared:N0} bytes)"), reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData((1 << 20) - 1, false)] // small entries may compress any amount (a column of zeros does)
    [InlineData(1 << 20, true)] // from 1 MiB the ratio is checked
    public void Check_Ratio_CheckedFromOneMebibyte(int declared, bool refused)
    {
        var zip = Zip(("zeros.csv", new byte[100]));
        DeclareEach(zip, [declared]);

        var error = Record.Exception(() => Check(zip));

        Assert.Equal(refused, error is ExportFormatException);
    }

    [Theory]
    [InlineData(80, false)]
    [InlineData(81, true)]
    public void Check_LongEntryName_ShortenedPast80Characters(int length, bool shortened)
    {
        var name = new string('n', length - 4) + ".zip";
        var zip = Zip((name, "x"u8.ToArray()));

        var refused = Assert.Throws<ExportFormatException>(() => Check(zip));

        Assert.Contains(shortened ? $"('{name[..80]}…')" : $"('{name}')", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.zip")]
    [InlineData("a.XLSX")]
    [InlineData("a.xlsm")]
    [InlineData("a.xlsb")]
    [InlineData("a.docx")]
    [InlineData("a.pptx")]
    [InlineData("a.jar")]
    [InlineData("a.gz")]
    [InlineData("a.tgz")]
    [InlineData("a.7z")]
    [InlineData("a.rar")]
    [InlineData("a.tar")]
    [InlineData("a.bz2")]
    [InlineData("a.xz")]
    public void Check_EachArchiveExtension_Refused(string inner)
    {
        var zip = Zip(("data.csv", "x"u8.ToArray()), (inner, "not really"u8.ToArray()));

        var refused = Assert.Throws<ExportFormatException>(() => Check(zip));

        Assert.Contains($"contains another archive ('{inner}')", refused.Reason, StringComparison.Ordinal);
    }

    /// <summary>Rewrites the uncompressed size each entry declares in the central directory (what the guard reads).</summary>
    private static void DeclareEach(byte[] zip, long[] sizes)
    {
        var at = 0;
        foreach (var size in sizes)
        {
            var central = zip.AsSpan(at).IndexOf("PK\u0001\u0002"u8) + at;
            BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(central + 24), checked((uint)size));
            at = central + 4;
        }
    }

    /// <summary>Rewrites the uncompressed size of the only entry in its local header and central directory (a lying zip).</summary>
    private static void Declare(byte[] zip, int uncompressed)
    {
        BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(22), uncompressed);
        var central = zip.AsSpan().LastIndexOf("PK\u0001\u0002"u8);
        BinaryPrimitives.WriteInt32LittleEndian(zip.AsSpan(central + 24), uncompressed);
    }
}
