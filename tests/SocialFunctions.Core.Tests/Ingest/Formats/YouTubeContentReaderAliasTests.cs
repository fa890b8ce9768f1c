using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// Every header alias of <see cref="YouTubeContentReader"/>, one case each, written out here rather than read from the
/// reader's tables (a misspelt alias would still be in them): a tiny English table with that one column renamed must
/// still land the value in its field. Each row fails when its alias is misspelt in the reader.
/// </summary>
public sealed class YouTubeContentReaderAliasTests
{
    private static readonly string[] EnglishHeader =
        ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Impressions", "Likes", "Comments", "Shares"];

    private static readonly string[] Video = ["abc123", "My title", "Sep 29, 2026", "30", "1000", "2.5", "15000", "30", "5", "2"];

    [Theory]
    // Content, the dimension column: the header is recognised only with it first
    [InlineData(0, "Content")]
    [InlineData(0, "Video")]
    [InlineData(0, "Videos")]
    [InlineData(0, "Inhalt")]
    [InlineData(0, "Contenu")]
    [InlineData(0, "Contenido")]
    [InlineData(0, "Conteúdo")]
    [InlineData(0, "Contenuti")]
    [InlineData(0, "Contenuto")]
    [InlineData(0, "コンテンツ")]
    // Video title → Text
    [InlineData(1, "Video title")]
    [InlineData(1, "Videotitel")]
    [InlineData(1, "Titre de la vidéo")]
    [InlineData(1, "Título del vídeo")]
    [InlineData(1, "Título del video")]
    [InlineData(1, "Título do vídeo")]
    [InlineData(1, "Titolo del video")]
    [InlineData(1, "動画のタイトル")]
    // Publish time → the range start
    [InlineData(2, "Video publish time")]
    [InlineData(2, "Publish time")]
    [InlineData(2, "Veröffentlichungszeitpunkt des Videos")]
    [InlineData(2, "Heure de publication de la vidéo")]
    [InlineData(2, "Hora de publicación del vídeo")]
    [InlineData(2, "Hora de publicación del video")]
    [InlineData(2, "Horário de publicação do vídeo")]
    [InlineData(2, "Ora di pubblicazione del video")]
    [InlineData(2, "動画公開時刻")]
    // Duration → Short (30 s)
    [InlineData(3, "Duration")]
    [InlineData(3, "Dauer")]
    [InlineData(3, "Durée")]
    [InlineData(3, "Duración")]
    [InlineData(3, "Duração")]
    [InlineData(3, "Durata")]
    [InlineData(3, "長さ")]
    // Views → VideoViews
    [InlineData(4, "Views")]
    [InlineData(4, "Aufrufe")]
    [InlineData(4, "Vues")]
    [InlineData(4, "Visualizaciones")]
    [InlineData(4, "Visualizações")]
    [InlineData(4, "Visualizzazioni")]
    [InlineData(4, "視聴回数")]
    // Watch time (hours) → WatchTimeSeconds
    [InlineData(5, "Watch time (hours)")]
    [InlineData(5, "Wiedergabezeit (Stunden)")]
    [InlineData(5, "Durée de visionnage (heures)")]
    [InlineData(5, "Tiempo de visualización (horas)")]
    [InlineData(5, "Tempo de exibição (horas)")]
    [InlineData(5, "Tempo di visualizzazione (ore)")]
    [InlineData(5, "総再生時間（単位: 時間）")]
    [InlineData(5, "総再生時間 (単位: 時間)")]
    // Impressions
    [InlineData(6, "Impressions")]
    [InlineData(6, "Thumbnail impressions")]
    [InlineData(6, "Impressionen")]
    [InlineData(6, "Thumbnail-Impressionen")]
    [InlineData(6, "Impresiones")]
    [InlineData(6, "Impresiones de miniaturas")]
    [InlineData(6, "Impressões")]
    [InlineData(6, "Impressões de miniaturas")]
    [InlineData(6, "Impressioni")]
    [InlineData(6, "Impressioni delle miniature")]
    [InlineData(6, "インプレッション数")]
    [InlineData(6, "サムネイルのインプレッション")]
    [InlineData(6, "Impressions de la miniature")]
    // Likes → Reactions
    [InlineData(7, "Likes")]
    [InlineData(7, "„Mag ich“-Bewertungen")]
    [InlineData(7, "Mag ich")]
    [InlineData(7, "J'aime")]
    [InlineData(7, "Me gusta")]
    [InlineData(7, "Marcações \"Gostei\"")]
    [InlineData(7, "Gostei")]
    [InlineData(7, "Mi piace")]
    [InlineData(7, "高評価数")]
    [InlineData(7, "高評価")]
    // Comments
    [InlineData(8, "Comments")]
    [InlineData(8, "Comments added")]
    [InlineData(8, "Kommentare")]
    [InlineData(8, "Hinzugefügte Kommentare")]
    [InlineData(8, "Commentaires")]
    [InlineData(8, "Commentaires ajoutés")]
    [InlineData(8, "Comentarios")]
    [InlineData(8, "Comentarios añadidos")]
    [InlineData(8, "Comentários")]
    [InlineData(8, "Comentários adicionados")]
    [InlineData(8, "Commenti")]
    [InlineData(8, "Commenti aggiunti")]
    [InlineData(8, "コメント")]
    [InlineData(8, "追加されたコメント")]
    // Shares
    [InlineData(9, "Shares")]
    [InlineData(9, "Geteilte Inhalte")]
    [InlineData(9, "Mal geteilt")]
    [InlineData(9, "Partages")]
    [InlineData(9, "Veces compartido")]
    [InlineData(9, "Compartilhamentos")]
    [InlineData(9, "Partilhas")]
    [InlineData(9, "Condivisioni")]
    [InlineData(9, "共有数")]
    public async Task ReadAsync_OneColumnInAnotherUiLanguage_ItsValueLandsInItsField(int column, string alias)
    {
        var header = EnglishHeader.ToArray();
        header[column] = alias;

        var parsed = await ReadAsync(Csv(header), Csv(Video));

        Assert.Equal("youtube-content", parsed.Format);
        Assert.Empty(parsed.Rejected);
        Assert.Empty(parsed.Warnings);
        var post = Assert.Single(parsed.Posts);
        Assert.Equal(
            ("abc123", "My title", new DateOnly(2026, 9, 29), ContentTypes.Short, 1000L, 9000d, 15000L, 30L, 5L, 2L),
            (post.PostId, post.Text, post.RangeFrom, post.ContentType, post.VideoViews, post.WatchTimeSeconds, post.Impressions, post.Reactions, post.Comments, post.Shares));
    }

