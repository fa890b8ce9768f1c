using System.Globalization;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// YouTube Studio advanced-mode export by content: <c>Table data.csv</c> (<c>Tabellendaten.csv</c>, <c>Dados da
/// tabela.csv</c>, <c>表データ.csv</c>…), bare or inside the zip with the chart and totals files. Each row is a video's
/// metrics over the export's date range → range aggregates. Headers follow the Studio's UI language (English, German,
/// French, Spanish, Portuguese, Italian, Japanese); German ones come hyphenated with soft hyphens.
/// </summary>
/// <remarks>
/// The first data row is the totals row (<c>Total</c>, <c>Gesamt</c>, <c>Totale</c>, <c>Totais</c>, <c>合計</c>…) and a
/// last row may say that only the top 500 are shown: both are skipped (any row with only its first cell filled is a
/// note). Ids starting with <c>-</c> are written with a leading space. <c>Video publish time</c> is <c>Aug 19, 2011</c>
/// (English in every UI language seen) and may be empty. The range comes from the file name (<c>Content
/// 2026-09-01_2026-10-31 Lumen Coffee.zip</c>); when no name states it, each video's range is its lifetime as of the
/// upload — what Studio's default "Lifetime" period means.
/// </remarks>
public sealed class YouTubeContentReader : TableExportReader
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).

    /// <summary>The dimension column of a table by content.</summary>
    internal static string[] ContentNames => ["Content", "Video", "Videos", "Inhalt", "Contenu", "Contenido", "Conteúdo", "Contenuti", "Contenuto", "コンテンツ"];

    internal static string[] TitleNames => ["Video title", "Videotitel", "Titre de la vidéo", "Título del vídeo", "Título del video", "Título do vídeo", "Titolo del video", "動画のタイトル"];

    internal static string[] PublishNames =>
    [
        "Video publish time", "Publish time", "Veröffentlichungszeitpunkt des Videos", "Heure de publication de la vidéo", "Hora de publicación del vídeo",
        "Hora de publicación del video", "Horário de publicação do vídeo", "Ora di pubblicazione del video", "動画公開時刻",
    ];

    internal static string[] ViewNames => ["Views", "Aufrufe", "Vues", "Visualizaciones", "Visualizações", "Visualizzazioni", "視聴回数"];

    internal static string[] TotalNames => ["Total", "Totals", "Gesamt", "Summe", "Totale", "Totais", "Totaux", "Total general", "合計"];

    private static string[] DurationNames => ["Duration", "Dauer", "Durée", "Duración", "Duração", "Durata", "長さ"];

    private static string[] WatchHourNames =>
    [
        "Watch time (hours)", "Wiedergabezeit (Stunden)", "Durée de visionnage (heures)", "Tiempo de visualización (horas)", "Tempo de exibição (horas)",
        "Tempo di visualizzazione (ore)", "総再生時間（単位: 時間）", "総再生時間 (単位: 時間)",
    ];

    private static string[] ImpressionNames =>
    [
        "Impressions", "Thumbnail impressions", "Impressionen", "Thumbnail-Impressionen", "Impresiones", "Impresiones de miniaturas", "Impressões",
        "Impressões de miniaturas", "Impressioni", "Impressioni delle miniature", "インプレッション数", "サムネイルのインプレッション", "Impressions de la miniature",
    ];

    private static string[] LikeNames => ["Likes", "„Mag ich“-Bewertungen", "Mag ich", "J'aime", "Me gusta", "Marcações \"Gostei\"", "Gostei", "Mi piace", "高評価数", "高評価"];

    private static string[] CommentNames =>
    [
        "Comments", "Comments added", "Kommentare", "Hinzugefügte Kommentare", "Commentaires", "Commentaires ajoutés", "Comentarios", "Comentarios añadidos",
        "Comentários", "Comentários adicionados", "Commenti", "Commenti aggiunti", "コメント", "追加されたコメント",
    ];

    private static string[] ShareNames => ["Shares", "Geteilte Inhalte", "Mal geteilt", "Partages", "Veces compartido", "Compartilhamentos", "Partilhas", "Condivisioni", "共有数"];

    private static string[] PublishFormats => ["MMM d, yyyy", "MMM dd, yyyy", "MMMM d, yyyy", "MMM d yyyy", "yyyy-MM-dd", "d MMM yyyy", "MM/dd/yyyy"];

    public override ExportFormatInfo Format { get; } = new(
        "youtube-content",
        "YouTube Studio content (Table data.csv or the export zip)",
        Channels.YouTube,
        ExportKind.Range,
        ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Subscribers", "Impressions"]);

    public override double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text)
        {
            return probe.Csv?.FindHeader(IsTableHeader) is not null ? 0.95 : 0;
        }

        return FindEntry(probe) is not null ? 0.95 : 0;
    }

    /// <summary>
    /// Table data by content: the dimension column is the content (in any UI language) and a title or views column
    /// follows. Chart data has the same columns plus a date, so a date column rules it out.
    /// </summary>
    // Stryker disable once Equality : equivalent for `>= 1`, a lone name cannot be both a content name and a title or views name
    internal static bool IsTableHeader(TableHeader header) =>
        header.Names.Count > 1 && TableHeader.IsNamed(header.Names[0], ContentNames) && (header.Has(TitleNames) || header.Has(ViewNames))
        && !header.Has("Date", "Datum", "Data", "Fecha", "日付");

    protected override IEnumerable<ExportTable> OpenTables(ExportProbe probe)
    {
        if (probe.Container != ExportContainer.Zip)
        {
            return base.OpenTables(probe);
        }

        var entry = FindEntry(probe)
            ?? throw new ExportFormatException(probe.File.FileName, null, null, "the zip holds no YouTube Studio table data (Table data.csv) with a 'Content' column");
        return [ExportTables.ZipEntry(probe, entry)];
    }

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        return new Mapper(session, header);
    }

    private static string? FindEntry(ExportProbe probe) =>
        ExportTables.FindZipEntry(probe, (_, preview) => preview.FindHeader(IsTableHeader) is not null);

    private sealed class Mapper : TableRowMapper
    {
        private readonly ExportContext _context;
        private readonly TableCells _cells = new();
        private readonly TableColumn _content, _title, _publish, _duration, _views, _watchHours, _impressions, _likes, _comments, _shares;
        private readonly bool _hasNamedRange;
        private readonly DateOnly _rangeFrom, _rangeTo, _exportDay;
        private readonly string _undatedWarning;
        private readonly Dictionary<DateOnly, DateTimeOffset> _midnights = [];

        /// <summary><see cref="TotalNames"/> normalized once per file: every data row is asked whether it is the totals row.</summary>
        private readonly TableNames _totals = new(TotalNames);

        /// <summary>Built once per file: tried on every row whose publish time is not in the usual English form.</summary>
        private readonly string[] _publishFormats = PublishFormats;

        /// <summary>
        /// The fields every video of the file shares (brand, channel, kind, upload, export time), built once: each row is
        /// one copy of it with the row's own fields set, instead of a new post plus a <c>with</c> copy of it.
        /// </summary>
        private readonly CanonicalPost _template;

        public Mapper(TableSession session, TableHeader header)
        {
            _context = session.Context;
            _content = new TableColumn(header.Names[0], [0]);
            _title = header.Find(TitleNames);
            _publish = header.Find(PublishNames);
            _duration = header.Find(DurationNames);
            _views = header.Find(ViewNames);
            _watchHours = header.Find(WatchHourNames);
            _impressions = header.Find(ImpressionNames);
            _likes = header.Find(LikeNames);
            _comments = header.Find(CommentNames);
            _shares = header.Find(ShareNames);
            _hasNamedRange = ExportDates.TryRangeFromName(session.FileName, out _rangeFrom, out _rangeTo);
            _exportDay = _context.ExportedOn ?? _context.UploadDay;
            // Stryker disable once String : equivalent, every row sets its own id over the template's
            _template = _context.NewRangeItem(Channels.YouTube, string.Empty, default, _rangeFrom, _rangeTo);

            // Studio leaves the publish time of some videos empty; say what was assumed instead of guessing silently.
            var publishName = _publish.Name.Replace("\u00AD", string.Empty, StringComparison.Ordinal);
            _undatedWarning = _hasNamedRange
                ? string.Create(CultureInfo.InvariantCulture, $"YouTube Studio table data ({session.FileName}): videos without '{publishName}' are dated to the start of the export's range, {_rangeFrom:yyyy-MM-dd}.")
                : string.Create(CultureInfo.InvariantCulture, $"YouTube Studio table data ({session.FileName}): videos without '{publishName}' have lifetime figures from an unknown day; they are stored as of the export day, {_exportDay:yyyy-MM-dd}, so they count in that day's month. Export a date range in YouTube Studio (the file name then carries it) to place them in their period.");
        }

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);

            // Ids starting with '-' are written with a leading space (so spreadsheets do not read a formula).
            var id = cells.Text(_content);
            if (id is null || _totals.Contains(id) || IsNote(record))
            {
                return null;
            }

            DateOnly? publishedDay = null;
            var publishText = cells.Raw(_publish, out var publishField).Trim();
            if (!publishText.IsEmpty)
            {
                if (!TryParsePublished(publishText, out var parsed))
                {
                    return new RejectedRow(record.GetFieldLine(publishField), publishField + 1, $"{_publish.Name}: expected a date such as 'Sep 29, 2026', found '{TableCells.Shorten(publishText)}'");
                }

                publishedDay = parsed;
            }
            else
            {
                _context.Warnings.Add(_undatedWarning);
            }

            var from = _hasNamedRange ? _rangeFrom : publishedDay ?? _exportDay;
            var to = _hasNamedRange ? _rangeTo : _exportDay;
            var seconds = cells.Number(_duration, EmptyCell.Missing);
            var hours = cells.Number(_watchHours, EmptyCell.Missing);
            var impressions = cells.Count(_impressions, EmptyCell.Missing);
            var views = cells.Count(_views, EmptyCell.Missing);
            var likes = cells.Count(_likes, EmptyCell.Missing);
            var comments = cells.Count(_comments, EmptyCell.Missing);
            var shares = cells.Count(_shares, EmptyCell.Missing);
            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            // Every field NewRangeItem sets per post (id, publication, range) is set here; the rest is the template's.
            return new PostRow(record.Line, _template with
            {
                PostId = id,
                PublishedAt = StartOfDayUtc(publishedDay ?? from),
                RangeFrom = from,
                RangeTo = to,
                Text = cells.Text(_title),

                // Shorts are at most a minute long in every export period we take in; longer uploads are videos.
                ContentType = seconds is > 0 and <= 60 ? ContentTypes.Short : ContentTypes.Video,
                Impressions = impressions,
                VideoViews = views,
                WatchTimeSeconds = hours * 3600,
                Reactions = likes,
                Comments = comments,
                Shares = shares,
            });
        }

        /// <summary>The day's local midnight as an instant, converted once per day of the file rather than once per video.</summary>
        private DateTimeOffset StartOfDayUtc(DateOnly day)
        {
            if (!_midnights.TryGetValue(day, out var midnight))
            {
                _midnights[day] = midnight = ExportDates.StartOfDayUtc(day, _context.BrandTimeZone);
            }

            return midnight;
        }

        /// <summary>A row with only its first cell filled: "Showing top 500 results", "Die 500 besten Ergebnisse werden angezeigt".</summary>
        private static bool IsNote(ExportTable record)
        {
            for (var i = 1; i < record.FieldCount; i++)
            {
                if (!record.GetSpan(i).IsWhiteSpace())
                {
                    return false;
                }
            }

            return true;
        }

        private bool TryParsePublished(ReadOnlySpan<char> text, out DateOnly day)
        {
            if (CellDates.TryParseEnglishDate(text, withWeekday: false, out day)
                || DateOnly.TryParseExact(text, _publishFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out day))
            {
                return true;
            }

            // A localized form with its year ("28 sept. 2026", "2026年9月28日" has numbers only and fails the month-first rule).
            if (LocalizedDates.TryParse(text, out var date) && date.Year is { } year)
            {
                day = new DateOnly(year, date.Month, date.Day);
                return true;
            }

            return false;
        }
    }
}
