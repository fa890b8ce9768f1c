using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// X (Twitter) legacy "tweet activity" export. Headers are translated by UI language (English, Japanese, Portuguese —
/// some Portuguese names end with a colon, which header matching ignores; Spanish, French and German names are
/// best-effort aliases, not yet seen in a real file); counts may be floats (<c>"1203.0"</c>);
/// promoted columns hold <c>"-"</c> when the post was not promoted.
/// </summary>
public sealed class XTweetActivityReader : TableExportReader
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    // Header matching ignores case: "ID do Tweet" is "id do Tweet", "Retweets" is "retweets".
    private static string[] IdNames => ["Tweet id", "ツイートID", "id do Tweet", "ID del Tweet", "identifiant du Tweet", "Tweet-ID"];
    private static string[] PermalinkNames => ["Tweet permalink", "ツイートの固定リンク", "link permanente do Tweet", "link do Tweet", "enlace permanente del Tweet", "permalien du Tweet", "Tweet-Permalink"];
    private static string[] TextNames => ["Tweet text", "ツイート本文", "texto do Tweet", "texto del Tweet", "texte du Tweet", "Tweet-Text"];
    private static string[] TimeNames => ["time", "時間", "horário", "hora", "heure", "Zeit"];
    private static string[] ImpressionNames => ["impressions", "インプレッション", "impressões", "impresiones", "Impressionen"];
    private static string[] EngagementNames => ["engagements", "エンゲージメント", "engajamentos", "interacciones", "Interaktionen"];
    private static string[] RetweetNames => ["retweets", "リツイート"];
    private static string[] ReplyNames => ["replies", "返信", "respostas", "respuestas", "réponses", "Antworten"];
    private static string[] LikeNames => ["likes", "favorites", "いいね", "curtidas", "Me gusta", "J'aime", "Gefällt mir"];
    private static string[] UrlClickNames => ["url clicks", "URLクリック数", "cliques em URL", "cliques no URL", "cliques de URL", "clics en URL", "clics sur l'URL", "URL-Klicks"];
    private static string[] MediaViewNames => ["media views", "メディアの再生数", "visualizações de mídia", "exibições de mídia", "visualizaciones de contenido multimedia", "vues de médias", "Medienaufrufe"];

    public override ExportFormatInfo Format { get; } = new(
        "x-tweet-activity",
        "X tweet activity (legacy analytics)",
        Channels.X,
        ExportKind.Posts,
        ["Tweet id", "Tweet permalink", "Tweet text", "time", "impressions", "engagements", "engagement rate", "retweets", "replies", "likes", "url clicks", "media views"]);

    protected override double Match(CsvPreview preview) =>
        preview.FindHeader(h => h.Has(IdNames) && h.Has(TimeNames) && h.Has(ImpressionNames)) is null ? 0 : 0.95;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken) =>
        new Mapper(session.Context, await session.ReadHeaderAsync(cancellationToken));

    private sealed class Mapper(ExportContext context, TableHeader header) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly TableColumn _id = header.Require(IdNames);
        private readonly TableColumn _time = header.Require(TimeNames);
        private readonly TableColumn _permalink = header.Find(PermalinkNames);
        private readonly TableColumn _text = header.Find(TextNames);
        private readonly TableColumn _impressions = header.Find(ImpressionNames);
        private readonly TableColumn _engagements = header.Find(EngagementNames);
        private readonly TableColumn _retweets = header.Find(RetweetNames);
        private readonly TableColumn _replies = header.Find(ReplyNames);
        private readonly TableColumn _likes = header.Find(LikeNames);
        private readonly TableColumn _urlClicks = header.Find(UrlClickNames);
        private readonly TableColumn _mediaViews = header.Find(MediaViewNames);
        private readonly string[] _timeFormats = XTime.LocalFormats;

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);
            var idCell = cells.RequiredText(_id);
            var id = XTime.PostId(idCell, cells.Text(_permalink));
            if (id is null && idCell is not null)
            {
                cells.Reject(_id.Index, XTime.UnusableId(_id.Name, idCell));
            }

            var timeCell = cells.Raw(_time, out var timeField);
            if (!XTime.TryParseActivityTime(timeCell, _timeFormats, out var publishedAt, out var zone))
            {
                cells.Reject(timeField, $"{_time.Name}: expected a time like 2026-10-27 14:03 +0000, found '{TableCells.Shorten(timeCell.Trim())}'");
            }

            var impressions = cells.Count(_impressions, EmptyCell.Missing);
            var engagements = cells.Count(_engagements, EmptyCell.Missing);
            var retweets = cells.Count(_retweets, EmptyCell.Missing);
            var replies = cells.Count(_replies, EmptyCell.Missing);
            var likes = cells.Count(_likes, EmptyCell.Missing);
            var urlClicks = cells.Count(_urlClicks, EmptyCell.Missing);
            var mediaViews = cells.Count(_mediaViews, EmptyCell.Missing);
            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            return new PostRow(record.Line, context.NewPost(Channels.X, id!, publishedAt) with
            {
                SourceTimeZone = zone,
                Text = cells.Text(_text),
                Permalink = cells.Text(_permalink),

                // The export does not say what media a post had; media views only tell that it had some.
                ContentType = mediaViews > 0 ? ContentTypes.Other : ContentTypes.Text,
                Impressions = impressions,
                Reactions = likes,
                Comments = replies,
                Shares = retweets,
                Clicks = urlClicks,
                VideoViews = mediaViews,
                PlatformEngagements = engagements,
            });
        }
    }
}
