using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Meta content exports with Views 0 beside a reach above 0 (a real 2025 Facebook file had it in every post): the views
/// were not exported, so the post is stored without views and the upload warns once.
/// </summary>
public sealed class MetaMissingViewsTests
{
    // Invented posts: the second and fourth have 0 views but were reached; the third has 0 views and no reach (a real 0).
    private const string Facebook =
        "\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Publish time\",Permalink,\"Post type\",Views,Reach,Reactions,Comments,Shares\n" +
        "111,9,Lumen,,First,10/05/2026 09:00,https://x/1,Photos,420,300,12,1,0\n" +
        "112,9,Lumen,,Second,10/06/2026 09:00,https://x/2,Photos,0,37,2,0,0\n" +
        "113,9,Lumen,,Third,10/07/2026 09:00,https://x/3,Photos,0,0,0,0,0\n" +
        "114,9,Lumen,,Fourth,10/08/2026 09:00,https://x/4,Photos,0,5,0,0,0\n";

    private const string Instagram =
        "\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Publish time\",Permalink,\"Post type\",Views,Reach,Likes,Comments,Shares,Saves,Follows\n" +
        "211,8,lumen,Lumen,First,10/05/2026 09:00,https://i/1,IG image,900,700,40,2,1,3,0\n" +
        "212,8,lumen,Lumen,Second,10/06/2026 09:00,https://i/2,IG reel,0,48,5,0,0,0,0\n";

    [Fact]
    public async Task Facebook_ZeroViewsWithReach_StoredWithoutViewsAndWarnedOnce()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(Facebook, "page-posts.csv"));

        Assert.Equal("facebook-posts", result.Format);
        Assert.Equal(420, result.Post("111").Impressions);
        Assert.Null(result.Post("112").Impressions);
        Assert.Equal(0, result.Post("113").Impressions); // no reach: a real 0
        Assert.Null(result.Post("114").Impressions);
        Assert.Equal(37, result.Post("112").Reach);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(
            "page-posts.csv: 2 posts have 0 views but a reach above 0 (lines 3–5), which cannot be: Meta did not export their views. They are stored without views (a post already stored with its views keeps them), so view totals and engagement rates leave the others out; export the period again later to fill them in.",
            warning);
    }

    [Fact]
    public async Task Instagram_OneZeroViewsWithReach_StoredWithoutViewsAndWarned()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(Instagram, "ig-posts.csv"));

        Assert.Equal("instagram-posts", result.Format);
        Assert.Equal(900, result.Post("211").Impressions);
        Assert.Null(result.Post("212").Impressions);
        Assert.Equal("ig-posts.csv: 1 post has 0 views but a reach above 0 (line 3), which cannot be: Meta did not export their views. They are stored without views (a post already stored with its views keeps them), so view totals and engagement rates leave the others out; export the period again later to fill them in.", Assert.Single(result.Warnings));
    }

    [Theory]
    [InlineData(0L, 0L, 0L)] // nobody reached: a real 0
    [InlineData(0L, null, 0L)] // reach not exported: nothing to contradict the 0
    [InlineData(3L, 5L, 3L)] // below the reach but not 0: kept as exported
    [InlineData(null, 5L, null)]
    public void Check_KeepsEveryOtherCase(long? views, long? reach, long? stored)
    {
        var check = new MetaMissingViews("f.csv");
        var warnings = new ExportWarnings();

        Assert.Equal(stored, check.Check(views, reach, 2, "1"));
        check.Warn(warnings);
        Assert.Empty(warnings);
    }
}
