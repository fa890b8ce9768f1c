using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XTweetActivityReaderTests
{
    [Fact]
    public async Task ReadAsync_EnglishExport_FloatCountsAndDashCells()
    {
        var result = await ExportFixtures.ReadAsync("x/tweet-activity-en.csv");

        Assert.Equal("x-tweet-activity", result.Format);
        Assert.Equal(3, result.Posts.Count);
        Assert.Equal(4633, result.Posts.Sum(p => p.Impressions));
        Assert.Equal(82, result.Posts.Sum(p => p.Reactions));

        var tip = result.Post("1849000000000000001");
        Assert.Equal(new DateTimeOffset(2026, 10, 6, 7, 30, 0, TimeSpan.Zero), tip.PublishedAt);
        Assert.Equal("+0000", tip.SourceTimeZone);
        Assert.Equal((1203L, 48L, 5L, 3L, 21L, 7L, 0L), (tip.Impressions, tip.PlatformEngagements, tip.Shares, tip.Comments, tip.Reactions, tip.Clicks, tip.VideoViews));
        Assert.Equal(ContentTypes.Text, tip.ContentType);
        Assert.Equal("https://x.com/lumencoffee/status/1849000000000000001", tip.Permalink);

        Assert.Equal((310L, ContentTypes.Other), (result.Post("1849000000000000002").VideoViews!.Value, result.Post("1849000000000000002").ContentType));

        var dashes = result.Post("1849000000000000003");
        Assert.Equal(980, dashes.Impressions);
        Assert.Null(dashes.PlatformEngagements);
        Assert.Null(dashes.Clicks);
    }

    [Fact]
    public async Task ReadAsync_JapaneseHeaders_MapsSameFields()
    {
        var result = await ExportFixtures.ReadAsync("x/tweet-activity-ja.csv");

        Assert.Equal("x-tweet-activity", result.Format);
        Assert.Equal(2, result.Posts.Count);
        var first = result.Post("1850000000000000001");
        Assert.Equal("ラテアートの金曜日 #LatteArtFriday", first.Text);
        Assert.Equal(new DateTimeOffset(2026, 10, 9, 8, 0, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal((640L, 31L, 2L, 1L, 17L, 4L), (first.Impressions, first.PlatformEngagements, first.Shares, first.Comments, first.Reactions, first.Clicks));
        Assert.Null(first.VideoViews);
        Assert.Equal(1500, result.Posts.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task ReadAsync_PortugueseHeadersWithColons_MapsSameFields()
    {
        var result = await ExportFixtures.ReadAsync("x/tweet-activity-pt.csv");

        var post = Assert.Single(result.Posts);
        Assert.Equal("1851000000000000001", post.PostId);
        Assert.Equal(new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal((500L, 20L, 1L, 2L, 11L, 3L), (post.Impressions, post.PlatformEngagements, post.Shares, post.Comments, post.Reactions, post.Clicks));
    }

    [Fact]
    public async Task ReadAsync_CountWithLetters_RejectsRowNamingColumn()
    {
        var result = await ExportFixtures.ReadAsync("x/float-count-with-letters.csv");

        Assert.Single(result.Posts);
        Assert.Equal(new RejectedRow(3, 5, "impressions: expected a number, found '2,450k'"), Assert.Single(result.Rejected));
    }

    [Fact]
    public async Task ReadAsync_IdsRoundedBySpreadsheet_TakesTheIdFromThePermalinkElseRejectsTheRow()
    {
        // Excel shows 18-digit ids as 6.54E+17 and saves them so: two posts would share one key and one overwrite the other.
        const string header = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"url clicks\",\"media views\"";
        var file = ExportFixtures.Text(string.Join('\n',
            header,
            "6.54E+17,https://twitter.com/lumencoffee/status/654000000000000123,Tip one,2026-10-06 07:30 +0000,1200,48,0.04,5,3,21,7,0",
            "6.54E+17,https://twitter.com/lumencoffee/status/654000000000000456,Tip two,2026-10-07 07:30 +0000,900,30,0.03,2,1,15,3,0",
            "6.54E+17,,Tip three,2026-10-08 07:30 +0000,800,20,0.03,1,1,10,2,0"));

        var result = await ExportFixtures.ReadAsync(file);

        Assert.Equal(["654000000000000123", "654000000000000456"], result.Posts.Select(p => p.PostId));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(4, rejected.Line);
        Assert.StartsWith("Tweet id: '6.54E+17' is not a post id", rejected.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every header name the reader knows, one per case, in an otherwise English header: the column's value must land in
    /// its field. Catches one alias misspelt or dropped (the row is then refused or the field left empty) and one alias
    /// put in another field's list. Written out here, not taken from the reader, so a mutated alias cannot pass.
    /// </summary>
    [Theory]
    [InlineData("Tweet id", "Tweet id")]
    [InlineData("Tweet id", "ツイートID")]
    [InlineData("Tweet id", "id do Tweet")]
    [InlineData("Tweet id", "ID do Tweet")]
    [InlineData("Tweet id", "ID del Tweet")]
    [InlineData("Tweet id", "identifiant du Tweet")]
    [InlineData("Tweet id", "Tweet-ID")]
    [InlineData("Tweet permalink", "Tweet permalink")]
    [InlineData("Tweet permalink", "ツイートの固定リンク")]
    [InlineData("Tweet permalink", "link permanente do Tweet")]
    [InlineData("Tweet permalink", "link do Tweet")]
    [InlineData("Tweet permalink", "enlace permanente del Tweet")]
    [InlineData("Tweet permalink", "permalien du Tweet")]
    [InlineData("Tweet permalink", "Tweet-Permalink")]
    [InlineData("Tweet text", "Tweet text")]
    [InlineData("Tweet text", "ツイート本文")]
    [InlineData("Tweet text", "texto do Tweet")]
    [InlineData("Tweet text", "texto del Tweet")]
    [InlineData("Tweet text", "texte du Tweet")]
    [InlineData("Tweet text", "Tweet-Text")]
    [InlineData("time", "time")]
    [InlineData("time", "時間")]
    [InlineData("time", "horário")]
    [InlineData("time", "hora")]
    [InlineData("time", "heure")]
    [InlineData("time", "Zeit")]
    [InlineData("impressions", "impressions")]
    [InlineData("impressions", "インプレッション")]
    [InlineData("impressions", "impressões")]
    [InlineData("impressions", "impresiones")]
    [InlineData("impressions", "Impressionen")]
    [InlineData("engagements", "engagements")]
    [InlineData("engagements", "エンゲージメント")]
    [InlineData("engagements", "engajamentos")]
    [InlineData("engagements", "interacciones")]
    [InlineData("engagements", "Interaktionen")]
    [InlineData("retweets", "retweets")]
    [InlineData("retweets", "リツイート")]
    [InlineData("retweets", "Retweets")]
    [InlineData("replies", "replies")]
    [InlineData("replies", "返信")]
    [InlineData("replies", "respostas")]
    [InlineData("replies", "respuestas")]
    [InlineData("replies", "réponses")]
    [InlineData("replies", "Antworten")]
    [InlineData("likes", "likes")]
    [InlineData("likes", "favorites")]
    [InlineData("likes", "いいね")]
    [InlineData("likes", "curtidas")]
    [InlineData("likes", "Me gusta")]
    [InlineData("likes", "J'aime")]
    [InlineData("likes", "Gefällt mir")]
    [InlineData("url clicks", "url clicks")]
    [InlineData("url clicks", "URLクリック数")]
    [InlineData("url clicks", "cliques em URL")]
    [InlineData("url clicks", "cliques no URL")]
    [InlineData("url clicks", "cliques de URL")]
    [InlineData("url clicks", "clics en URL")]
    [InlineData("url clicks", "clics sur l'URL")]
    [InlineData("url clicks", "URL-Klicks")]
    [InlineData("media views", "media views")]
    [InlineData("media views", "メディアの再生数")]
    [InlineData("media views", "visualizações de mídia")]
    [InlineData("media views", "exibições de mídia")]
    [InlineData("media views", "visualizaciones de contenido multimedia")]
    [InlineData("media views", "vues de médias")]
    [InlineData("media views", "Medienaufrufe")]
    public async Task ReadAsync_EachHeaderAlias_LandsInItsField(string column, string alias)
    {
        string[] english = ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "retweets", "replies", "likes", "url clicks", "media views"];
        english[Array.IndexOf(english, column)] = alias;
        var header = string.Join(',', english.Select(name => '"' + name + '"'));
        var file = ExportFixtures.Text(header + "\n1849000000000000007,https://x.com/lumencoffee/status/1849000000000000007,Cupping notes,2026-10-06 07:30 +0200,1001,102,103,104,105,106,107\n");

        var result = await ExportFixtures.ReadAsync(file);

        Assert.Equal("x-tweet-activity", result.Format);
        Assert.Empty(result.Rejected);
        var post = Assert.Single(result.Posts);
        Assert.Equal(
            ("1849000000000000007", "https://x.com/lumencoffee/status/1849000000000000007", "Cupping notes", new DateTimeOffset(2026, 10, 6, 5, 30, 0, TimeSpan.Zero)),
            (post.PostId, post.Permalink, post.Text, post.PublishedAt));
        Assert.Equal(
            ((long?)1001, (long?)102, (long?)103, (long?)104, (long?)105, (long?)106, (long?)107),
            (post.Impressions, post.PlatformEngagements, post.Shares, post.Comments, post.Reactions, post.Clicks, post.VideoViews));
    }

    /// <summary>Recognised only with an id, a time and impressions: catches either of the first two conditions dropped.</summary>
    [Theory]
    [InlineData("Tweet id,time,impressions", 0.95)]
    [InlineData("Tweet id,impressions", 0)]
    [InlineData("time,impressions", 0)]
    [InlineData("Tweet id,time", 0)]
    public async Task Match_NeedsIdTimeAndImpressions(string header, double score)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(header + "\n1849000000000000007,2026-10-06 07:30 +0000,1001\n"), TestContext.Current.CancellationToken);

        Assert.Equal(score, new XTweetActivityReader().Match(probe));
    }

    /// <summary>Catches the rejection of an unreadable time removed (the row would be stored at year 1) or its message lost.</summary>
    [Fact]
    public async Task ReadAsync_UnreadableTime_RejectsRowNamingColumn()
    {
        var file = ExportFixtures.Text("Tweet id,time,impressions\n1849000000000000007,next Tuesday,1001\n1849000000000000008,2026-10-06 07:30 +0000,900\n");

        var result = await ExportFixtures.ReadAsync(file);

        Assert.Equal(new RejectedRow(2, 2, "time: expected a time like 2026-10-27 14:03 +0000, found 'next Tuesday'"), Assert.Single(result.Rejected));
        Assert.Equal("1849000000000000008", Assert.Single(result.Posts).PostId);
    }
}
