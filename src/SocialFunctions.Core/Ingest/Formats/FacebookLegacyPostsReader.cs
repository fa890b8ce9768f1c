using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// The legacy Facebook "Insights Data Export (Post Level)": row 1 the headers (names repeat), row 2 a description of
/// each column starting with <c>Lifetime:</c> (skipped), then one row per post. <c>Posted</c> is local page time.
/// </summary>
public sealed class FacebookLegacyPostsReader : TableExportReader
{
    private const string LikeColumn = "Lifetime Talking About This (Post) by action type - like";
    private const string CommentColumn = "Lifetime Talking About This (Post) by action type - comment";
    private const string ShareColumn = "Lifetime Talking About This (Post) by action type - share";

    // Date-format tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    // M, d and h also read two digits: "M/d/yyyy h:mm:ss tt" stands for its MM/dd/hh forms.
    private static string[] PostedFormats => ["M/d/yyyy h:mm:ss tt", "M/d/yyyy h:mm tt", "M/d/yyyy HH:mm:ss", "M/d/yyyy HH:mm"];

    public override ExportFormatInfo Format { get; } = new(
        "facebook-legacy-post-level",
        "Facebook Insights Data Export (Post Level, legacy)",
        Channels.Facebook,
        ExportKind.Posts,
        ["Post ID", "Permalink", "Post Message", "Type", "Posted", "Lifetime Post Total Reach", "Lifetime Post Total Impressions", "Lifetime Engaged Users", CommentColumn, LikeColumn, ShareColumn]);

    protected override double Match(CsvPreview preview)
    {
        var header = preview.FindHeader(h => h.Has("Post ID") && h.Has("Posted"));
        if (header is null)
        {
            return 0;
        }

        return header.Has("Lifetime Post Total Reach", "Lifetime Post Total Impressions", "Post Message") ? 0.95 : 0.5;
    }

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken) =>
        new Mapper(session.Context, await session.ReadHeaderAsync(cancellationToken));

    private sealed class Mapper(ExportContext context, TableHeader header) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly LocalClock _clock = new(context.BrandTimeZone);
        private readonly string[] _postedFormats = PostedFormats;
        private readonly TableColumn _postId = header.Require("Post ID");
        private readonly TableColumn _posted = header.Require("Posted");
        private readonly TableColumn _permalink = header.Find("Permalink");
        private readonly TableColumn _message = header.Find("Post Message");
        private readonly TableColumn _type = header.Find("Type");
        private readonly TableColumn _reach = header.Find("Lifetime Post Total Reach");
        private readonly TableColumn _impressions = header.Find("Lifetime Post Total Impressions");
        private readonly TableColumn _likes = header.Find(LikeColumn);
        private readonly TableColumn _comments = header.Find(CommentColumn);
        private readonly TableColumn _shares = header.Find(ShareColumn);
        private readonly TableColumn _linkClicks = header.Find("Lifetime Post Consumptions by type - link clicks");

        public override ExportRow? Map(ExportTable record)
        {
            if (IsDescriptionRow(record))
            {
                return null;
            }

            var cells = _cells;
            cells.Begin(record);
            var postId = cells.RequiredText(_postId);
            var publishedAt = cells.LocalTime(_posted, _postedFormats, _clock, "a date like 10/27/2026 2:05:00 PM");
            var impressions = cells.Count(_impressions, EmptyCell.Zero);
            var reach = cells.Count(_reach, EmptyCell.Zero);
            var likes = cells.Count(_likes, EmptyCell.Zero);
            var comments = cells.Count(_comments, EmptyCell.Zero);
            var shares = cells.Count(_shares, EmptyCell.Zero);
            var clicks = cells.Count(_linkClicks, EmptyCell.Zero);
            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            return new PostRow(record.Line, context.NewPost(Channels.Facebook, postId!, publishedAt!.Value) with
            {
                Text = cells.Text(_message),
                Permalink = cells.Text(_permalink),
                ContentType = MetaExport.ContentType(cells.Text(_type)),
                Impressions = impressions,
                Reach = reach,
                Reactions = likes,
                Comments = comments,
                Shares = shares,
                Clicks = clicks,
            });
        }

        /// <summary>Row 2 describes each column ("Lifetime: The number of people…"); it is not a post.</summary>
        private static bool IsDescriptionRow(ExportTable record)
        {
            if (record.Line > 3)
            {
                return false;
            }

            for (var i = 0; i < record.FieldCount; i++)
            {
                if (record.GetSpan(i).TrimStart().StartsWith("Lifetime:", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
