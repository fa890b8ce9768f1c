using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Facebook Page posts from the Meta Business Suite content export. Columns are user-selectable (18 to 235 seen, in
/// any order), so everything but <c>Post ID</c> and <c>Publish time</c> is optional; an empty cell in a present
/// column means 0 (Meta's convention). Names are English or Swedish, a column being all its names together
/// (<see cref="MetaExport.Column"/>).
/// </summary>
/// <remarks>
/// Vintages: until 2024 <c>Impressions</c> (with <c>IMPRESSION:UNIQUE_USERS</c>); 2025 <c>Views</c>, sometimes twice
/// when "Views" is ticked in two metric groups (both columns held the same number in every real file studied; the
/// first non-empty one counts); 2026 <c>Views</c> and <c>Impressions</c> side by side (Views counts, as on Instagram),
/// <c>Viewers</c> for reach, <c>Interactions</c>, <c>Saves</c>.
/// </remarks>
public sealed class FacebookPostsReader : TableExportReader
{
    public override ExportFormatInfo Format { get; } = new(
        "facebook-posts",
        "Facebook posts (Meta Business Suite)",
        Channels.Facebook,
        ExportKind.Posts,
        ["Post ID", "Page ID", "Page name", "Title", "Description", "Publish time", "Permalink", "Post type", "Views", "Reach", "Reactions", "Comments", "Shares", "Total clicks"]);

    protected override double Match(CsvPreview preview) => MetaExport.Channel(preview) == Channels.Facebook ? 0.95 : 0;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken) =>
        new Mapper(session.Context, session.FileName, await session.ReadHeaderAsync(cancellationToken));

    private sealed class Mapper(ExportContext context, string fileName, TableHeader header) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly MetaPostChecks _checks = new(fileName, "Facebook pages", "Page ID");
        private readonly LocalClock _clock = new(context.BrandTimeZone);
        private readonly string[] _publishTimeFormats = MetaExport.PublishTimeFormats;
        private readonly TableColumn _postId = MetaExport.RequiredColumn(header, MetaExport.PostId);
        private readonly TableColumn _publishTime = MetaExport.RequiredColumn(header, MetaExport.PublishTimeNames);
        private readonly TableColumn _description = MetaExport.FirstColumn(header, MetaExport.Description, ["Post message"], ["Message"]);
        private readonly TableColumn _title = MetaExport.Column(header, MetaExport.Title);
        private readonly TableColumn _permalink = MetaExport.Column(header, MetaExport.Permalink);
        private readonly TableColumn _postType = MetaExport.Column(header, MetaExport.PostType);
        private readonly TableColumn _dataComment = MetaExport.Column(header, MetaExport.DataComment);
        private readonly TableColumn _date = MetaExport.Column(header, MetaExport.Date);
        private readonly TableColumn _page = MetaExport.Column(header, MetaExport.PageId);
        private readonly TableColumn _views = MetaExport.FirstColumn(header, MetaExport.Views, ["Impressions"]);
        private readonly TableColumn _reach = MetaExport.FirstColumn(header, MetaExport.Reach, ["Viewers"]);
        private readonly TableColumn _reactions = MetaExport.Column(header, MetaExport.Reactions);
        private readonly TableColumn _comments = MetaExport.Column(header, MetaExport.Comments);
        private readonly TableColumn _shares = MetaExport.Column(header, MetaExport.Shares);
        private readonly TableColumn _saves = MetaExport.Column(header, MetaExport.Saves);
        private readonly TableColumn _linkClicks = MetaExport.Column(header, MetaExport.LinkClicks);
        private readonly TableColumn _totalClicks = MetaExport.Column(header, MetaExport.TotalClicks);
        private readonly TableColumn _otherClicks = MetaExport.Column(header, MetaExport.OtherClicks);
        private readonly TableColumn _secondsViewed = MetaExport.Column(header, MetaExport.SecondsViewed);
        private readonly TableColumn _threeSecondViews = MetaExport.Column(header, MetaExport.ThreeSecondViews);
        private readonly TableColumn _engagements = MetaExport.FirstColumn(header, MetaExport.ReactionsCommentsShares, ["Interactions"]);

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
            var impressions = cells.Count(_views, EmptyCell.Zero);
            var reach = cells.Count(_reach, EmptyCell.Zero);
            var reactions = cells.Count(_reactions, EmptyCell.Zero);
            var comments = cells.Count(_comments, EmptyCell.Zero);
            var shares = cells.Count(_shares, EmptyCell.Zero);
            var saves = cells.Count(_saves, EmptyCell.Zero);
            var clicks = Clicks(cells);
            var watch = cells.Number(_secondsViewed, EmptyCell.Zero);
            var videoViews = cells.Count(_threeSecondViews, EmptyCell.Zero);
            var engagements = cells.Count(_engagements, EmptyCell.Zero);
            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            return _checks.Row(context.NewPost(Channels.Facebook, postId!, publishedAt!.Value) with
            {
                Text = cells.Text(_description) ?? cells.Text(_title),
                Permalink = cells.Text(_permalink),
                ContentType = MetaExport.ContentType(cells.Text(_postType)),
                Impressions = impressions,
                Reach = reach,
                Reactions = reactions,
                Comments = comments,
                Shares = shares,
                Saves = saves,
                Clicks = clicks,
                WatchTimeSeconds = watch,
                VideoViews = videoViews,
                PlatformEngagements = engagements,
            }, record.Line, cells.Raw(_page, out _));
        }

        public override IEnumerable<ExportRow> Complete()
        {
            _checks.Warn(context.Warnings);
            return [];
        }

        /// <summary>Link Clicks when exported; else Total clicks − Other clicks (empty = 0), as exports.md says.</summary>
        private long? Clicks(TableCells cells)
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
