using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Instagram posts from the Meta Business Suite content export (same writer as Facebook). Before 2025 the export said
/// <c>Impressions</c> (and <c>Plays</c> for reels) where it now says <c>Views</c>. No clicks are exported.
/// </summary>
public sealed class InstagramPostsReader : TableExportReader
{
    public override ExportFormatInfo Format { get; } = new(
        "instagram-posts",
        "Instagram posts (Meta Business Suite)",
        Channels.Instagram,
        ExportKind.Posts,
        ["Post ID", "Account ID", "Account username", "Account name", "Description", "Publish time", "Permalink", "Post type", "Views", "Reach", "Likes", "Shares", "Comments", "Saves"]);

    protected override double Match(CsvPreview preview) => MetaExport.Channel(preview) == Channels.Instagram ? 0.95 : 0;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken) =>
        new Mapper(session.Context, session.FileName, await session.ReadHeaderAsync(cancellationToken));

    private sealed class Mapper(ExportContext context, string fileName, TableHeader header) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly MetaPostChecks _checks = new(fileName, "Instagram accounts", "Account ID");
        private readonly LocalClock _clock = new(context.BrandTimeZone);
        private readonly string[] _publishTimeFormats = MetaExport.PublishTimeFormats;
        private readonly TableColumn _postId = MetaExport.RequiredColumn(header, MetaExport.PostId);
        private readonly TableColumn _publishTime = MetaExport.RequiredColumn(header, MetaExport.PublishTimeNames);
        private readonly TableColumn _description = MetaExport.FirstColumn(header, MetaExport.Description, ["Caption"]);
        private readonly TableColumn _permalink = MetaExport.Column(header, MetaExport.Permalink);
        private readonly TableColumn _postType = MetaExport.Column(header, MetaExport.PostType);
        private readonly TableColumn _dataComment = MetaExport.Column(header, MetaExport.DataComment);
        private readonly TableColumn _date = MetaExport.Column(header, MetaExport.Date);
        private readonly TableColumn _page = MetaExport.Column(header, MetaExport.AccountId);
        private readonly TableColumn _views = MetaExport.Column(header, MetaExport.Views);
        private readonly TableColumn _impressions = header.Find("Impressions");
        private readonly TableColumn _plays = header.Find("Plays");
        private readonly TableColumn _reach = MetaExport.Column(header, MetaExport.Reach);
        private readonly TableColumn _likes = MetaExport.Column(header, MetaExport.Likes);
        private readonly TableColumn _comments = MetaExport.Column(header, MetaExport.Comments);
        private readonly TableColumn _shares = MetaExport.Column(header, MetaExport.Shares);
        private readonly TableColumn _saves = MetaExport.Column(header, MetaExport.Saves);

        public override ExportRow? Map(ExportTable record)
        {
            if ((MetaExport.FailedRow(record, _postId, _dataComment) ?? MetaExport.DayRow(record, _date)) is { } refused)
            {
                return refused;
            }

            var cells = _cells;
            cells.Begin(record);
            var postId = cells.RequiredText(_postId);
            var publishedAt = MetaExport.PublishTime(cells, _publishTime, _publishTimeFormats, _clock);
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
                return rejected;
            }

            // Pre-2025 files: photos filled Impressions, reels filled Plays; the other was empty ("not applicable").
            var shown = views ?? impressions ?? plays;
            if (shown is null && (_views.IsPresent || _impressions.IsPresent || _plays.IsPresent))
            {
                shown = 0;
            }

            return _checks.Row(context.NewPost(Channels.Instagram, postId!, publishedAt!.Value) with
            {
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
            }, record.Line, cells.Raw(_page, out _));
        }

        public override IEnumerable<ExportRow> Complete()
        {
            _checks.Warn(context.Warnings);
            return [];
        }
    }
}
