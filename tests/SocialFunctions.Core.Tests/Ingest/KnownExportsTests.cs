using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>Every known export the report does not use is answered by name, with what to export instead.</summary>
public sealed class KnownExportsTests
{
    [Theory]
    [InlineData("tiktok/follower-gender.csv", "tiktok-follower-gender", Channels.TikTok, "TikTok follower demographics (gender) are not used by the report: export Content and Overview")]
    [InlineData("tiktok/follower-top-territories.csv", "tiktok-follower-territories", Channels.TikTok, "TikTok follower demographics (top territories) are not used")]
    [InlineData("tiktok/follower-activity.csv", "tiktok-follower-activity", Channels.TikTok, "TikTok follower activity (active followers by hour) is not used")]
    [InlineData("youtube/viewer-age.csv", "youtube-viewer-age", Channels.YouTube, "YouTube Studio tables by viewer age are not used by the report: export Advanced mode → Content")]
    [InlineData("youtube/idade-do-espectador.csv", "youtube-viewer-age", Channels.YouTube, "tables by viewer age")]
    [InlineData("youtube/traffic-source.csv", "youtube-traffic-source", Channels.YouTube, "tables by traffic source")]
    [InlineData("meta/Audience.csv", "meta-audience", Channels.Facebook, "Meta audience demographics")]
    [InlineData("meta/Top content formats.csv", "meta-top-content-formats", Channels.Facebook, "\"Top content formats\"")]
    [InlineData("facebook/video-assets.csv", "facebook-video-assets", Channels.Facebook, "export Content → Posts")]
    [InlineData("ga4/reports-snapshot.csv", "ga4-reports-snapshot", Channels.Blog, "A Google Analytics 4 Reports snapshot is not used by the report: its tables list only the top rows")]
    public async Task Detect_KnownUnusedExport_NamesItAndWhatToExportInstead(string fixture, string name, string channel, string message)
    {
        var probe = await ExportFixtures.ProbeAsync(fixture);

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal((name, channel), (error.KnownExport?.Name, error.KnownExport?.Channel));
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown export format", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_YouTubeZipEntriesOtherThanTable_NamedWhenAlone()
    {
        var bytes = "Datum,Aufrufe\n2026-09-29,40\n"u8.ToArray();
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("Gesamtwerte.csv", bytes), TestContext.Current.CancellationToken);

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal("youtube-daily-totals", error.KnownExport?.Name);
    }

    [Fact]
    public async Task Detect_TrulyUnknownFile_StaysUnknownWithHeadersSeen()
    {
        var probe = await ExportFixtures.ProbeAsync("common/unknown-headers.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Null(error.KnownExport);
        Assert.StartsWith("unknown export format; headers seen:", error.Reason, StringComparison.Ordinal);
    }
}
