using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// X Premium account analytics, content tab: one row per post with a day (<c>"Tue, Oct 27, 2026"</c>, in 2025 files
/// <c>Mon Feb 17 2025</c>) but no time. The 19-digit post id is a snowflake that encodes the creation instant, so that
/// is used when it agrees with the day; otherwise the post is placed at midnight of that day in the brand's zone.
/// Header vintages: <c>Post Link</c>/<c>Link</c>, <c>Shares</c>/<c>Share</c>, <c>URL Clicks</c>/<c>Url clicks</c>
/// (one name to look for: header matching ignores case).
/// </summary>
public sealed class XPremiumContentReader : TableExportReader
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    private static string[] LinkNames => ["Post Link", "Link"];
    private static string[] ShareNames => ["Shares", "Share"];

    public override ExportFormatInfo Format { get; } = new(
        "x-premium-content",
        "X Premium analytics — content",
        Channels.X,
        ExportKind.Posts,
        ["Post id", "Date", "Post text", "Post Link", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Replies", "Reposts", "URL Clicks"]);

    protected override double Match(CsvPreview preview) =>
        preview.FindHeader(h => h.Has("Post id") && h.Has("Date") && h.Has("Impressions")) is { } header
            ? header.Has([.. LinkNames, "Post text"]) ? 0.95 : 0.6
            : 0;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken) =>
        new Mapper(session.Context, await session.ReadHeaderAsync(cancellationToken));

    private sealed class Mapper(ExportContext context, TableHeader header) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly TableColumn _id = header.Require("Post id");
        private readonly TableColumn _date = header.Require("Date");
        private readonly TableColumn _text = header.Find("Post text");
        private readonly TableColumn _link = header.Find(LinkNames);
        private readonly TableColumn _impressions = header.Find("Impressions");
        private readonly TableColumn _likes = header.Find("Likes");
        private readonly TableColumn _engagements = header.Find("Engagements");
        private readonly TableColumn _bookmarks = header.Find("Bookmarks");
        private readonly TableColumn _shares = header.Find(ShareNames);
        private readonly TableColumn _replies = header.Find("Replies");
        private readonly TableColumn _reposts = header.Find("Reposts");
        private readonly TableColumn _urlClicks = header.Find("URL Clicks");
        private readonly TableColumn _videoViews = header.Find("Video views");
        private readonly string[] _dateFormats = XTime.PremiumDateFormats;
        private readonly Dictionary<DateOnly, DateTimeOffset> _midnights = [];

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);
            var idCell = cells.RequiredText(_id);
            var id = XTime.PostId(idCell, cells.Text(_link));
            if (id is null && idCell is not null)
            {
                cells.Reject(_id.Index, XTime.UnusableId(_id.Name, idCell));
            }

            var dateCell = cells.Raw(_date, out var dateField);
            if (!XTime.TryParsePremiumDate(dateCell, _dateFormats, out var day))
            {
                cells.Reject(dateField, $"{_date.Name}: expected a date like Tue, Oct 27, 2026, found '{TableCells.Shorten(dateCell.Trim())}'");
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
                return rejected;
            }

            return new PostRow(record.Line, context.NewPost(Channels.X, id!, PublishedAt(id!, day)) with
            {
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
            });
        }

        private DateTimeOffset PublishedAt(string id, DateOnly day)
        {
            // A file covers a few hundred days at most: convert each day's midnight once, not once per post.
            if (!_midnights.TryGetValue(day, out var midnight))
            {
                _midnights[day] = midnight = CsvDates.LocalToUtc(day.ToDateTime(TimeOnly.MinValue), context.BrandTimeZone);
            }

            var fromId = XTime.FromSnowflake(id);

            // The day is written in the account's zone; accept the snowflake when it falls within a day of it.
            return fromId is { } instant && (instant - midnight).Duration() <= TimeSpan.FromHours(48) ? instant : midnight;
        }
    }
}
