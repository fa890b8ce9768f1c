using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Instagram posts exported in Portuguese (names as code reading real Brazilian exports quotes them; fixture invented by
/// fixtures.mjs), and Meta's breakdown by day (one row per post and day), refused rather than stored as posts.
/// </summary>
public sealed class MetaPortugueseAndDayRowsTests
{
    /// <summary>
    /// Catches a Portuguese name misspelt (the export unknown, or a metric null: each is asserted), <c>Reel do
    /// Instagram</c> not mapped, <c>Data</c> 'Total' taken for a day, and a day-first reading (01/17 is January 17).
    /// </summary>
    [Fact]
    public async Task Instagram_PortugueseExport_EveryColumnRead()
    {
        var result = await ExportFixtures.ReadAsync("instagram/posts-portuguese.csv");

        Assert.Equal("instagram-posts", result.Format);
        Assert.Empty(result.Rejected);
        var reel = result.Post("17910000000000001");
        Assert.Equal((2750L, 1730L, 150L, 8L, 7L, 2L), (reel.Impressions, reel.Reach, reel.Reactions, reel.Comments, reel.Shares, reel.Saves));
        Assert.Equal(("Arte no café ☕", "https://www.instagram.com/reel/LumenP1/", ContentTypes.Reel), (reel.Text, reel.Permalink, reel.ContentType));
        Assert.Equal(DateTimeOffset.Parse("2026-01-17T09:29:00Z", CultureInfo.InvariantCulture), reel.PublishedAt);
        Assert.Equal(DateTimeOffset.Parse("2026-01-09T07:16:00Z", CultureInfo.InvariantCulture), result.Post("17910000000000002").PublishedAt);
        Assert.Empty(result.Warnings);
    }

    /// <summary>
    /// The Portuguese network-only names decide Instagram on their own (no permalink to go by): each case fails when that
    /// name is misspelt in <c>InstagramOnly</c>.
    /// </summary>
    [Theory]
    [InlineData("Identificação da conta")]
    [InlineData("Nome de usuário da conta")]
    [InlineData("Nome da conta")]
    [InlineData("Curtidas")]
    [InlineData("Salvamentos")]
    [InlineData("Seguimentos")]
    public async Task Detect_PortugueseInstagramOnlyColumn_DecidesInstagram(string column)
    {
        var text = $"\"Identificação do post\",\"Horário de publicação\",Visualizações,\"{column}\"\n1,10/02/2026 08:15,100,7\n";

        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal("instagram-posts", result.Format);
        Assert.Equal(100, Assert.Single(result.Posts).Impressions);
    }

    /// <summary>
    /// A row whose <c>Date</c> (<c>Datum</c>, <c>Data</c>) is a day is one day of a post: refused with line, column and
    /// what to export, on both networks, while the lifetime rows beside it are read. Catches the check dropped (the day
    /// rows stored as posts, the last day's numbers kept), a name of the Date column misspelt, and the lifetime words
    /// taken for days.
    /// </summary>
    [Theory]
    [InlineData("\"Post ID\",\"Page ID\",\"Publish time\",Date,Views\n1,9,10/02/2026 08:15,Lifetime,40\n2,9,10/02/2026 08:15,10/03/2026,5\n", "Date '10/03/2026'")]
    [InlineData("\"Post ID\",\"Account ID\",\"Publish time\",Date,Views\n1,9,10/02/2026 08:15,Lifetime,40\n2,9,10/02/2026 08:15,2026-10-03,5\n", "Date '2026-10-03'")]
    [InlineData("Publicerings-id,Sid-id,Publiceringstid,Datum,Visningar\n1,9,10/02/2026 08:15,Livstid,40\n2,9,10/02/2026 08:15,2026-10-03,5\n", "Datum '2026-10-03'")]
    [InlineData("\"Identificação do post\",\"Identificação da conta\",\"Horário de publicação\",Data,Visualizações\n1,9,10/02/2026 08:15,Total,40\n2,9,10/02/2026 08:15,03/10/2026,5\n", "Data '03/10/2026'")]
    public async Task ReadAsync_RowOfTheBreakdownByDay_RefusedBesideLifetimeRows(string text, string cell)
    {
        var result = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(40, Assert.Single(result.Posts).Impressions);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(
            new RejectedRow(3, 4, $"{cell}: this row is one day of a post (Meta's breakdown by day), not the post's lifetime totals; export the posts again with their lifetime totals (Date 'Lifetime'), one row per post"),
            rejected);
    }
}
