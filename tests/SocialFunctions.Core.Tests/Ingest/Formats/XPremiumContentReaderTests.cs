using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XPremiumContentReaderTests
{
    [Fact]
    public async Task ReadAsync_ContentExport_MapsAndTimesPostsFromSnowflakeIds()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-content.csv");

        Assert.Equal("x-premium-content", result.Format);
        Assert.Equal(3, result.Posts.Count);
        Assert.Empty(result.Rejected);

        var tip = result.Post("2115009355576258617");
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 9, 15, 0, TimeSpan.Zero), tip.PublishedAt);
        Assert.Equal((1830L, 44L, 97L, 6L, 5L, 5L, 9L), (tip.Impressions, tip.Reactions, tip.PlatformEngagements, tip.Saves, tip.Shares, tip.Comments, tip.Clicks));
        Assert.Equal("https://x.com/lumencoffee/status/2115009355576258617", tip.Permalink);

        var roast = result.Post("2112590290744258617");
        Assert.Equal(new DateTimeOffset(2026, 10, 20, 17, 2, 30, TimeSpan.Zero), roast.PublishedAt);
        Assert.Equal("Roasting day, smell that? ☕", roast.Text);
        Assert.Equal(1, roast.Shares);
        Assert.Null(roast.Clicks);
    }

    [Fact]
    public async Task ReadAsync_IdFromAnotherDay_PublishedAtMidnightInBrandZone()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-content.csv");

        Assert.Equal(new DateTimeOffset(2026, 10, 21, 22, 0, 0, TimeSpan.Zero), result.Post("1849000000000000099").PublishedAt);
    }

    /// <summary>2025 files: "Link", "Share", "Url clicks", "Detail expands", dates like "Mon Feb 17 2025".</summary>
    [Fact]
    public async Task ReadAsync_2025Vintage_OlderHeadersAndDates()
    {
        var result = await ExportFixtures.ReadAsync("x/premium-content-2025.csv");

        Assert.Equal("x-premium-content", result.Format);
        Assert.Equal(2, result.Posts.Count);
        var first = result.Posts[0];
        Assert.Equal(new DateTimeOffset(2025, 2, 17, 9, 30, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(("https://x.com/lumencoffee/status/1", 5L, 5L), (first.Permalink, first.Shares, first.Clicks));
        Assert.Equal(1300, result.Posts.Sum(p => p.Impressions));
    }

    /// <summary>
    /// Every column name the reader knows (each vintage's spelling), one per case, in an otherwise current header: the
    /// column's value must land in its field. Catches one name misspelt or dropped (the field is left empty or, for
    /// shares, loses its share of the sum) and one name read into another field. Written out here, not taken from the
    /// reader, so a mutated name cannot pass.
    /// </summary>
    [Theory]
    [InlineData("Post Link", "Post Link")]
    [InlineData("Post Link", "Link")]
    [InlineData("Shares", "Shares")]
    [InlineData("Shares", "Share")]
    [InlineData("URL Clicks", "URL Clicks")]
    [InlineData("URL Clicks", "Url clicks")]
    [InlineData("URL Clicks", "URL clicks")]
    [InlineData("Post text", "Post text")]
    [InlineData("Impressions", "Impressions")]
    [InlineData("Likes", "Likes")]
    [InlineData("Engagements", "Engagements")]
    [InlineData("Bookmarks", "Bookmarks")]
    [InlineData("Replies", "Replies")]
    [InlineData("Reposts", "Reposts")]
    [InlineData("Video views", "Video views")]
    public async Task ReadAsync_EachColumnName_LandsInItsField(string column, string name)
    {
        string[] current = ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "Replies", "Reposts", "URL Clicks", "Video views"];
        current[Array.IndexOf(current, column)] = name;
        var file = ExportFixtures.Text(string.Join(',', current) + "\n2115009355576258617,\"Tue, Oct 27, 2026\",Warm your cup first,https://x.com/lumencoffee/status/2115009355576258617,1001,102,103,104,105,106,107,108,109\n");

        var result = await ExportFixtures.ReadAsync(file);

        Assert.Equal("x-premium-content", result.Format);
        Assert.Empty(result.Rejected);
        var post = Assert.Single(result.Posts);
        Assert.Equal(
            ("2115009355576258617", "https://x.com/lumencoffee/status/2115009355576258617", "Warm your cup first", new DateTimeOffset(2026, 10, 27, 9, 15, 0, TimeSpan.Zero)),
            (post.PostId, post.Permalink, post.Text, post.PublishedAt));
        Assert.Equal(
            ((long?)1001, (long?)102, (long?)103, (long?)104, (long?)(105 + 107), (long?)106, (long?)108, (long?)109),
            (post.Impressions, post.Reactions, post.PlatformEngagements, post.Saves, post.Shares, post.Comments, post.Clicks, post.VideoViews));
    }

    /// <summary>
    /// Sure with a post id, a date and impressions plus a link or the text, less sure without: catches either condition
    /// of the first test dropped, the score's choice fixed, and the text column's name misspelt.
    /// </summary>
    [Theory]
    [InlineData("Post id,Date,Impressions,Post Link", 0.95)]
    [InlineData("Post id,Date,Impressions,Link", 0.95)]
    [InlineData("Post id,Date,Impressions,Post text", 0.95)]
    [InlineData("Post id,Date,Impressions,Likes", 0.6)]
    [InlineData("Post id,Impressions,Post text", 0)]
    [InlineData("Date,Impressions,Post text", 0)]
    [InlineData("Post id,Date,Post text", 0)]
    public async Task Match_ScoresByColumns(string header, double score)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(header + "\n2115009355576258617,\"Tue, Oct 27, 2026\",1001,x\n"), TestContext.Current.CancellationToken);

        Assert.Equal(score, new XPremiumContentReader().Match(probe));
    }

    /// <summary>Catches the rejection of an id a spreadsheet rounded removed (posts would merge under one key).</summary>
    [Fact]
    public async Task ReadAsync_IdRoundedBySpreadsheetWithoutLink_RejectsRow()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text("Post id,Date,Post text,Impressions\n2.11501E+18,\"Tue, Oct 27, 2026\",Tip,1001\n"));

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((2, 1), (rejected.Line, rejected.Column));
        Assert.StartsWith("Post id: '2.11501E+18' is not a post id", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(result.Posts);
    }

    /// <summary>Catches the unreadable date's rejection removed or its message lost.</summary>
    [Fact]
    public async Task ReadAsync_UnreadableDate_RejectsRowNamingColumn()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text("Post id,Date,Post text,Impressions\n2115009355576258617,someday,Tip,1001\n"));

        Assert.Equal(new RejectedRow(2, 2, "Date: expected a date like Tue, Oct 27, 2026, found 'someday'"), Assert.Single(result.Rejected));
        Assert.Empty(result.Posts);
    }

    /// <summary>
    /// Shares are Reposts plus Shares when either is given, and unknown when neither is: catches each half of the
    /// "neither" test inverted or dropped and the null case turned into 0.
    /// </summary>
    [Theory]
    [InlineData("Likes", "9", null)]
    [InlineData("Reposts", "3", 3L)]
    [InlineData("Shares", "5", 5L)]
    [InlineData("Shares,Reposts", "5,", 5L)]
    [InlineData("Shares,Reposts", ",3", 3L)]
    public async Task ReadAsync_SharesFromRepostsAndShares(string columns, string cells, long? shares)
    {
        var file = ExportFixtures.Text($"Post id,Date,Post text,Impressions,{columns}\n2115009355576258617,\"Tue, Oct 27, 2026\",Tip,1001,{cells}\n");

        var result = await ExportFixtures.ReadAsync(file);

        Assert.Equal(shares, Assert.Single(result.Posts).Shares);
    }

    /// <summary>
    /// The id's instant is kept up to 48 hours from the day's midnight in the brand's zone (Paris, 2026-10-19 22:00 UTC)
    /// and not one millisecond beyond: catches the bound made strict or widened.
    /// </summary>
    [Theory]
    [InlineData("2113027546936246272", "2026-10-21T22:00:00.000Z")] // exactly 48 h after midnight: the id's instant
    [InlineData("2113027546940440576", "2026-10-19T22:00:00.000Z")] // 48 h and 1 ms: midnight
    public async Task ReadAsync_IdInstantAtTheLimitFromTheDay(string id, string publishedAt)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text($"Post id,Date,Post text,Impressions\n{id},\"Tue, Oct 20, 2026\",Tip,1001\n"));

        Assert.Equal(DateTimeOffset.Parse(publishedAt, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(result.Posts).PublishedAt);
    }
}
