using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest;

public sealed class ExportFormatDetectorTests
{
    [Theory]
    [InlineData("facebook/posts.csv", "facebook-posts")]
    [InlineData("facebook/posts-european-resave.csv", "facebook-posts")]
    [InlineData("facebook/legacy-post-level.csv", "facebook-legacy-post-level")]
    [InlineData("instagram/posts.csv", "instagram-posts")]
    [InlineData("instagram/posts-pre-2025.csv", "instagram-posts")]
    [InlineData("meta/instagram-reach-daily.csv", "meta-daily")]
    [InlineData("x/tweet-activity-en.csv", "x-tweet-activity")]
    [InlineData("x/tweet-activity-ja.csv", "x-tweet-activity")]
    [InlineData("x/tweet-activity-pt.csv", "x-tweet-activity")]
    [InlineData("x/premium-content.csv", "x-premium-content")]
    [InlineData("x/premium-overview.csv", "x-premium-overview")]
    [InlineData("canonical/reddit-posts.csv", "canonical")]
    [InlineData("common/windows-1252.csv", "facebook-posts")]
    public async Task Detect_KnownExport_PicksFormatFromContent(string fixture, string expected)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        var reader = ExportFormatDetector.Default.Detect(probe);

        Assert.Equal(expected, reader.Format.Name);
    }

    [Fact]
    public async Task Detect_FileNameSaysOtherFormat_ContentWins()
    {
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.TestData("x", "tweet-activity-en.csv"), TestContext.Current.CancellationToken);
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("facebook_posts.csv", bytes), TestContext.Current.CancellationToken);

        Assert.Equal("x-tweet-activity", ExportFormatDetector.Default.Detect(probe).Format.Name);
    }

    [Theory]
    [InlineData("common/empty.csv", "the file is empty")]
    [InlineData("common/html-saved-as-csv.csv", "this is an HTML web page, not an export")]
    [InlineData("common/binary.bin", "this is not a text export")]
    [InlineData("common/not-a-spreadsheet.xlsx", "this zip is neither a spreadsheet (.xlsx) nor a known export zip")]
    public async Task Detect_BadFile_ThrowsPreciseReason(string fixture, string reasonStart)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.StartsWith(reasonStart, error.Reason, StringComparison.Ordinal);
        Assert.Equal(Path.GetFileName(fixture), error.FileName);
    }

    [Fact]
    public async Task Detect_UnknownHeaders_NamesHeadersSeenAndClosestFormat()
    {
        var probe = await ExportFixtures.ProbeAsync("common/unknown-headers.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal(["Post ID", "Page ID", "Page name", "Published", "Views", "Reach", "Reactions"], error.HeadersSeen);
        Assert.Equal("facebook-posts", error.ClosestFormat);
        Assert.Equal(1, error.Line);
        Assert.Contains("closest known format: Facebook posts (Meta Business Suite)", error.Reason, StringComparison.Ordinal);
        Assert.Contains("missing 'Title', 'Description', 'Publish time'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_RenamedRequiredHeader_ClosestIsFacebookPosts()
    {
        var probe = await ExportFixtures.ProbeAsync("facebook/renamed-publish-time-header.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal("facebook-posts", error.ClosestFormat);
        Assert.Contains("'Publish time'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_EveryRecordWrappedInOneCell_ExplainsTheResave()
    {
        var probe = await ExportFixtures.ProbeAsync("common/wrapped-lines.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("each line of this file is wrapped in quotes as one cell ('Post ID,\"Account ID\"", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>Each kind of archive no reader takes gets its own answer; an export zip lists its first ten entries.</summary>
    [Fact]
    public async Task Detect_ArchivesNoReaderTakes_EachItsOwnAnswer()
    {
        var empty = await DetectErrorAsync("empty.zip", ExportFixtures.Zip());
        var workbook = await DetectErrorAsync("book.xlsx", ExportFixtures.Zip(("[Content_Types].xml", "x"), ("xl/workbook.xml", "x"), ("xl/worksheets/sheet1.xml", "x")));
        var names = Enumerable.Range(1, 12).Select(i => $"file{i:D2}.txt").ToArray();
        var export = await DetectErrorAsync("export.zip", ExportFixtures.Zip([.. names.Select(n => (n, "x"))]));
        var ole2 = await DetectErrorAsync("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);

        Assert.Equal("this zip archive (or .xlsx) is damaged or empty and cannot be opened", empty.Reason);
        Assert.StartsWith("not a readable spreadsheet: ", workbook.Reason, StringComparison.Ordinal);
        Assert.Equal($"this zip is neither a spreadsheet (.xlsx) nor a known export zip (TikTok, YouTube); it contains: {string.Join(", ", names.Take(10))}", export.Reason);
        Assert.StartsWith("not a readable spreadsheet: ", ole2.Reason, StringComparison.Ordinal);
    }

    /// <summary>The wrapped cell is quoted in the answer up to 60 characters, then cut with an ellipsis.</summary>
    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public async Task Detect_WrappedLine_QuotedUpToSixtyCharacters(int length, bool cut)
    {
        var cell = "a,b,c,d" + new string('e', length - 7);
        var error = await DetectErrorAsync("wrapped.csv", Encoding.UTF8.GetBytes($"\"{cell}\"\n\"1,2,3,4\"\n"));

        var quoted = cut ? cell[..60] + "…" : cell;
        Assert.Contains($"('{quoted}')", error.Reason, StringComparison.Ordinal);
    }

    private static async Task<ExportFormatException> DetectErrorAsync(string fileName, byte[] bytes)
    {
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes(fileName, bytes), TestContext.Current.CancellationToken);
        return Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));
    }
}
