using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// X Premium account analytics, overview tab: one row per day, one column per metric (in varying order). Each cell
/// becomes one daily value; <c>Shares</c> and <c>Reposts</c> add up to the canonical shares, as for posts.
/// </summary>
public sealed class XPremiumOverviewReader : CsvExportReader
{
    private static readonly Dictionary<string, string> MetricByColumn = new(StringComparer.Ordinal)
    {
        [CsvHeader.Normalize("Impressions")] = DailyMetricNames.Impressions,
        [CsvHeader.Normalize("Likes")] = DailyMetricNames.Reactions,
        [CsvHeader.Normalize("Engagements")] = DailyMetricNames.Engagements,
        [CsvHeader.Normalize("Bookmarks")] = DailyMetricNames.Saves,
        [CsvHeader.Normalize("Shares")] = DailyMetricNames.Shares,
        [CsvHeader.Normalize("Reposts")] = DailyMetricNames.Shares,
        [CsvHeader.Normalize("New follows")] = DailyMetricNames.NewFollowers,
        [CsvHeader.Normalize("Unfollows")] = DailyMetricNames.Unfollows,
        [CsvHeader.Normalize("Replies")] = DailyMetricNames.Comments,
        [CsvHeader.Normalize("Profile visits")] = DailyMetricNames.ProfileViews,
        [CsvHeader.Normalize("Create Post")] = "posts-created",
        [CsvHeader.Normalize("Video views")] = DailyMetricNames.VideoViews,
        [CsvHeader.Normalize("Media views")] = "media-views",
        [CsvHeader.Normalize("URL Clicks")] = DailyMetricNames.Clicks,
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

    protected override async ValueTask<CsvRowMapper> BindAsync(CsvReadSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        var date = header.Require(session.FileName, "Date");
        var metrics = new List<(string Metric, CsvColumn[] Columns)>();
        foreach (var group in header.Names
            .Select((name, index) => (Name: name, Index: index))
            .Where(c => c.Index != date.Index && MetricByColumn.ContainsKey(CsvHeader.Normalize(c.Name)))
            .GroupBy(c => MetricByColumn[CsvHeader.Normalize(c.Name)]))
        {
            metrics.Add((group.Key, [.. group.Select(c => new CsvColumn(c.Name, [c.Index]))]));
        }

        return new Mapper(session, date, metrics);
    }

    private sealed class Mapper(CsvReadSession session, CsvColumn date, List<(string Metric, CsvColumn[] Columns)> metrics) : CsvRowMapper
    {
        private readonly ExportContext _context = session.Context;
        private readonly CsvCells _cells = new(session.Dialect);
        private readonly List<(string Metric, double Value)> _values = [];

        public override void Map(CsvReader record, List<ExportRow> output)
        {
            var cells = _cells;
            cells.Begin(record);
            var dateCell = cells.Raw(date, out var dateField);
            if (!XTime.TryParsePremiumDate(dateCell, out var day))
            {
                output.Add(new RejectedRow(record.GetFieldLine(dateField), dateField + 1, $"{date.Name}: expected a date like Tue, Oct 27, 2026, found '{CsvCells.Shorten(dateCell.Trim())}'"));
                return;
            }

            _values.Clear();
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
                    _values.Add((metric, total));
                }
            }

            if (cells.Rejection is { } rejected)
            {
                output.Add(rejected);
                return;
            }

            foreach (var (metric, value) in _values)
            {
                output.Add(new DailyRow(record.Line, new DailyMetric
                {
                    Brand = _context.Brand,
                    Channel = Channels.X,
                    Metric = metric,
                    Date = day,
                    Value = value,
                    UploadId = _context.UploadId,
                }));
            }
        }
    }
}
