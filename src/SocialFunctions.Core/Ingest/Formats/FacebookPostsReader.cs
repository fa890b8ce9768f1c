using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Facebook Page posts from the Meta Business Suite content export. Columns are user-selectable, so everything but
/// <c>Post ID</c> and <c>Publish time</c> is optional; an empty cell in a present column means 0 (Meta's convention).
/// </summary>
public sealed class FacebookPostsReader : CsvExportReader
{
    public override ExportFormatInfo Format { get; } = new(
        "facebook-posts",
        "Facebook posts (Meta Business Suite)",
        Channels.Facebook,
        ExportKind.Posts,
        ["Post ID", "Page ID", "Page name", "Title", "Description", "Publish time", "Permalink", "Post type", "Views", "Reach", "Reactions", "Comments", "Shares", "Total clicks"]);

    protected override double Match(CsvPreview preview) => MetaExport.Channel(preview) == Channels.Facebook ? 0.95 : 0;

    protected override async ValueTask<CsvRowMapper> BindAsync(CsvReadSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        return new Mapper(session, header);
    }

    private sealed class Mapper : CsvRowMapper
    {
        private readonly ExportContext _context;
        private readonly CsvCells _cells;
        private readonly CsvColumn _postId, _publishTime, _description, _title, _permalink, _postType;
        private readonly CsvColumn _views, _reach, _reactions, _comments, _shares, _linkClicks, _totalClicks, _otherClicks;
        private readonly CsvColumn _secondsViewed, _threeSecondViews, _engagements;

        public Mapper(CsvReadSession session, CsvHeader header)
        {
            _context = session.Context;
            _cells = new CsvCells(session.Dialect);
            _postId = header.Require(session.FileName, "Post ID");
            _publishTime = header.Require(session.FileName, "Publish time");
            _description = header.Find("Description", "Post message", "Message");
            _title = header.Find("Title");
            _permalink = header.Find("Permalink");
            _postType = header.Find("Post type");
            _views = header.Find("Views", "Impressions");
            _reach = header.Find("Reach");
            _reactions = header.Find("Reactions");
            _comments = header.Find("Comments");
            _shares = header.Find("Shares");
            _linkClicks = header.Find("Link Clicks");
            _totalClicks = header.Find("Total clicks");
            _otherClicks = header.Find("Other clicks");
            _secondsViewed = header.Find("Seconds viewed");
            _threeSecondViews = header.Find("3-second video views");
            _engagements = header.Find("Reactions, comments and shares");
        }

        public override void Map(CsvReader record, List<ExportRow> output)
        {
            var cells = _cells;
            cells.Begin(record);
            var postId = cells.RequiredText(_postId);
            var publishedAt = cells.LocalTime(_publishTime, MetaExport.PublishTimeFormats, _context.BrandTimeZone, MetaExport.PublishTimeExpected);
            var impressions = cells.Count(_views, EmptyCell.Zero);
            var reach = cells.Count(_reach, EmptyCell.Zero);
            var reactions = cells.Count(_reactions, EmptyCell.Zero);
            var comments = cells.Count(_comments, EmptyCell.Zero);
            var shares = cells.Count(_shares, EmptyCell.Zero);
            var clicks = Clicks(cells);
            var watch = cells.Number(_secondsViewed, EmptyCell.Zero);
            var videoViews = cells.Count(_threeSecondViews, EmptyCell.Zero);
            var engagements = cells.Count(_engagements, EmptyCell.Zero);
            if (cells.Rejection is { } rejected)
            {
                output.Add(rejected);
                return;
            }

            output.Add(new PostRow(record.Line, new CanonicalPost
            {
                Brand = _context.Brand,
                Channel = Channels.Facebook,
                PostId = postId!,
                PublishedAt = publishedAt!.Value,
                Text = cells.Text(_description) ?? cells.Text(_title),
                Permalink = cells.Text(_permalink),
                ContentType = MetaExport.ContentType(cells.Text(_postType)),
                Impressions = impressions,
                Reach = reach,
                Reactions = reactions,
                Comments = comments,
                Shares = shares,
                Clicks = clicks,
                WatchTimeSeconds = watch,
                VideoViews = videoViews,
                PlatformEngagements = engagements,
                Kind = ExportKind.Posts,
                UploadId = _context.UploadId,
                ExportedAt = _context.ReceivedAt,
            }));
        }

        /// <summary>Link Clicks when exported; else Total clicks − Other clicks (empty = 0), as exports.md says.</summary>
        private long? Clicks(CsvCells cells)
        {
            if (_linkClicks.IsPresent)
            {
                return cells.Count(_linkClicks, EmptyCell.Zero);
            }

            var total = cells.Count(_totalClicks, EmptyCell.Zero);
            if (total is null)
            {
                return null;
            }

            var other = cells.Count(_otherClicks, EmptyCell.Zero) ?? 0;
            return Math.Max(0, total.Value - other);
        }
    }
}
