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
}
