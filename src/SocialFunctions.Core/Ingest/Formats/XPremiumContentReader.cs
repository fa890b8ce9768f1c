using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// X Premium account analytics, content tab: one row per post with a day (<c>"Tue, Oct 27, 2026"</c>) but no time. The
/// 19-digit post id is a snowflake that encodes the creation instant, so that is used when it agrees with the day;
/// otherwise the post is placed at midnight of that day in the brand's zone.
/// </summary>
public sealed class XPremiumContentReader : CsvExportReader
{
    public override ExportFormatInfo Format { get; } = new(
        "x-premium-content",
        "X Premium analytics — content",
        Channels.X,
        ExportKind.Posts,
        ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "URL Clicks"]);

    protected override double Match(CsvPreview preview) =>
        preview.FindHeader(h => h.Has("Post id") && h.Has("Date") && h.Has("Impressions")) is { } header
            ? header.Has("Post Link", "Post text") ? 0.95 : 0.6
            : 0;

    protected override async ValueTask<CsvRowMapper> BindAsync(CsvReadSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        return new Mapper(session, header);
    }

    private sealed class Mapper : CsvRowMapper
    {
        private readonly ExportContext _context;
        private readonly CsvCells _cells;
        private readonly CsvColumn _id, _date, _text, _link;
        private readonly CsvColumn _impressions, _likes, _engagements, _bookmarks, _shares, _replies, _reposts, _urlClicks, _videoViews;

        public Mapper(CsvReadSession session, CsvHeader header)
        {
            _context = session.Context;
            _cells = new CsvCells(session.Dialect);
            _id = header.Require(session.FileName, "Post id");
            _date = header.Require(session.FileName, "Date");
            _text = header.Find("Post text");
            _link = header.Find("Post Link");
            _impressions = header.Find("Impressions");
            _likes = header.Find("Likes");
            _engagements = header.Find("Engagements");
            _bookmarks = header.Find("Bookmarks");
            _shares = header.Find("Shares");
            _replies = header.Find("Replies");
            _reposts = header.Find("Reposts");
            _urlClicks = header.Find("URL Clicks");
            _videoViews = header.Find("Video views");
        }

        public override void Map(CsvReader record, List<ExportRow> output)
        {
            var cells = _cells;
            cells.Begin(record);
            var id = cells.RequiredText(_id);
            var dateCell = cells.Raw(_date, out var dateField);
            if (!XTime.TryParsePremiumDate(dateCell, out var day))
            {
                cells.Reject(dateField, $"{_date.Name}: expected a date like Tue, Oct 27, 2026, found '{CsvCells.Shorten(dateCell.Trim())}'");
            }

            var impressions = cells.Count(_impressions, EmptyCell.Missing);
            var likes = cells.Count(_likes, EmptyCell.Missing);
            var engagements = cells.Count(_engagements, EmptyCell.Missing);
            var bookmarks = cells.Count(_bookmarks, EmptyCell.Missing);
            var shares = cells.Count(_shares, EmptyCell.Missing);
            var replies = cells.Count(_replies, EmptyCell.Missing);
            var reposts = cells.Count(_reposts, EmptyCell.Missing);
            var urlClicks = cells.Count(_urlClicks, EmptyCell.Missing);
            var videoViews = cells.Count(_videoViews, EmptyCell.Missing);
            if (cells.Rejection is { } rejected)
            {
                output.Add(rejected);
                return;
            }

            output.Add(new PostRow(record.Line, new CanonicalPost
            {
                Brand = _context.Brand,
                Channel = Channels.X,
                PostId = id!,
                PublishedAt = PublishedAt(id!, day),
                Text = cells.Text(_text),
                Permalink = cells.Text(_link),
                ContentType = ContentTypes.Other,
                Impressions = impressions,
                Reactions = likes,
                Comments = replies,
                Shares = reposts is null && shares is null ? null : (reposts ?? 0) + (shares ?? 0),
                Saves = bookmarks,
                Clicks = urlClicks,
                VideoViews = videoViews,
                PlatformEngagements = engagements,
                Kind = ExportKind.Posts,
                UploadId = _context.UploadId,
                ExportedAt = _context.ReceivedAt,
            }));
        }

        private DateTimeOffset PublishedAt(string id, DateOnly day)
        {
            var midnight = CsvDates.LocalToUtc(day.ToDateTime(TimeOnly.MinValue), _context.BrandTimeZone);
            var fromId = XTime.FromSnowflake(id);

            // The day is written in the account's zone; accept the snowflake when it falls within a day of it.
            return fromId is { } instant && (instant - midnight).Duration() <= TimeSpan.FromHours(48) ? instant : midnight;
        }
    }
}
