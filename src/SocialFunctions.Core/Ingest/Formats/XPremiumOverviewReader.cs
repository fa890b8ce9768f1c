using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// X Premium account analytics, overview tab: one row per day, one column per metric (in varying order). Each cell
/// becomes one daily value; <c>Shares</c> and <c>Reposts</c> add up to the canonical shares, as for posts. Dates are
/// written like the content tab's (<c>"Tue, Oct 27, 2026"</c> or <c>Mon Feb 17 2025</c>).
/// </summary>
public sealed class XPremiumOverviewReader : TableExportReader
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    private static Dictionary<string, string> MetricByColumn => new(StringComparer.Ordinal)
    {
        [TableHeader.Normalize("Impressions")] = DailyMetricNames.Impressions,
        [TableHeader.Normalize("Likes")] = DailyMetricNames.Reactions,
        [TableHeader.Normalize("Engagements")] = DailyMetricNames.Engagements,
        [TableHeader.Normalize("Bookmarks")] = DailyMetricNames.Saves,
        [TableHeader.Normalize("Shares")] = DailyMetricNames.Shares,
        [TableHeader.Normalize("Share")] = DailyMetricNames.Shares,
        [TableHeader.Normalize("Reposts")] = DailyMetricNames.Shares,
        [TableHeader.Normalize("New follows")] = DailyMetricNames.NewFollowers,
        [TableHeader.Normalize("Unfollows")] = DailyMetricNames.Unfollows,
        [TableHeader.Normalize("Replies")] = DailyMetricNames.Comments,
        [TableHeader.Normalize("Profile visits")] = DailyMetricNames.ProfileViews,
        [TableHeader.Normalize("Create Post")] = DailyMetricNames.PostsCreated,
        [TableHeader.Normalize("Video views")] = DailyMetricNames.VideoViews,
        [TableHeader.Normalize("Media views")] = "media-views",
        [TableHeader.Normalize("URL Clicks")] = DailyMetricNames.Clicks,
    };

    public override ExportFormatInfo Format { get; } = new(
        "x-premium-overview",
        "X Premium analytics — overview (daily)",
        Channels.X,
        ExportKind.Daily,
        ["Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Unfollows", "Replies", "Reposts", "Profile visits", "Create Post", "Video views", "Media views"]);

    protected override double Match(CsvPreview preview) =>
        preview.FindHeader(h => h.Has("Date") && h.Has("Impressions") && h.Has("New follows", "Unfollows", "Create Post", "Profile visits") && !h.Has("Post id")) is null
            ? 0
            : 0.9;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        var date = header.Require("Date");
        var metricByColumn = MetricByColumn;
        var metrics = new List<(string Metric, TableColumn[] Columns)>();
        foreach (var group in header.Names
            .Select((name, index) => (Name: name, Index: index))
            .Where(c => c.Index != date.Index && metricByColumn.ContainsKey(TableHeader.Normalize(c.Name)))
            .GroupBy(c => metricByColumn[TableHeader.Normalize(c.Name)]))
        {
            metrics.Add((group.Key, [.. group.Select(c => new TableColumn(c.Name, [c.Index]))]));
        }

        return new Mapper(session.Context, date, metrics);
    }

    private sealed class Mapper(ExportContext context, TableColumn date, List<(string Metric, TableColumn[] Columns)> metrics) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly string[] _dateFormats = XTime.PremiumDateFormats;

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);
            var dateCell = cells.Raw(date, out var dateField);
            if (!XTime.TryParsePremiumDate(dateCell, _dateFormats, out var day))
            {
                return new RejectedRow(record.GetFieldLine(dateField), dateField + 1, $"{date.Name}: expected a date like Tue, Oct 27, 2026, found '{TableCells.Shorten(dateCell.Trim())}'");
            }

            var values = new List<DailyMetric>(metrics.Count);
            foreach (var (metric, columns) in metrics)
            {
                double? sum = null;
                foreach (var column in columns)
                {
                    if (cells.Number(column, EmptyCell.Missing) is { } value)
                    {
                        sum = (sum ?? 0) + value;
                    }
                }

                if (sum is { } total)
                {
                    values.Add(context.NewDaily(Channels.X, metric, day, total));
                }
            }

            return cells.Rejection ?? (ExportRow)new DailyRow(record.Line, values);
        }
    }
}
