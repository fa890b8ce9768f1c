using System.Globalization;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Google Analytics 4 report CSV for the blog: a <c>#</c> comment preamble (report, account, property,
/// <c>Start date: 20260901</c>, <c>End date: 20261031</c>), then one row per page → range aggregates on channel
/// <c>blog</c>: impressions ← Views, reach ← Active users; postId ← page path (stable across exports), text ← page
/// title when the report has one.
/// </summary>
public sealed class Ga4PagesReader : TableExportReader
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    private static string[] PathColumns => ["Page path and screen class", "Page path", "Page path + query string", "Page location", "Landing page", "Landing page + query string"];
    private static string[] TitleColumns => ["Page title and screen class", "Page title", "Page title and screen name"];
    private static string[] ReachColumns => ["Active users", "Users", "Total users"];

    public override ExportFormatInfo Format { get; } = new(
        "ga4-pages",
        "Google Analytics 4 pages report",
        Channels.Blog,
        ExportKind.Range,
        ["Page path and screen class", "Views", "Active users", "Views per active user", "Average engagement time per active user", "Event count", "Key events", "Total revenue"]);

    protected override double Match(CsvPreview preview)
    {
        if (KnownExports.IsGa4ReportsSnapshot(preview))
        {
            // Its pages table lists only the top rows: reading it would undercount (see KnownExports).
            return 0;
        }

        var commented = preview.Records.Count > 0 && preview.Records[0].Fields[0].StartsWith('#');
        var (paths, titles) = (PathColumns, TitleColumns);
        var header = preview.FindHeader(h => IsPagesHeader(h, paths, titles), within: CsvPreview.MaxRecords);
        return header is null ? 0 : commented ? 0.95 : 0.8;
    }

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var csv = session.Table;
        DateOnly? start = null;
        DateOnly? end = null;
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsTruncated)
            {
                throw csv.Error(csv.TruncatedLine, csv.TruncatedField + 1, TruncatedMessage);
            }

            if (csv.IsBlank)
            {
                continue;
            }

            var first = csv.GetSpan(0).Trim();
            if (first.StartsWith('#'))
            {
                start ??= DateAfter(first, "Start date:");
                end ??= DateAfter(first, "End date:");
                continue;
            }

            var header = TableHeader.From(csv);
            var paths = PathColumns;
            var key = header.Find(paths);
            var title = header.Find(TitleColumns);
            if (!key.IsPresent && !title.IsPresent)
            {
                header.Require(paths);
            }

            var views = header.Require("Views");
            if (start is null || end is null)
            {
                if (!ExportDates.TryRangeFromName(session.FileName, out var from, out var to))
                {
                    throw new ExportFormatException(session.FileName, header.Line, null, "the report's date range is unknown: expected '# Start date: YYYYMMDD' and '# End date: YYYYMMDD' in the comment lines above the header");
                }

                (start, end) = (from, to);
            }

            return new Mapper(session.Context, start.Value, end.Value, key, title, views, header.Find(ReachColumns));
        }

        throw new ExportFormatException(session.FileName, null, null, "the file has no header row after its # comment lines");
    }

    private static bool IsPagesHeader(TableHeader header, string[] paths, string[] titles) =>
        header.Has("Views") && (header.Has(paths) || header.Has(titles));

    private static DateOnly? DateAfter(ReadOnlySpan<char> comment, string label)
    {
        var at = comment.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var value = comment[(at + label.Length)..].Trim();
        return DateOnly.TryParseExact(value, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private sealed class Mapper(
        ExportContext context,
        DateOnly from,
        DateOnly to,
        TableColumn path,
        TableColumn title,
        TableColumn views,
        TableColumn users) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly DateTimeOffset _rangeStart = ExportDates.StartOfDayUtc(from, context.BrandTimeZone);
        private bool _tableEnded;

        public override ExportRow? Map(ExportTable record)
        {
            if (_tableEnded)
            {
                return null;
            }

            if (record.GetSpan(0).TrimStart().StartsWith('#'))
            {
                // A second table (GA4 appends more when several were selected) starts with its own comments.
                _tableEnded = true;
                return null;
            }

            _cells.Begin(record);
            var pagePath = _cells.Text(path);
            var pageTitle = _cells.Text(title);
            var key = pagePath ?? pageTitle;
            if (key is null || key.Equals("Grand total", StringComparison.OrdinalIgnoreCase) || key.Equals("Total", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // The path is stable across exports and ranges; a title-only report hashes the title instead.
            var post = context.NewRangeItem(Channels.Blog, pagePath ?? PostIds.FromContent(_rangeStart, pageTitle), _rangeStart, from, to) with
            {
                Text = pageTitle,
                ContentType = ContentTypes.Article,
                Impressions = _cells.Count(views, EmptyCell.Missing),
                Reach = _cells.Count(users, EmptyCell.Missing),
            };

            return _cells.Rejection ?? (ExportRow)new PostRow(record.Line, post);
        }
    }
}
