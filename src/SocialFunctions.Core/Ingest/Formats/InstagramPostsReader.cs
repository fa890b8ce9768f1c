using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Instagram posts from the Meta Business Suite content export (same writer as Facebook). Before 2025 the export said
/// <c>Impressions</c> (and <c>Plays</c> for reels) where it now says <c>Views</c>. No clicks are exported.
/// </summary>
public sealed class InstagramPostsReader : CsvExportReader
{
    public override ExportFormatInfo Format { get; } = new(
        "instagram-posts",
        "Instagram posts (Meta Business Suite)",
        Channels.Instagram,
        ExportKind.Posts,
        ["Post ID", "Account ID", "Account username", "Account name", "Description", "Publish time", "Permalink", "Post type", "Views", "Reach", "Likes", "Shares", "Comments", "Saves"]);

    protected override double Match(CsvPreview preview) => MetaExport.Channel(preview) == Channels.Instagram ? 0.95 : 0;

    protected override async ValueTask<CsvRowMapper> BindAsync(CsvReadSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        return new Mapper(session, header);
    }

    private sealed class Mapper : CsvRowMapper
    {
        private readonly ExportContext _context;
        private readonly CsvCells _cells;
        private readonly CsvColumn _postId, _publishTime, _description, _permalink, _postType;
        private readonly CsvColumn _views, _impressions, _plays, _reach, _likes, _comments, _shares, _saves;

        public Mapper(CsvReadSession session, CsvHeader header)
        {
            _context = session.Context;
            _cells = new CsvCells(session.Dialect);
            _postId = header.Require(session.FileName, "Post ID");
            _publishTime = header.Require(session.FileName, "Publish time");
            _description = header.Find("Description", "Caption");
            _permalink = header.Find("Permalink");
            _postType = header.Find("Post type");
            _views = header.Find("Views");
            _impressions = header.Find("Impressions");
            _plays = header.Find("Plays");
            _reach = header.Find("Reach");
            _likes = header.Find("Likes");
            _comments = header.Find("Comments");
            _shares = header.Find("Shares");
            _saves = header.Find("Saves");
        }

        public override void Map(CsvReader record, List<ExportRow> output)
        {
            var cells = _cells;
            cells.Begin(record);
            var postId = cells.RequiredText(_postId);
            var publishedAt = cells.LocalTime(_publishTime, MetaExport.PublishTimeFormats, _context.BrandTimeZone, MetaExport.PublishTimeExpected);
            var views = cells.Count(_views, EmptyCell.Missing);
            var impressions = cells.Count(_impressions, EmptyCell.Missing);
            var plays = cells.Count(_plays, EmptyCell.Missing);
            var reach = cells.Count(_reach, EmptyCell.Zero);
            var likes = cells.Count(_likes, EmptyCell.Zero);
            var comments = cells.Count(_comments, EmptyCell.Zero);
            var shares = cells.Count(_shares, EmptyCell.Zero);
            var saves = cells.Count(_saves, EmptyCell.Zero);
            if (cells.Rejection is { } rejected)
            {
                output.Add(rejected);
                return;
            }

            // Pre-2025 files: photos filled Impressions, reels filled Plays; the other was empty ("not applicable").
            var shown = views ?? impressions ?? plays;
            if (shown is null && (_views.IsPresent || _impressions.IsPresent || _plays.IsPresent))
            {
                shown = 0;
            }

            output.Add(new PostRow(record.Line, new CanonicalPost
            {
                Brand = _context.Brand,
                Channel = Channels.Instagram,
                PostId = postId!,
                PublishedAt = publishedAt!.Value,
                Text = cells.Text(_description),
                Permalink = cells.Text(_permalink),
                ContentType = MetaExport.ContentType(cells.Text(_postType)),
                Impressions = shown,
                Reach = reach,
                Reactions = likes,
                Comments = comments,
                Shares = shares,
                Saves = saves,
                VideoViews = plays,
                Kind = ExportKind.Posts,
                UploadId = _context.UploadId,
                ExportedAt = _context.ReceivedAt,
            }));
        }
    }
}
