using System.Globalization;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Pinterest "Analytics overview" CSV: a preamble (title, date range, filter rows), a daily block
/// <c>Date,&lt;metric&gt;</c> for the metric chosen in the UI → daily account series, a trailing estimate note, then
/// <c>Top Boards</c> and <c>Top Pins</c> sections.
/// </summary>
/// <remarks>
/// The top-boards and top-pins sections are ignored on purpose: they list only the best few items, ranked by one
/// metric, so storing them as content would make Pinterest's channel totals and engagement rate describe the top
/// performers instead of the account. The daily block is the account's whole series.
/// </remarks>
public sealed class PinterestOverviewReader : TableExportReader
{
    private const string Title = "Analytics overview";

    // Date-format tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    // M and d also read two digits: "M/d/yyyy" stands for "MM/dd/yyyy".
    private static string[] DateFormats =>
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "M/d/yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d MMM yyyy"];

    public override ExportFormatInfo Format { get; } = new(
        "pinterest-overview",
        "Pinterest analytics overview",
        Channels.Pinterest,
        ExportKind.Daily,
        ["Analytics overview", "Date", "Impressions", "Pinterest Link", "Engagement", "Pin clicks", "Outbound clicks", "Saves"]);

    /// <summary>The daily metric name for the metric column of the daily block.</summary>
    internal static string MetricName(string header) => TableHeader.Normalize(header) switch
    {
        "impressions" => DailyMetricNames.Impressions,
        "engagement" or "engagements" => DailyMetricNames.Engagements,
        "outboundclicks" => DailyMetricNames.Clicks,
        "pinclicks" => "pin-clicks",
        "saves" => DailyMetricNames.Saves,
        "totalaudience" => DailyMetricNames.Reach,
        "engagedaudience" => "engaged-audience",
        "videoviews" or "videostarts" => DailyMetricNames.VideoViews,
        "followers" => DailyMetricNames.Followers,
        var other => Slug(header),
    };

    protected override double Match(CsvPreview preview) =>
        preview.Records.Count > 0 && preview.Records[0].Fields.Length > 0
        && preview.Records[0].Fields[0].Trim().Equals(Title, StringComparison.OrdinalIgnoreCase)
            ? 0.95
            : 0;

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var table = session.Table;
        while (await table.ReadAsync(cancellationToken))
        {
            if (table.IsTruncated)
            {
                break;
            }

            if (table.FieldCount >= 2 && TableHeader.IsNamed(table.GetSpan(0), "Date") && !table.GetSpan(1).IsWhiteSpace())
            {
                var metricHeader = table.GetString(1).Trim();
                if (IsRate(metricHeader))
                {
                    // A real export set held one file per metric, among them "engagement-rate": a ratio per day, which
                    // stored as a metric would be summed into a monthly figure that means nothing.
                    throw table.Error(table.Line, 2, $"the daily block holds '{metricHeader}', a rate the report derives from the counts and does not store: choose the metric Impressions, Engagements, Pin clicks, Outbound clicks or Saves in Pinterest Analytics → Overview and export again");
                }

                return new Mapper(session.Context, metricHeader, MetricName(metricHeader));
            }
        }

        throw table.Error(null, null, "no daily block was found: expected a header row 'Date,<metric>' after the preamble");
    }

    /// <summary>A ratio metric: <c>Engagement rate</c>, <c>Pin click rate</c>, <c>Outbound click rate</c>, <c>Save rate</c>.</summary>
    internal static bool IsRate(string header) => TableHeader.Normalize(header).EndsWith("rate", StringComparison.Ordinal);

    private static string Slug(string header)
    {
        var builder = new System.Text.StringBuilder(header.Length);
        foreach (var c in header.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().Trim('-');
    }

    private sealed class Mapper(ExportContext context, string header, string metric) : TableRowMapper
    {
        private readonly string[] _dateFormats = DateFormats;
        private bool _blockEnded;

        public override ExportRow? Map(ExportTable record)
        {
            if (_blockEnded)
            {
                return null;
            }

            var first = record.GetSpan(0).Trim();
            if (!DateOnly.TryParseExact(first, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var day))
            {
                // The estimate note belongs to the block; anything else (Top Boards, Top Pins) ends it.
                _blockEnded = !first.StartsWith("Data starting from", StringComparison.OrdinalIgnoreCase);
                return null;
            }

            var cell = record.GetSpan(1).Trim();
            if (cell.IsEmpty || TableCells.IsPlaceholder(cell))
            {
                return new DailyRow(record.Line, []);
            }

            if (!ExportNumbers.TryParseDouble(cell, record.Dialect.DecimalComma, out var value))
            {
                return new RejectedRow(record.GetFieldLine(1), 2, $"{header}: expected a number, found '{TableCells.Shorten(cell)}'");
            }

            return new DailyRow(record.Line, [context.NewDaily(Channels.Pinterest, metric, day, value)]);
        }
    }
}
