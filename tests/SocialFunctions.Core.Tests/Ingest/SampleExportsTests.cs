using SocialFunctions.Core.Ingest;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>The demo's sample exports (samples/exports, written by samples/generate) ingest cleanly: no rejected row, no warning.</summary>
public sealed class SampleExportsTests
{
    [Theory]
    [InlineData("Oct-01-2025_Oct-31-2026_1784140000012345.csv", "instagram-posts", 0)]
    [InlineData("Oct-01-2026_Oct-31-2026_1784140000012345 (Excel FR).csv", "instagram-posts", 0)]
    [InlineData("Oct-01-2025_Oct-31-2026_108234567890123.csv", "facebook-posts", 0)]
    [InlineData("Facebook Insights Data Export (Post Level) - Lumen Coffee Roasters - 2025-07-01 - 2025-09-30.csv", "facebook-legacy-post-level", 0)]
    [InlineData("Sep-01-2026_Oct-31-2026_Instagram_reach.csv", "meta-daily", 61)]
    [InlineData("Sep-01-2026_Oct-31-2026_Facebook_follows.csv", "meta-daily", 61)]
    [InlineData("tweet_activity_metrics_lumencoffee_20251001_20261031_en.csv", "x-tweet-activity", 0)]
    [InlineData("tweet_activity_metrics_lumencoffee_20261001_20261014_ja.csv", "x-tweet-activity", 0)]
    [InlineData("account_analytics_content_2026-09-01_2026-10-31.csv", "x-premium-content", 0)]
    [InlineData("account_overview_analytics_2026-09-01_2026-10-31.csv", "x-premium-overview", 732)]
    [InlineData("lumen-coffee_reddit_2025-10-01_2026-10-31.canonical.csv", "canonical", 0)]
    [InlineData("TikTok_Content_2026-11-02.csv", "tiktok-content", 0)]
    [InlineData("TikTok_Overview_2026-10-01_2026-10-31.zip", "tiktok-overview", 155)]
    [InlineData("TikTok_Viewers_2026-10-01_2026-10-31.csv", "tiktok-viewers", 93)]
    [InlineData("Content 2026-10-01_2026-10-31 Lumen Coffee.zip", "youtube-content", 0)]
    [InlineData("lumen-coffee-roasters_content_1730505600000.xls", "linkedin-content", 2376)]
    [InlineData("pinterest_analytics_overview_2026-10-01_2026-10-31.csv", "pinterest-overview", 31)]
    [InlineData("Pages_and_screens_Page_path_and_screen_class.csv", "ga4-pages", 0)]
    public async Task Sample_Ingests_WithoutRejectedRowsOrWarnings(string fileName, string format, int dailyValues)
    {
        var result = await ExportFixtures.ReadAsync(ExportFile.FromPath(fileName, RepositoryPaths.Samples("exports", fileName)));

        Assert.Equal(format, result.Format);
        Assert.Empty(result.Rejected);
        Assert.Empty(result.Warnings);
        Assert.Equal(dailyValues, result.Daily.Count);
        Assert.True(dailyValues > 0 || result.Posts.Count > 0);
    }

    [Fact]
    public async Task Sample_TikTokContent_EveryPostOnItsShownDayInTheYearItsIdSays()
    {
        var result = await ExportFixtures.ReadAsync(ExportFile.FromPath("TikTok_Content_2026-11-02.csv", RepositoryPaths.Samples("exports", "TikTok_Content_2026-11-02.csv")));

        var local = result.Posts.Select(p => TimeZoneInfo.ConvertTime(p.PublishedAt, ExportFixtures.Paris)).ToList();
        Assert.Equal(new DateTime(2025, 10, 3), local.Min().Date);
        Assert.Equal(new DateTime(2026, 10, 30), local.Max().Date);
        Assert.All(local, t => Assert.InRange(t.Hour, 17, 19));
    }

    [Fact]
    public async Task Samples_EuropeanResave_SamePostsAsOriginalOctober()
    {
        var original = await ExportFixtures.ReadAsync(ExportFile.FromPath("ig.csv", RepositoryPaths.Samples("exports", "Oct-01-2025_Oct-31-2026_1784140000012345.csv")));
        var resaved = await ExportFixtures.ReadAsync(ExportFile.FromPath("fr.csv", RepositoryPaths.Samples("exports", "Oct-01-2026_Oct-31-2026_1784140000012345 (Excel FR).csv")));

        var october = original.Posts.Where(p => p.PublishedAt >= new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero)).OrderBy(p => p.PostId).ToList();
        var again = resaved.Posts.OrderBy(p => p.PostId).ToList();

        Assert.Equal(october.Count, again.Count);
        Assert.Equal(october.Select(p => p with { Text = p.Text?.ReplaceLineEndings("\n") }), again.Select(p => p with { Text = p.Text?.ReplaceLineEndings("\n") }));
    }
}
