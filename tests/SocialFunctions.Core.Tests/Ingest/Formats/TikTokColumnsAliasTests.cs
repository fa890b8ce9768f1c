using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Every header alias of the TikTok Studio files (<c>TikTokColumns</c>), one case each, written out here rather than
/// read from the reader's tables (a misspelt alias would still be in them): a tiny English file with that one column
/// renamed must still be recognised and land the value in its field. Each row fails when its alias is misspelt.
/// </summary>
public sealed class TikTokColumnsAliasTests
{
    private static readonly string[] ContentHeader =
        ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views", "Add to Favorites"];

    private static readonly string[] ContentRow =
        ["March 16", "My video", "https://www.tiktok.com/@lumencoffee/video/7515809660922021981", "June 14", "310", "12", "9", "48210", "7"];

    [Theory]
    // Time, the export day: without it the export time is the upload's
    [InlineData(0, "Time")]
    [InlineData(0, "Tid")]
    // Video title → Text
    [InlineData(1, "Video title")]
    [InlineData(1, "Videotitel")]
    // Video link → Permalink
    [InlineData(2, "Video link")]
    [InlineData(2, "Videolänk")]
    // Post time: the content header is recognised only with it
    [InlineData(3, "Post time")]
    [InlineData(3, "Publiceringstid")]
    // Likes → Reactions
    [InlineData(4, "Total likes")]
    [InlineData(4, "Likes")]
    [InlineData(4, "Totalt antal gilla-markeringar")]
    [InlineData(4, "Gilla-markeringar")]
    [InlineData(4, "Gillamarkeringar")]
    // Comments
    [InlineData(5, "Total comments")]
    [InlineData(5, "Comments")]
    [InlineData(5, "Totalt antal kommentarer")]
    [InlineData(5, "Kommentarer")]
    // Shares
    [InlineData(6, "Total shares")]
    [InlineData(6, "Shares")]
    [InlineData(6, "Totalt antal delningar")]
    [InlineData(6, "Delningar")]
    // Views → VideoViews and Impressions
    [InlineData(7, "Total views")]
    [InlineData(7, "Video views")]
    [InlineData(7, "Totalt antal visningar")]
    [InlineData(7, "Videovisningar")]
    // Favorites → Saves
    [InlineData(8, "Add to Favorites")]
    [InlineData(8, "Total favorites")]
    [InlineData(8, "Lägg till i favoriter")]
    [InlineData(8, "Favoriter")]
    public async Task ReadAsync_ContentColumnInAnotherLanguage_ItsValueLandsInItsField(int column, string alias)
    {
        var header = ContentHeader.ToArray();
        header[column] = alias;

        var parsed = await ReadAsync(Csv(header), Csv(ContentRow));

        Assert.Equal("tiktok-content", parsed.Format);
        Assert.Empty(parsed.Rejected);
        var post = Assert.Single(parsed.Posts);
        Assert.Equal(
            ("My video", ContentRow[2], 310L, 12L, 9L, 48210L, 48210L, 7L),
            (post.Text, post.Permalink, post.Reactions, post.Comments, post.Shares, post.VideoViews, post.Impressions, post.Saves));

        // "March 16" before the upload of 2026-11-05: that day's midnight in Paris.
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 23, 0, 0, TimeSpan.Zero), post.ExportedAt);
    }

    [Theory]
    // Overview: Date, Video Views, Profile Views, Likes, Comments, Shares
    [InlineData("overview", 0, "Date")]
    [InlineData("overview", 0, "Datum")]
    [InlineData("overview", 1, "Video Views")]
    [InlineData("overview", 1, "Videovisningar")]
    [InlineData("overview", 2, "Profile Views")]
    [InlineData("overview", 2, "Profilvisningar")]
    [InlineData("overview", 3, "Likes")]
    [InlineData("overview", 3, "Gilla-markeringar")]
    [InlineData("overview", 3, "Gillamarkeringar")]
    [InlineData("overview", 4, "Comments")]
    [InlineData("overview", 4, "Kommentarer")]
    [InlineData("overview", 5, "Shares")]
    [InlineData("overview", 5, "Delningar")]
    // Viewers: Date, Total Viewers, New Viewers, Returning Viewers
    [InlineData("viewers", 0, "Datum")]
    [InlineData("viewers", 1, "Total Viewers")]
    [InlineData("viewers", 2, "New Viewers")]
    [InlineData("viewers", 3, "Returning Viewers")]
    // Follower history: Date, Followers
    [InlineData("followers", 0, "Datum")]
    [InlineData("followers", 1, "Followers")]
    public async Task ReadAsync_SeriesColumnInAnotherLanguage_ItsValueLandsInItsMetric(string series, int column, string alias)
    {
        var (format, header, values, expected) = series switch
        {
            "overview" => (
                "tiktok-overview",
                new[] { "Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares" },
                new[] { "October 20", "100", "5", "10", "2", "1" },
                new (string, double)[]
                {
                    (DailyMetricNames.VideoViews, 100), (DailyMetricNames.ProfileViews, 5), (DailyMetricNames.Reactions, 10),
                    (DailyMetricNames.Comments, 2), (DailyMetricNames.Shares, 1),
                }),
            "viewers" => (
                "tiktok-viewers",
                ["Date", "Total Viewers", "New Viewers", "Returning Viewers"],
                ["October 20", "40", "30", "10"],
                [(DailyMetricNames.Reach, 40), ("new-viewers", 30), ("returning-viewers", 10)]),
            _ => ("tiktok-follower-history", ["Date", "Followers"], ["October 20", "1200"], [(DailyMetricNames.Followers, 1200)]),
        };
        header[column] = alias;

        var parsed = await ReadAsync(Csv(header), Csv(values));

        Assert.Equal(format, parsed.Format);
        Assert.Empty(parsed.Rejected);
        Assert.Equal(expected, parsed.Daily.Select(d => (d.Metric, d.Value)));
        Assert.All(parsed.Daily, d => Assert.Equal(new DateOnly(2026, 10, 20), d.Date));
    }

    private static string Csv(string[] cells) => string.Join(',', cells.Select(c => "\"" + c + "\""));

    private static Task<ReadResult> ReadAsync(params string[] lines) =>
        ExportFixtures.ReadAsync(ExportFixtures.Text(string.Join("\n", lines) + "\n", "export.csv"), ExportParse.Context);
}
