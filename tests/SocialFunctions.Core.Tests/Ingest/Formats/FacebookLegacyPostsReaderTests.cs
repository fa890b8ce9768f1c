using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class FacebookLegacyPostsReaderTests
{
    [Fact]
    public async Task ReadAsync_LegacyExport_SkipsDescriptionRowAndMapsLifetimeColumns()
    {
        var result = await ExportFixtures.ReadAsync("facebook/legacy-post-level.csv");

        Assert.Equal("facebook-legacy-post-level", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal([3, 4], result.Rows.Select(r => r.Line));

        var latte = result.Post("100000000000001_2000000001");
        Assert.Equal(new DateTimeOffset(2020, 9, 4, 15, 30, 0, TimeSpan.Zero), latte.PublishedAt);
        Assert.Equal("#LatteArtFriday: a tulip in oat milk", latte.Text);
        Assert.Equal(ContentTypes.Image, latte.ContentType);
        Assert.Equal((3500L, 2300L, 150L, 12L, 9L, 40L), (latte.Impressions, latte.Reach, latte.Reactions, latte.Comments, latte.Shares, latte.Clicks));
        Assert.Equal("https://www.facebook.com/lumencoffee/posts/2000000001", latte.Permalink);

        var beans = result.Post("100000000000001_2000000002");
        Assert.Equal(new DateTimeOffset(2020, 11, 20, 7, 5, 0, TimeSpan.Zero), beans.PublishedAt);
        Assert.Equal(ContentTypes.Link, beans.ContentType);
        Assert.Equal((2100L, 0L, 55L), (beans.Impressions, beans.Shares, beans.Clicks));
    }

    private static string LegacyExport(string posted) =>
        "\"Post ID\",Permalink,\"Post Message\",Type,Posted,\"Lifetime Post Total Reach\",\"Lifetime Post Total Impressions\"\n"
        + $"1_2,https://www.facebook.com/lumencoffee/posts/2,Hello,Photo,{posted},10,20\n";

    /// <summary>
    /// Each <c>Posted</c> form that only <c>PostedFormats</c> reads (the fast path takes single-spaced 24-hour times):
    /// AM/PM, or a second space. Each case fails when its format is misspelt.
    /// </summary>
    [Theory]
    [InlineData("9/4/2020 5:30:00 PM", "2020-09-04T15:30:00Z")] // M/d/yyyy h:mm:ss tt
    [InlineData("09/04/2020 05:30:00 PM", "2020-09-04T15:30:00Z")] // the same, two-digit parts
    [InlineData("9/4/2020 5:30 PM", "2020-09-04T15:30:00Z")] // M/d/yyyy h:mm tt
    [InlineData("9/4/2020  17:30:00", "2020-09-04T15:30:00Z")] // M/d/yyyy HH:mm:ss
    [InlineData("9/4/2020  17:30", "2020-09-04T15:30:00Z")] // M/d/yyyy HH:mm
    public async Task ReadAsync_PostedOnlyTheFormatsRead_ConvertedFromBrandZone(string posted, string expectedUtc)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(LegacyExport(posted)));

        Assert.Equal("facebook-legacy-post-level", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(result.Posts).PublishedAt);
    }

    /// <summary>Catches a change to the expectation the refusal names.</summary>
    [Fact]
    public async Task ReadAsync_PostedNotADate_RejectedNamingTheExpectedForm()
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(LegacyExport("yesterday")));

        Assert.Equal(new RejectedRow(2, 5, "Posted: expected a date like 10/27/2026 2:05:00 PM, found 'yesterday'"), Assert.Single(result.Rejected));
    }

    /// <summary>
    /// Post ID and Posted make a likely legacy export; any one of its lifetime columns or Post Message makes it certain.
    /// Each certain case fails when its column name is misspelt in the test; the likely one when the test always answers.
    /// </summary>
    [Theory]
    [InlineData("\"Post ID\",Posted,\"Lifetime Post Total Reach\"", 0.95)]
    [InlineData("\"Post ID\",Posted,\"Lifetime Post Total Impressions\"", 0.95)]
    [InlineData("\"Post ID\",Posted,\"Post Message\"", 0.95)]
    [InlineData("\"Post ID\",Posted,Type", 0.5)]
    [InlineData("\"Post ID\",Type", 0)]
    public async Task Match_HeaderColumns_GiveTheConfidence(string header, double expected)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(header + "\n1_2,9/4/2020 5:30:00 PM,x\n"), TestContext.Current.CancellationToken);

        Assert.Equal(expected, new FacebookLegacyPostsReader().Match(probe));
    }
}
