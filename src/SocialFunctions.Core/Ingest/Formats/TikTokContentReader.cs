using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// TikTok Studio "Content" export (CSV, bare or in the zip TikTok downloads): one lifetime snapshot per video, rows in
/// no date order (real files are sorted by views). <c>Post time</c> has no year (<c>July 16</c>, <c>8 de marzo</c>;
/// older TikTok Business files write <c>2025/10/31 18:19:10</c>), so the video id — whose top 32 bits are its creation
/// time — gives the year and time, and the day shown wins over the id's UTC day. Rows without a usable id take the
/// latest such day on or before the export day: the <c>Time</c> column (itself year-less), else <c>?exportedOn=</c>,
/// the file name or the upload day (see <see cref="YearlessDays"/>). A zip that also holds the Overview, Viewers or
/// Follower history CSVs yields their daily rows too.
/// </summary>
public sealed class TikTokContentReader : TableExportReader
{
    public override ExportFormatInfo Format { get; } = new(
        "tiktok-content",
        "TikTok Studio content",
        Channels.TikTok,
        ExportKind.Posts,
        ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views"]);

    public override double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text)
        {
            return probe.Csv?.FindHeader(IsContentHeader) is not null ? 0.95 : 0;
        }

        return FindContentEntry(probe) is not null ? 0.95 : 0;
    }

    internal static bool IsContentHeader(TableHeader header) =>
        header.Has(TikTokColumns.PostTime) && (header.Has(TikTokColumns.Link) || header.Has(TikTokColumns.Title));

    internal static string? FindContentEntry(ExportProbe probe) =>
        ExportTables.FindZipEntry(probe, (_, preview) => preview.FindHeader(IsContentHeader) is not null);

    /// <summary>
    /// The export day of a TikTok upload: the Content file's <c>Time</c> column (bare, or the zip's Content entry),
    /// its year from <see cref="YearlessDays.NotAfter"/>; without one, that anchor itself.
    /// </summary>
    internal static ExportDay ExportDayOf(ExportProbe probe, ExportContext context)
    {
        var notAfter = YearlessDays.NotAfter(context, probe.File.FileName);
        var preview = probe.Container == ExportContainer.Zip
            ? FindContentEntry(probe) is { } entry ? ExportZip.CsvPreviews(probe.File)[entry] : null
            : probe.Csv;
        var header = preview?.FindHeader(IsContentHeader);
        if (header is null || preview!.Records.Count < 2)
        {
            return notAfter;
        }

        var time = header.Find(TikTokColumns.ExportDay);
        var first = preview.Records.FirstOrDefault(r => r.Line > header.Line)?.Fields;
        return time.IsPresent && first is not null && time.Index < first.Length && LocalizedDates.TryParse(first[time.Index], out var stated)
            ? YearlessDays.FromColumn(stated, notAfter)
            : notAfter;
    }

    protected override IEnumerable<ExportTable> OpenTables(ExportProbe probe)
    {
        if (probe.Container != ExportContainer.Zip)
        {
            yield return ExportTables.Text(probe);
            yield break;
        }

        var content = FindContentEntry(probe)
            ?? throw new ExportFormatException(probe.File.FileName, null, null, "the zip holds no TikTok content CSV (with 'Video link' and 'Post time' columns)");
        yield return ExportTables.ZipEntry(probe, content);
        foreach (var entry in TikTokSeries.Entries(probe))
        {
            yield return ExportTables.ZipEntry(probe, entry);
        }
    }

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        var exportDay = ExportDayOf(session.Probe, session.Context);
        if (TikTokSeries.Of(header) is { } series)
        {
            return series.Bind(header, session.Context, exportDay, session.FileName);
        }

        return new ContentMapper(session, header, exportDay);
    }

    private sealed class ContentMapper : TableRowMapper
    {
        private readonly ExportContext _context;
        private readonly string _fileName;
        private readonly TableCells _cells = new();
        private readonly TableColumn _postTime, _link, _title, _exportDay, _likes, _comments, _shares, _views, _favorites;
        private readonly ExportDay _notAfter;
        private readonly DateTimeOffset _latestId;

        // Post times to UTC with each local day's offset computed once (CsvDates.LocalToUtc on days that change it).
        private readonly LocalClock _clock;
        private string _lastExportDayText = string.Empty;
        private ExportDay _reference;
        private DateTimeOffset _exportedAt;
        private DateOnly? _inferredFrom, _inferredTo;

        public ContentMapper(TableSession session, TableHeader header, ExportDay exportDay)
        {
            _context = session.Context;
            _fileName = session.FileName;
            _postTime = header.Require(TikTokColumns.PostTime);
            _link = header.Find(TikTokColumns.Link);
            _title = header.Find(TikTokColumns.Title);
            if (!_link.IsPresent && !_title.IsPresent)
            {
                header.Require(TikTokColumns.Link);
            }

            _exportDay = header.Find(TikTokColumns.ExportDay);
            _likes = header.Find(TikTokColumns.TotalLikes);
            _comments = header.Find(TikTokColumns.TotalComments);
            _shares = header.Find(TikTokColumns.TotalShares);
            _views = header.Find(TikTokColumns.TotalViews);
            _favorites = header.Find(TikTokColumns.Favorites);
            _notAfter = YearlessDays.NotAfter(_context, _fileName);
            _reference = exportDay;
            _exportedAt = _exportDay.IsPresent ? ExportDates.StartOfDayUtc(exportDay.Day, _context.BrandTimeZone) : _context.ReceivedAt;

            _clock = new LocalClock(_context.BrandTimeZone);

            // An id cannot be younger than the upload (a day of slack for clocks).
            _latestId = _context.ReceivedAt.AddDays(2);
        }

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);

            // Every row repeats the export day: parse it only when it changes.
            var exportDayText = cells.Raw(_exportDay, out _);
            if (!exportDayText.SequenceEqual(_lastExportDayText))
            {
                _lastExportDayText = exportDayText.ToString();
                if (LocalizedDates.TryParse(exportDayText, out var stated))
                {
                    _reference = YearlessDays.FromColumn(stated, _notAfter);
                    _exportedAt = ExportDates.StartOfDayUtc(_reference.Day, _context.BrandTimeZone);
                }
            }

            var postText = cells.Raw(_postTime, out var postField);
            if (!LocalizedDates.TryParse(postText, out var shown))
            {
                return new RejectedRow(record.GetFieldLine(postField), postField + 1, $"{_postTime.Name}: expected a date such as 'October 31', found '{TableCells.Shorten(postText.Trim())}'");
            }

            var permalink = cells.Text(_link);
            var text = cells.Text(_title);
            var id = TikTokIds.FromLink(permalink);
            var publishedAt = PublishedAt(shown, id);
            var views = cells.Count(_views, EmptyCell.Missing);
            var likes = cells.Count(_likes, EmptyCell.Missing);
            var comments = cells.Count(_comments, EmptyCell.Missing);
            var shares = cells.Count(_shares, EmptyCell.Missing);
            var saves = cells.Count(_favorites, EmptyCell.Missing);
            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            return new PostRow(record.Line, _context.NewPost(Channels.TikTok, PostIds.Choose(id, permalink, publishedAt, text), publishedAt, _exportedAt) with
            {
                Text = text,
                Permalink = permalink,
                ContentType = ContentTypes.Video,
                Reactions = likes,
                Comments = comments,
                Shares = shares,
                Saves = saves,

                // TikTok exposes no impressions; its glossary counts views as the nearest measure (exports.md).
                Impressions = views,
                VideoViews = views,
            });
        }

        public override IEnumerable<ExportRow> Complete()
        {
            if (_inferredFrom is { } from && _inferredTo is { } to)
            {
                _context.Warnings.Add(YearlessDays.UploadDayWarning($"TikTok Studio content ({_fileName})", from, to, _reference));
            }

            return [];
        }

        private DateTimeOffset PublishedAt(LocalizedDates.PartialDate shown, string? id)
        {
            var zone = _context.BrandTimeZone;
            if (shown.Year is { } year)
            {
                var local = new DateOnly(year, shown.Month, shown.Day).ToDateTime(shown.Time ?? TimeOnly.MinValue);
                return shown.Time is null ? ExportDates.StartOfDayUtc(DateOnly.FromDateTime(local), zone) : _clock.ToUtc(local);
            }

            if (TikTokIds.CreatedAt(id, _latestId) is { } created && TikTokIds.PublishedAt(shown, created, zone) is { } fromId)
            {
                return fromId;
            }

            var day = LocalizedDates.LatestOnOrBefore(shown, _reference.Day);
            if (_reference.Anchor == YearAnchor.UploadTime)
            {
                // Stryker disable once Equality : equivalent for `<=`, on equal days either side is the same day
                _inferredFrom = _inferredFrom is { } f && f < day ? f : day;

                // Stryker disable once Equality : equivalent for `>=`, on equal days either side is the same day
                _inferredTo = _inferredTo is { } t && t > day ? t : day;
            }

            return ExportDates.StartOfDayUtc(day, zone);
        }
    }
}
