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
}
