using System.Text;
using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Core.Tests.Ingest;

public sealed class ExportProbeTests
{
    [Theory]
    [InlineData("common/empty.csv", ExportContainer.Empty)]
    [InlineData("common/html-saved-as-csv.csv", ExportContainer.Html)]
    [InlineData("common/not-a-spreadsheet.xlsx", ExportContainer.Zip)]
    [InlineData("common/binary.bin", ExportContainer.Binary)]
    [InlineData("facebook/posts.csv", ExportContainer.Text)]
    [InlineData("meta/instagram-reach-daily.csv", ExportContainer.Text)]
    public async Task CreateAsync_Fixture_ClassifiesContainer(string fixture, ExportContainer expected)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        Assert.Equal(expected, probe.Container);
    }

    [Theory]
    [InlineData("facebook/posts.csv", 65001, "\"Post ID\"")]
    [InlineData("x/tweet-activity-en.csv", 65001, "\"Tweet id\"")]
    [InlineData("meta/instagram-reach-daily.csv", 1200, "sep=,")]
    [InlineData("common/utf16-without-bom.csv", 1200, "channel,postId")]
    [InlineData("common/windows-1252.csv", 1252, "\"Post ID\"")]
    public async Task CreateAsync_Text_DetectsEncodingAndDecodesHeadWithoutBom(string fixture, int codePage, string start)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        Assert.Equal(codePage, probe.Encoding!.CodePage);
        Assert.StartsWith(start, probe.HeadText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Windows1252_DecodesAccents()
    {
        var probe = await ExportFixtures.ProbeAsync("common/windows-1252.csv");

        Assert.Contains("Café crème calendar", probe.HeadText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_Zip_ListsEntriesInOrder()
    {
        var probe = await ExportFixtures.ProbeAsync("common/not-a-spreadsheet.xlsx");

        Assert.Equal(["notes.txt", "photo.jpg"], probe.ZipEntries);
    }

    [Fact]
    public async Task CreateAsync_Utf8CutAtHeadBoundary_StillUtf8()
    {
        // 'é' is two bytes; put one across the 64 KB boundary.
        var text = new string('a', ExportProbe.HeadBytes - 1) + "é" + "tail";
        var file = ExportFile.FromBytes("big.csv", Encoding.UTF8.GetBytes(text));

        var probe = await ExportProbe.CreateAsync(file, TestContext.Current.CancellationToken);

        Assert.Equal(65001, probe.Encoding!.CodePage);
        Assert.Equal(ExportContainer.Text, probe.Container);
    }

    [Fact]
    public async Task Csv_MetaDailyFile_SkipsSepLineAndKeepsPhysicalLines()
    {
        var probe = await ExportFixtures.ProbeAsync("meta/instagram-reach-daily.csv");

        var preview = probe.Csv!;

        Assert.True(preview.Dialect.HasSepLine);
        Assert.Equal(["Instagram reach"], preview.Records[0].Fields);
        Assert.Equal(2, preview.Records[0].Line);
        Assert.Equal(["Date", "Primary"], preview.Records[1].Fields);
    }

    /// <summary>A multi-byte UTF-8 character cut by the 64 KB head at each of its positions is still UTF-8.</summary>
    [Theory]
    [InlineData("€", 1)]
    [InlineData("€", 2)]
    [InlineData("😀", 1)]
    [InlineData("😀", 2)]
    [InlineData("😀", 3)]
    public async Task CreateAsync_Utf8SequenceCutAtEveryByte_StillUtf8(string character, int bytesInHead)
    {
        var bytes = Encoding.UTF8.GetBytes(new string('a', ExportProbe.HeadBytes - bytesInHead) + character + "tail");

        var probe = await ProbeAsync(bytes);

        Assert.Equal(65001, probe.Encoding!.CodePage);
    }

    /// <summary>
    /// Only a cut sequence is forgiven: four continuation bytes at the head's end (Windows-1252 "€€€€") are not one, and
    /// a file that is not cut (shorter than the head) may not end in a lead byte.
    /// </summary>
    [Fact]
    public async Task CreateAsync_InvalidUtf8AtTheHeadsEnd_Windows1252()
    {
        var head = Encoding.ASCII.GetBytes(new string('a', ExportProbe.HeadBytes - 4));
        var cut = await ProbeAsync([.. head, 0x80, 0x80, 0x80, 0x80, .. "tail"u8]);
        var whole = await ProbeAsync([.. "a,b\n1,"u8, 0xC3]);

        Assert.Equal(1252, cut.Encoding!.CodePage);
        Assert.Equal(1252, whole.Encoding!.CodePage);
        Assert.EndsWith("1,Ã", whole.HeadText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_LongFile_ReadsOnlyTheHead()
    {
        var probe = await ProbeAsync(Encoding.ASCII.GetBytes(new string('a', ExportProbe.HeadBytes + 5000)));

        Assert.Equal(ExportProbe.HeadBytes, probe.HeadText.Length);
    }

    /// <summary>UTF-16 without a byte order mark, down to one character pair: the NUL bytes say which end.</summary>
    [Fact]
    public async Task CreateAsync_Utf16WithoutBom_ShortestText()
    {
        var little = await ProbeAsync("a\0b\0"u8.ToArray());
        var big = await ProbeAsync("\0a\0b"u8.ToArray());

        Assert.Equal((1200, "ab"), (little.Encoding!.CodePage, little.HeadText));
        Assert.Equal((1201, "ab"), (big.Encoding!.CodePage, big.HeadText));
    }

    [Fact]
    public async Task CreateAsync_Utf16BigEndianWithBom_SkipsIt()
    {
        var probe = await ProbeAsync([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("channel,postId\n")]);

        Assert.Equal((1201, "channel,postId\n"), (probe.Encoding!.CodePage, probe.HeadText));
    }

    /// <summary>
    /// The UTF-16 test over the first 4,096 bytes: more than a quarter of NULs on one side, and fewer than
    /// 4096 / 50 + 1 = 82 on the other. Each boundary both ways, for both byte orders; beyond it, NULs mean binary.
    /// </summary>
    [Theory]
    [InlineData(1025, 0, true)]
    [InlineData(1024, 0, false)]
    [InlineData(1967, 81, true)]
    [InlineData(1966, 82, false)]
    public async Task CreateAsync_Utf16WithoutBom_NulThresholds(int ascii, int lowByteNul, bool utf16)
    {
        // 'a' leaves a NUL on one side, '一' (U+4E00) on the other, 'ā' (U+0101) on neither: 2,048 characters, 4,096 bytes.
        var text = new string('a', ascii) + new string('一', lowByteNul) + new string('ā', 2048 - ascii - lowByteNul);

        var little = await ProbeAsync(Encoding.Unicode.GetBytes(text));
        var big = await ProbeAsync(Encoding.BigEndianUnicode.GetBytes(text));

        Assert.Equal(utf16 ? (1200, ExportContainer.Text) : (null, ExportContainer.Binary), (little.Encoding?.CodePage, little.Container));
        Assert.Equal(utf16 ? (1201, ExportContainer.Text) : (null, ExportContainer.Binary), (big.Encoding?.CodePage, big.Container));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', (byte)'b', (byte)'c', 0, (byte)'d', (byte)'e', (byte)'f' })]
    [InlineData(new byte[] { (byte)'a', (byte)'b', 0, (byte)'c', (byte)'d', (byte)'e', (byte)'f' })]
    public async Task CreateAsync_StrayNul_Binary(byte[] bytes)
    {
        Assert.Equal(ExportContainer.Binary, (await ProbeAsync(bytes)).Container);
    }

    [Fact]
    public async Task CreateAsync_Utf16OddLength_DropsTheHalfCharacter()
    {
        var probe = await ProbeAsync([0xFF, 0xFE, .. "a\0b\0c"u8]);

        Assert.Equal("ab", probe.HeadText);
    }

    /// <summary>Control characters other than line breaks, tabs and form feeds: more than 1 % plus 2 of the text is binary.</summary>
    [Theory]
    [InlineData("a,b\n\u0001\u0002\n", ExportContainer.Text)]
    [InlineData("a,b\n\u0001\u0002\u0003\n", ExportContainer.Binary)]
    [InlineData("a\tb\f\r\nc\td\f\r\n", ExportContainer.Text)]
    public async Task CreateAsync_ControlCharacters_BinaryBeyondTheAllowance(string text, ExportContainer expected)
    {
        Assert.Equal(expected, (await ProbeAsync(Encoding.UTF8.GetBytes(text))).Container);
    }

    [Fact]
    public async Task CreateAsync_ControlCharacterAllowance_GrowsWithTheText()
    {
        // 300 characters allow 300 / 100 + 2 = 5 control characters.
        var five = new string('a', 295) + "\u0001\u0002\u0003\u0004\u0005";
        var six = new string('a', 294) + "\u0001\u0002\u0003\u0004\u0005\u0006";

        Assert.Equal(ExportContainer.Text, (await ProbeAsync(Encoding.UTF8.GetBytes(five))).Container);
        Assert.Equal(ExportContainer.Binary, (await ProbeAsync(Encoding.UTF8.GetBytes(six))).Container);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>", ExportContainer.Html)]
    [InlineData("<?xml version=\"1.0\"?>\n<rows><row>1</row></rows>", ExportContainer.Text)]
    [InlineData("  <head><title>Export</title></head>", ExportContainer.Html)]
    [InlineData("<HTML><body>x</body></HTML>", ExportContainer.Html)]
    public async Task CreateAsync_Markup_HtmlOnlyWhenItIsHtml(string text, ExportContainer expected)
    {
        Assert.Equal(expected, (await ProbeAsync(Encoding.UTF8.GetBytes(text))).Container);
    }

    [Fact]
    public async Task CreateAsync_Html_KeepsOnlyTheStartForMessages()
    {
        var probe = await ProbeAsync(Encoding.UTF8.GetBytes("<html><body>" + new string('x', 5000) + "</body></html>"));

        Assert.Equal((ExportContainer.Html, 2048), (probe.Container, probe.HeadText.Length));
        Assert.Null(probe.Csv);
    }

    [Fact]
    public async Task Csv_ParsedOnceAndShared()
    {
        var probe = await ProbeAsync("a,b\n1,2\n"u8.ToArray());

        Assert.Same(probe.Csv, probe.Csv);
    }

    [Fact]
    public async Task CreateAsync_ZipSignatureAlone_IsAZipWithNoEntries()
    {
        var probe = await ProbeAsync([(byte)'P', (byte)'K', 3, 4], "export.zip");

        Assert.Equal(ExportContainer.Zip, probe.Container);
        Assert.Empty(probe.ZipEntries);
    }

    private static Task<ExportProbe> ProbeAsync(byte[] bytes, string name = "export.csv") =>
        ExportProbe.CreateAsync(ExportFile.FromBytes(name, bytes), TestContext.Current.CancellationToken);
}
