using System.Globalization;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// X (Twitter) legacy analytics "By day" export (<c>daily_tweet_activity_metrics_&lt;user&gt;_&lt;from&gt;_&lt;to&gt;_en.csv</c>):
/// one row per day, <c>Date</c> (<c>2021-01-31</c>) first, then <c>Tweets published</c>, the per-tweet export's metric
/// columns counted for the account's tweets on that day, then their <c>promoted …</c> twins. Only the organic columns
/// are stored: the promoted ones count paid activity apart from them (a promoted account's by-day figures show promoted
/// impressions above the organic ones on the same day: docs/exports.md), so a stored day is the account's organic
/// activity, and days with promoted figures are named in a warning. <c>engagement rate</c> is derived and not stored.
/// </summary>
public sealed class XDailyActivityReader : TableExportReader
{
    /// <summary>
    /// Legacy <c>follows</c>: follows made from the account's tweets (the per-tweet export's column, summed by day), not
    /// the account's new followers, so it is kept apart from <see cref="DailyMetricNames.NewFollowers"/>.
    /// </summary>
    public const string FollowsFromPosts = "follows-from-posts";

    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    private static (string[] Names, string Metric)[] MetricColumns =>
    [
        (["Tweets published"], DailyMetricNames.PostsCreated),
        (["impressions"], DailyMetricNames.Impressions),
        (["engagements"], DailyMetricNames.Engagements),
        (["retweets"], DailyMetricNames.Shares),
        (["replies"], DailyMetricNames.Comments),
        (["likes", "favorites"], DailyMetricNames.Reactions),
        (["url clicks"], DailyMetricNames.Clicks),

        // As for posts (XTweetActivityReader): media views count every view of the tweet's media, videos and images.
        (["media views"], DailyMetricNames.VideoViews),
        (["follows"], FollowsFromPosts),
    ];

    public override ExportFormatInfo Format { get; } = new(
        "x-daily-activity",
        "X daily activity (legacy analytics, by day)",
        Channels.X,
        ExportKind.Daily,
        ["Date", "Tweets published", "impressions", "engagements", "engagement rate", "retweets", "replies", "likes", "url clicks", "follows", "media views"]);

    /// <summary>Only this shape: <c>Date</c> first, then <c>Tweets published</c> and <c>impressions</c> among the columns.</summary>
    protected override double Match(CsvPreview preview) =>
        preview.FindHeader(h => h.Names.Count > 0 && TableHeader.IsNamed(h.Names[0], "Date") && h.Has("Tweets published") && h.Has("impressions")) is null
            ? 0
            : 0.95;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        var date = header.Require("Date");
        var metrics = MetricColumns
            .Select(c => (Column: header.Find(c.Names), c.Metric))
            .Where(c => c.Column.IsPresent)
            .ToArray();
        TableColumn[] promoted = [.. header.Names
            .Select((name, index) => (Name: name, Index: index))
            .Where(c => TableHeader.Normalize(c.Name).StartsWith("promoted", StringComparison.Ordinal))
            .Select(c => new TableColumn(c.Name, [c.Index]))];
        return new Mapper(session.Context, session.FileName, date, metrics, promoted);
    }

    private sealed class Mapper(
        ExportContext context,
        string fileName,
        TableColumn date,
        (TableColumn Column, string Metric)[] metrics,
        TableColumn[] promoted) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private int _promotedDays;
        private DateOnly _firstPromoted = DateOnly.MaxValue;
        private DateOnly _lastPromoted = DateOnly.MinValue;

        public override ExportRow? Map(ExportTable record)
        {
            var cells = _cells;
            cells.Begin(record);
            var dateCell = cells.Raw(date, out var dateField).Trim();
            if (!DateOnly.TryParseExact(dateCell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return new RejectedRow(record.GetFieldLine(dateField), dateField + 1, $"{date.Name}: expected a date like 2021-01-31, found '{TableCells.Shorten(dateCell)}'");
            }

            var values = new List<DailyMetric>(metrics.Length);
            foreach (var (column, metric) in metrics)
            {
                // "-" or an empty cell is no value (never 0): the day keeps its other metrics.
                if (cells.Number(column, EmptyCell.Missing) is { } value)
                {
                    values.Add(context.NewDaily(Channels.X, metric, day, value));
                }
            }

            if (cells.Rejection is { } rejected)
            {
                return rejected;
            }

            foreach (var column in promoted)
            {
                // Promoted cells are "-" on days without paid activity; they are never stored, only reported.
                var cell = cells.Raw(column, out _).Trim();
                if (!cell.IsEmpty && !TableCells.IsPlaceholder(cell))
                {
                    _promotedDays++;
                    _firstPromoted = day < _firstPromoted ? day : _firstPromoted;
                    _lastPromoted = day > _lastPromoted ? day : _lastPromoted;
                    break;
                }
            }

            return new DailyRow(record.Line, values);
        }

        public override IEnumerable<ExportRow> Complete()
        {
            if (_promotedDays > 0)
            {
                context.Warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"X daily activity ({fileName}): {_promotedDays} day(s) between {_firstPromoted:yyyy-MM-dd} and {_lastPromoted:yyyy-MM-dd} have promoted figures; only the organic columns were stored, so those days leave out promoted impressions and engagements."));
            }

            return [];
        }
    }
}