    /// <summary>The totals row, in each UI language, is skipped; a misspelt name would read it as a video.</summary>
    [Theory]
    [InlineData("Total")]
    [InlineData("Totals")]
    [InlineData("Gesamt")]
    [InlineData("Summe")]
    [InlineData("Totale")]
    [InlineData("Totais")]
    [InlineData("Totaux")]
    [InlineData("Total general")]
    [InlineData("合計")]
    public async Task ReadAsync_TotalsRowInAnyUiLanguage_IsSkipped(string total)
    {
        var parsed = await ReadAsync(Csv(EnglishHeader), Csv([total, "", "", "", "1500", "25.5", "20000", "40", "6", "3"]), Csv(Video));

        Assert.Empty(parsed.Rejected);
        Assert.Equal("abc123", Assert.Single(parsed.Posts).PostId);
    }

    /// <summary>
    /// Each publish-time form Studio has written, read to its day. The first two (lower case, so the English date parser
    /// tried first does not take them) are still read with either of their formats removed alone: those two are
    /// equivalent mutants, checked by hand; each of the other five fails its row when removed.
    /// </summary>
    [Theory]
    [InlineData("sep 9, 2026")]
    [InlineData("sep 09, 2026")]
    [InlineData("September 9, 2026")]
    [InlineData("Sep 9 2026")]
    [InlineData("2026-09-09")]
    [InlineData("9 Sep 2026")]
    [InlineData("09/09/2026")]
    public async Task ReadAsync_PublishTimeInEachForm_IsThatDay(string published)
    {
        var video = Video.ToArray();
        video[2] = published;

        var parsed = await ReadAsync(Csv(EnglishHeader), Csv(video));

        Assert.Empty(parsed.Rejected);
        Assert.Equal(new DateOnly(2026, 9, 9), Assert.Single(parsed.Posts).RangeFrom);
    }

    /// <summary>Chart data has a date column besides the content: in every UI language it is not table data.</summary>
    [Theory]
    [InlineData("Date")]
    [InlineData("Datum")]
    [InlineData("Data")]
    [InlineData("Fecha")]
    [InlineData("日付")]
    public async Task Match_DateColumnInAnyUiLanguage_IsNotTableData(string date)
    {
        Assert.Equal(0.95, await MatchAsync(Csv(["Content", "Video title", "Views"]), Csv(["abc123", "My title", "1000"])));
        Assert.Equal(0, await MatchAsync(Csv(["Content", "Video title", "Views", date]), Csv(["abc123", "My title", "1000", "2026-09-09"])));
    }

    /// <summary>The content column first and a title or a views column after it: either alone is enough, neither is not.</summary>
    [Theory]
    [InlineData("Video title", 0.95)]
    [InlineData("Views", 0.95)]
    [InlineData("Duration", 0)]
    public async Task Match_ContentWithTitleOrViews_IsTableData(string second, double expected)
    {
        Assert.Equal(expected, await MatchAsync(Csv(["Content", second, "Impressions"]), Csv(["abc123", "x", "1"])));
    }

    private static string Csv(string[] cells) => string.Join(',', cells.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private static Task<ReadResult> ReadAsync(params string[] lines) =>
        ExportFixtures.ReadAsync(ExportFixtures.Text(string.Join("\n", lines) + "\n", "Table data.csv"), ExportParse.Context);

    private static async Task<double> MatchAsync(params string[] lines)
    {
        var probe = await ExportProbe.CreateAsync(ExportFixtures.Text(string.Join("\n", lines) + "\n", "Table data.csv"), TestContext.Current.CancellationToken);
        return new YouTubeContentReader().Match(probe);
    }
}
