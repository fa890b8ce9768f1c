using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// The canonical CSV: a header of canonical field names (metrics.md) in any order, each row naming its channel. The way
/// in for Reddit and any source without a parser. Required: <c>channel</c>, <c>postId</c> or <c>permalink</c>,
/// <c>publishedAt</c> (ISO 8601; a time without an offset is read in the brand's zone). Empty metric cells are missing.
/// Optional <c>kind</c> (<c>posts</c>/<c>range</c>) with <c>rangeFrom</c>/<c>rangeTo</c>, and <c>exportedAt</c>.
/// </summary>
public sealed class CanonicalCsvReader : TableExportReader
{
    // Format tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md);
    // each Mapper keeps its own copy, so no cell pays for a new array.
    private static string[] OffsetFormats =>
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    private static string[] LocalFormats =>
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private static string[] DayFormats => ["yyyy-MM-dd"];

    public override ExportFormatInfo Format { get; } = new(
        "canonical",
        "Canonical CSV (SocialFunctions template)",
        null,
        ExportKind.Posts,
        ["channel", "postId", "publishedAt", "text", "permalink", "contentType", "impressions", "reach", "reactions", "comments", "shares", "saves", "clicks", "videoViews", "watchTimeSeconds", "platformEngagements"]);

    protected override double Match(CsvPreview preview) =>
        preview.FindHeader(h => h.Has("channel") && h.Has("publishedAt", "published_at") && h.Has("postId", "post_id", "permalink")) is null ? 0 : 0.95;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        if (!header.Has("postId", "post_id", "permalink"))
        {
            throw new ExportFormatException(session.FileName, header.Line, null, "required column 'postId' (or 'permalink') is missing")
            {
                HeadersSeen = header.Names,
            };
        }

