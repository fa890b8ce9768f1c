using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class Ga4PagesReaderTests
{
    [Fact]
    public async Task ReadAsync_CommentPreamble_YieldsRangeAggregatesPerPage()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages.csv");

        Assert.Equal("ga4-pages", parsed.Format);
        Assert.Equal(2, parsed.Posts.Count);
        var first = parsed.PostRows[0];
        Assert.Equal(11, first.Line);
        Assert.Equal("/blog/pour-over-guide", first.Post.PostId);
        Assert.Equal(Channels.Blog, first.Post.Channel);
        Assert.Equal(1234, first.Post.Impressions);
        Assert.Equal(567, first.Post.Reach);
        Assert.Null(first.Post.Text);
        Assert.Equal(ExportKind.Range, first.Post.Kind);
        Assert.Equal(new DateOnly(2026, 9, 1), first.Post.RangeFrom);
        Assert.Equal(new DateOnly(2026, 10, 31), first.Post.RangeTo);
        Assert.Equal(new DateTimeOffset(2026, 8, 31, 22, 0, 0, TimeSpan.Zero), first.Post.PublishedAt);
        Assert.Equal(2134, parsed.Posts.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task ReadAsync_BadViews_RejectsWithLineAndColumn()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages.csv");

        Assert.Equal(new RejectedRow(13, 2, "Views: expected a number, found 'abc'"), Assert.Single(parsed.Rejected));
    }

    [Fact]
    public async Task ReadAsync_TitleOnlyReport_HashesTitleAndKeepsItAsText()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages-title-only.csv");

        var post = Assert.Single(parsed.Posts);
        Assert.Equal("Pour-over guide – Lumen Coffee", post.Text);
        Assert.StartsWith("h-", post.PostId, StringComparison.Ordinal);
        Assert.Equal(1234, post.Impressions);
    }

    [Fact]
    public async Task ReadAsync_NoDateRange_ThrowsAtHeaderLine()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportParse.ParseAsync("ga4", "missing-date-range.csv"));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("the report's date range is unknown", error.Reason, StringComparison.Ordinal);
    }

    private const string Preamble = "# Pages and screens\n# Start date: 20261001\n# End date: 20261031\n";

    /// <summary>Each name GA4 gives the page's path (the post's key): fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Page path and screen class")]
    [InlineData("Page path + query string and screen class")]
    [InlineData("Page path")]
    [InlineData("Page path + query string")]
    [InlineData("Page location")]
    [InlineData("Landing page")]
    [InlineData("Landing page + query string")]
    [InlineData("Seitenpfad und Bildschirmklasse")]
    [InlineData("Chemin de la page et classe de l'écran")]
    [InlineData("Chemin de la page et classe d’écran")]
    [InlineData("Chemin de la page et classe de l’écran")]
    [InlineData("Ruta de la página y clase de pantalla")]
    [InlineData("Caminho da página e classe de tela")]
    public async Task ReadAsync_PathColumnAlias_KeysThePage(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}{column},Views\n/menu,100\n"));

        Assert.Equal("ga4-pages", parsed.Format);
        var post = Assert.Single(parsed.Posts);
        Assert.Equal(("/menu", 100L), (post.PostId, post.Impressions!.Value));
    }

    /// <summary>Each name of the page's title: fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Page title and screen class")]
    [InlineData("Page title")]
    [InlineData("Page title and screen name")]
    [InlineData("Seitentitel und Bildschirmklasse")]
    [InlineData("Titre de la page et classe de l'écran")]
    [InlineData("Titre de la page et classe de l’écran")]
    [InlineData("Título de la página y clase de pantalla")]
    [InlineData("Título da página e classe de tela")]
    public async Task ReadAsync_TitleColumnAlias_KeepsTheTitle(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}Page path,{column},Views\n/menu,Our menu,100\n"));

        Assert.Equal("Our menu", Assert.Single(parsed.Posts).Text);
    }

    /// <summary>Each name of the page's users (reach): fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Active users")]
    [InlineData("Users")]
    [InlineData("Total users")]
    [InlineData("Aktive Nutzer")]
    [InlineData("Utilisateurs actifs")]
    [InlineData("Usuarios activos")]
    [InlineData("Usuários ativos")]
    public async Task ReadAsync_ReachColumnAlias_GivesReach(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}Page path,Views,{column}\n/menu,100,80\n"));

        Assert.Equal(80, Assert.Single(parsed.Posts).Reach);
    }

    /// <summary>Each name of the page's views (impressions), in every UI language: fails when that alias is misspelt.</summary>
    [Theory]
    [InlineData("Views")]
    [InlineData("Aufrufe")]
    [InlineData("Vues")]
    [InlineData("Vistas")]
    [InlineData("Visualizações")]
    public async Task ReadAsync_ViewsColumnAlias_GivesImpressions(string column)
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}Page path,{column}\n/menu,100\n"));

        Assert.Equal(("ga4-pages", 100L), (parsed.Format, Assert.Single(parsed.Posts).Impressions!.Value));
    }

    /// <summary>
    /// Dashed dates in the comments; the totals rows skipped by the path (not by a title that reads "Total"); a second
    /// table after new comment lines ignored. Catches "yyyy-MM-dd", "Grand total" misspelt, the key's fallback turned,
    /// and the second table read.
    /// </summary>
    [Fact]
    public async Task ReadAsync_DashedDatesTotalsAndSecondTable_AsGa4MeansThem()
    {
        var text = "# Pages and screens\n# Start date: 2026-10-01\n# End date: 2026-10-31\nPage path,Page title,Views\n"
            + "/menu,Total,100\nGrand total,,150\nTotal,,150\n/beans,Beans,50\n# Events\n/second-table,Other,7\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        Assert.Equal(["/menu", "/beans"], parsed.Posts.Select(p => p.PostId));
        Assert.All(parsed.Posts, p => Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (p.RangeFrom, p.RangeTo)));
    }

    /// <summary>GA4's own file starts with its # comments: certain; the same table without them only likely.</summary>
    [Theory]
    [InlineData(Preamble + "Page path,Views\n/menu,100\n", 0.95)]
    [InlineData("Page path,Views\n/menu,100\n", 0.8)]
    [InlineData("Page,Views\n/menu,100\n", 0)]
    public async Task Match_CommentsOrNot_GiveTheConfidence(string text, double expected)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(text), TestContext.Current.CancellationToken);

        Assert.Equal(expected, new Ga4PagesReader().Match(probe));
    }

    /// <summary>
    /// A page listed twice, once with a trailing space (a real 684-row report had three such pairs): one post with the views
    /// and users added up, at the first row's line, and a warning. Today's code yielded two posts with one key, and the
    /// store kept the last (45 views instead of 475).
    /// </summary>
    [Fact]
    public async Task ReadAsync_PagePathRepeatedWithTrailingSpace_OnePageWithViewsAddedUp()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages-repeated-path.csv");

        // Every row streams; the repeat carries the page's sums, and the store keeps a key's last row.
        Assert.Equal(3, parsed.PostRows.Count);
        var guide = parsed.PostRows.Last(r => r.Post.PostId == "/blog/pour-over-guide");
        Assert.Equal((475L, 150L), (guide.Post.Impressions!.Value, guide.Post.Reach!.Value));
        Assert.Equal(400, parsed.Post("/").Impressions);
        Assert.Equal(875, Stored(parsed.Posts).Sum(p => p.Impressions));
        var warning = Assert.Single(parsed.Warnings);
        Assert.StartsWith("1 row(s) repeated a page already listed (first: '/blog/pour-over-guide'): GA4 lists a page once per value of a secondary dimension", warning, StringComparison.Ordinal);
    }

    /// <summary>A repeated page whose cells are empty stays without views rather than becoming 0: catches the null sum.</summary>
    [Fact]
    public async Task ReadAsync_RepeatedPageWithoutViews_StaysWithoutViews()
    {
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text($"{Preamble}Page path,Views,Active users\n/menu,,3\n/menu ,,\n"));

        var post = Assert.Single(Stored(parsed.Posts));
        Assert.Null(post.Impressions);
        Assert.Equal(3, post.Reach);
    }

    /// <summary>
    /// The German UI's report: column names and the preamble's date labels translated. Today's code refused it as an
    /// unknown export; catches each German alias dropped and the preamble's dates not taken by position.
    /// </summary>
    [Fact]
    public async Task ReadAsync_GermanReport_ReadAsThePagesReport()
    {
        var parsed = await ExportParse.ParseAsync("ga4", "pages-german.csv");

        Assert.Equal("ga4-pages", parsed.Format);
        var post = parsed.Post("/blog/kaffee-mahlen");
        Assert.Equal((812L, 301L), (post.Impressions!.Value, post.Reach!.Value));
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), (post.RangeFrom!.Value, post.RangeTo!.Value));
        Assert.Equal(1452, parsed.Posts.Sum(p => p.Impressions));
    }

    /// <summary>Two dated comment lines in the wrong order are no range: the reader asks for it rather than guessing.</summary>
    [Fact]
    public async Task ReadAsync_UnlabelledDatesOutOfOrder_AsksForTheRange()
    {
        var text = "# Seiten\n# Startdatum: 20261031\n# Enddatum: 20261001\nSeitenpfad und Bildschirmklasse,Aufrufe\n/menu,100\n";

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportFixtures.ReadAsync(ExportFixtures.Text(text)));

        Assert.StartsWith("the report's date range is unknown", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// A secondary dimension lists each page once per value: the page's views are the sum over its rows, the secondary
    /// column ignored. Catches a merge that keeps the first or the last row.
    /// </summary>
    [Fact]
    public async Task ReadAsync_SecondaryDimension_PageViewsSummedOverItsRows()
    {
        var text = $"{Preamble}Page path and screen class,Country,Views,Active users\n/menu,France,100,40\n/menu,Germany,30,20\n/beans,France,7,5\n/menu,Spain,2,1\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text));

        var stored = Stored(parsed.Posts);
        Assert.Equal((132L, 61L), (stored[0].Impressions!.Value, stored[0].Reach!.Value));
        Assert.Equal(("/beans", 7L), (stored[1].PostId, stored[1].Impressions!.Value));
        Assert.Equal(2, stored.Count);
    }

    /// <summary>What the store keeps of a file: each key's last row.</summary>
    private static List<CanonicalPost> Stored(IEnumerable<CanonicalPost> posts) =>
        [.. posts.GroupBy(p => p.PostId, StringComparer.Ordinal).Select(g => g.Last())];
}