        return new Mapper(session.Context, header);
    }

    private sealed class Mapper : TableRowMapper
    {
        private readonly ExportContext _context;
        private readonly TableCells _cells = new();
        private readonly LocalClock _clock;

        // Channel and content type repeat from row to row: normalize each distinct spelling once.
        private readonly LastValue _channels = new();
        private readonly LastValue _contentTypes = new();
        private readonly TableColumn _channel, _postId, _publishedAt, _text, _permalink, _contentType, _series, _sourceZone;
        private readonly TableColumn _impressions, _reach, _reactions, _comments, _shares, _saves, _clicks, _videoViews, _watch, _engagements;
        private readonly TableColumn _kind, _rangeFrom, _rangeTo, _exportedAt;
        private readonly string[] _localFormats = LocalFormats, _offsetFormats = OffsetFormats, _dayFormats = DayFormats;

        public Mapper(ExportContext context, TableHeader header)
        {
            _context = context;
            _clock = new LocalClock(context.BrandTimeZone);
            _channel = header.Require("channel");
            _publishedAt = header.Require("publishedAt", "published_at");
            _postId = header.Find("postId", "post_id");
            _permalink = header.Find("permalink");
            _text = header.Find("text");
            _contentType = header.Find("contentType", "content_type");
            _series = header.Find("series");
            _sourceZone = header.Find("sourceTimeZone", "source_time_zone");
            _impressions = header.Find("impressions");
            _reach = header.Find("reach");
            _reactions = header.Find("reactions");
            _comments = header.Find("comments");
            _shares = header.Find("shares");
            _saves = header.Find("saves");
            _clicks = header.Find("clicks");
            _videoViews = header.Find("videoViews", "video_views");
            _watch = header.Find("watchTimeSeconds", "watch_time_seconds");
            _engagements = header.Find("platformEngagements", "platform_engagements");
            _kind = header.Find("kind");
            _rangeFrom = header.Find("rangeFrom", "range_from");
            _rangeTo = header.Find("rangeTo", "range_to");
            _exportedAt = header.Find("exportedAt", "exported_at");
        }

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);
            var channelText = cells.Raw(_channel, out _).Trim();
            var channel = _channels.Get(channelText, static text => Channels.Normalize(text));
            if (channel is null)
            {
                cells.Reject(_channel.Index, $"{_channel.Name}: expected one of {string.Join(", ", Channels.All)}, found '{channelText}'");
            }

            var publishedAt = Instant(_publishedAt, cells, required: true);
            var contentRaw = cells.Raw(_contentType, out _).Trim();
            var contentText = contentRaw.IsEmpty ? null : _contentTypes.Get(contentRaw, static text => text.ToLowerInvariant());
            if (contentText is not null && !_contentTypes.Known(static text => ContentTypes.IsKnown(text)))
            {
                cells.Reject(_contentType.Index, $"{_contentType.Name}: expected one of {string.Join(", ", ContentTypes.All)}, found '{contentText}'");
            }

            var kind = ExportKind.Posts;
            var kindText = cells.Text(_kind)?.ToLowerInvariant();
            if (kindText is "range")
            {
                kind = ExportKind.Range;
            }
            else if (kindText is not null and not "posts" and not "post")
            {
                cells.Reject(_kind.Index, $"{_kind.Name}: expected posts or range, found '{kindText}'");
            }

            var rangeFrom = Day(_rangeFrom, cells);
            var rangeTo = Day(_rangeTo, cells);
            if (kind == ExportKind.Range && (rangeFrom is null || rangeTo is null))
            {
                cells.Reject(_rangeFrom.IsPresent ? _rangeFrom.Index : _kind.Index, "rangeFrom/rangeTo: expected the range's first and last day (yyyy-MM-dd) for kind 'range'");
            }

            var exportedAt = Instant(_exportedAt, cells, required: false);
            var impressions = cells.Count(_impressions, EmptyCell.Missing);
            var reach = cells.Count(_reach, EmptyCell.Missing);
            var reactions = cells.Count(_reactions, EmptyCell.Missing);
            var comments = cells.Count(_comments, EmptyCell.Missing);
            var shares = cells.Count(_shares, EmptyCell.Missing);
            var saves = cells.Count(_saves, EmptyCell.Missing);
            var clicks = cells.Count(_clicks, EmptyCell.Missing);
            var videoViews = cells.Count(_videoViews, EmptyCell.Missing);
            var watch = cells.Number(_watch, EmptyCell.Missing);
            var engagements = cells.Count(_engagements, EmptyCell.Missing);
            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            var text = cells.Text(_text);
            var permalink = cells.Text(_permalink);
            return new PostRow(record.Line, new CanonicalPost
            {
                Brand = _context.Brand,
                Channel = channel!,
                PostId = PostIds.Choose(cells.Text(_postId), permalink, publishedAt!.Value, text),
                PublishedAt = publishedAt.Value,
                SourceTimeZone = cells.Text(_sourceZone),
                Text = text,
                Permalink = permalink,
                ContentType = contentText ?? ContentTypes.Other,
                Series = cells.Text(_series),
                Impressions = impressions,
                Reach = reach,
                Reactions = reactions,
                Comments = comments,
                Shares = shares,
                Saves = saves,
                Clicks = clicks,
                VideoViews = videoViews,
                WatchTimeSeconds = watch,
                PlatformEngagements = engagements,
                Kind = kind,
                RangeFrom = kind == ExportKind.Range ? rangeFrom : null,
                RangeTo = kind == ExportKind.Range ? rangeTo : null,
                UploadId = _context.UploadId,
                ExportedAt = exportedAt ?? _context.ExportTime,
            });
        }

        private DateTimeOffset? Instant(TableColumn column, TableCells cells, bool required)
        {
            // Stryker disable once Block : equivalent, an absent column's cell is empty, and an empty optional time is null below (publishedAt is always present)
            if (!column.IsPresent)
            {
                return null;
            }

            var span = cells.Raw(column, out var field).Trim();
            if (span.IsEmpty && !required)
            {
                return null;
            }

            // ISO read by position (nearly every file), then the format lists: local forms first, since the "K" of the
            // offset formats also accepts a missing offset (as UTC). The lists hold the year check too: a year the ISO
            // reader refuses as implausible must not come back through them (year 1 in Paris is before year 1 in UTC).
            if (CellDates.TryParseIso(span, out var iso, out var offset) && CsvDates.IsPlausibleYear(iso))
            {
                return offset is { } o ? new DateTimeOffset(iso, o).ToUniversalTime() : _clock.ToUtc(iso);
            }

            if (CsvDates.TryParseLocal(span, _localFormats, out var local) && CsvDates.IsPlausibleYear(local))
            {
                return _clock.ToUtc(local);
            }

            if (CsvDates.TryParseWithOffset(span, _offsetFormats, out var withOffset) && CsvDates.IsPlausibleYear(withOffset.DateTime))
            {
                return withOffset.ToUniversalTime();
            }

            cells.Reject(field, $"{column.Name}: expected an ISO 8601 time like 2026-10-27T14:05:00Z, found '{TableCells.Shorten(span)}'");
            return null;
        }

        private DateOnly? Day(TableColumn column, TableCells cells)
        {
            // Stryker disable once Block : equivalent, an absent column's cell is empty, and an empty day is null below
            if (!column.IsPresent)
            {
                return null;
            }

            var span = cells.Raw(column, out var field).Trim();
            if (span.IsEmpty)
            {
                return null;
            }

            if (CsvDates.TryParseLocal(span, _dayFormats, out var day))
            {
                return DateOnly.FromDateTime(day);
            }

            cells.Reject(field, $"{column.Name}: expected a day like 2026-10-01, found '{TableCells.Shorten(span)}'");
            return null;
        }
    }

    /// <summary>The result for the last text seen (and whether it is a known value), recomputed only when the text changes.</summary>
    private sealed class LastValue
    {
        // Stryker disable once String : equivalent, for "" the first empty text keeps the initial null value, which is what computing it gives (empty is refused or skipped before)
        private string _text = "\0";
        private string? _value;
        private bool? _known;

        public string? Get(ReadOnlySpan<char> text, Func<string, string?> compute)
        {
            if (!text.SequenceEqual(_text))
            {
                _text = text.ToString();
                _value = compute(_text);
                _known = null;
            }

            return _value;
        }

        /// <summary>Whether the last value passes <paramref name="check"/>, checked once per distinct value.</summary>
        public bool Known(Func<string, bool> check) => _known ??= _value is not null && check(_value);
    }
}
