using System.Text;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Meta's account-level daily metric files — the Insights "Overview" downloads of Meta Business Suite (<c>Views</c>,
/// <c>Reach</c>/<c>Viewers</c>, <c>Follows</c>, <c>Visits</c>, <c>Content interactions</c>, <c>Link clicks</c>) and the
/// older per-metric Page Insights files: UTF-16LE, line 1 <c>sep=,</c>, line 2 the metric name (<c>"Instagram
/// reach"</c>, <c>"Facebook Page new likes"</c>, or bare <c>"Views"</c>), line 3 <c>"Date","Primary"</c> (older files
/// name the value column after the metric), then one value per day (<c>2025-01-01T01:00:00</c>: the date part is the
/// day). Re-saved by a European spreadsheet they lose the BOM and <c>sep=</c> line and use <c>;</c>.
/// </summary>
/// <remarks>
/// The channel comes from the metric name; a bare name takes it from <c>?channel=</c>, else from the file name, else
/// the file is refused (guessing would file one network's numbers under the other). Several metric blocks in one
/// file are read one after the other.
/// </remarks>
public sealed class MetaDailyReader : TableExportReader
{
    // Date-format tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    private static string[] DateFormats => ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "MM/dd/yyyy"];

    public override ExportFormatInfo Format { get; } = new(
        "meta-daily",
        "Meta daily metric (Facebook/Instagram Insights)",
        null,
        ExportKind.Daily,
        ["Date", "Primary"]);

    protected override double Match(CsvPreview preview)
    {
        var records = preview.Records;
        if (records.Count >= 2 && IsTitle(records[0].Fields) && IsHeader(records[1].Fields))
        {
            return 0.95;
        }

        return records.Count >= 1 && IsHeader(records[0].Fields) && TableHeader.Normalize(records[0].Fields[1]) == "primary" ? 0.6 : 0;
    }

    protected override ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TableRowMapper?>(new Mapper(session));

    /// <summary>
    /// "Instagram reach" → (instagram, reach); "New Instagram followers" → (instagram, new-followers); "Facebook Page new
    /// likes" → (facebook, new-followers); bare "Views" → (the <c>?channel=</c> hint or file name, impressions).
    /// </summary>
    internal static (string? Channel, string Metric) ParseMetricName(string name, string fileName, string? channelHint)
    {
        var text = $" {name.Trim()} ";
        string? channel = null;
        foreach (var (word, ch) in new[] { (" Facebook Page ", Channels.Facebook), (" Instagram ", Channels.Instagram), (" Facebook ", Channels.Facebook) })
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                channel = ch;
                text = string.Concat(text.AsSpan(0, at), " ", text.AsSpan(at + word.Length));
                break;
            }
        }

        text = text.Trim();
        channel ??= Channels.Normalize(channelHint) is { } hinted && hinted is Channels.Facebook or Channels.Instagram ? hinted
            : fileName.Contains("instagram", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("IG", StringComparison.OrdinalIgnoreCase) ? Channels.Instagram
            : fileName.Contains("facebook", StringComparison.OrdinalIgnoreCase) ? Channels.Facebook
            : null;

        var metric = text.ToLowerInvariant() switch
        {
            "reach" or "viewers" => DailyMetricNames.Reach,
            "views" or "impressions" => DailyMetricNames.Impressions,
            "follows" or "new follows" or "new followers" or "page likes" or "new likes" => DailyMetricNames.NewFollowers,
            "followers" or "total followers" or "follower count" => DailyMetricNames.Followers,
            "unfollows" => DailyMetricNames.Unfollows,
            "visits" or "profile visits" or "page visits" => DailyMetricNames.ProfileViews,
            "interactions" or "content interactions" or "engagements" => DailyMetricNames.Engagements,
            "link clicks" or "clicks" => DailyMetricNames.Clicks,
            "video views" or "plays" => DailyMetricNames.VideoViews,
            _ => Slug(text),
        };
        return (channel, metric);
    }

    /// <summary>The metric-name line: one non-empty cell (a European re-save adds an empty one: <c>Facebook follows;</c>).</summary>
    private static bool IsTitle(string[] fields) =>
        fields.Length >= 1 && !string.IsNullOrWhiteSpace(fields[0]) && fields.Skip(1).All(string.IsNullOrWhiteSpace);

    /// <summary><c>"Date","Primary"</c>, or <c>"Date","&lt;metric&gt;"</c> in older files.</summary>
    private static bool IsHeader(string[] fields) =>
        fields.Count(f => !string.IsNullOrWhiteSpace(f)) == 2 && TableHeader.Normalize(fields[0]) == "date";

    private static bool IsHeader(ExportTable record, string[] dateFormats) =>
        record.FieldCount >= 2 && TableHeader.IsNamed(record.GetSpan(0), "Date") && !record.GetSpan(1).IsWhiteSpace()
        && !CsvDates.TryParseLocal(record.GetSpan(0), dateFormats, out _);

    private static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
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

    private sealed class Mapper(TableSession session) : TableRowMapper
    {
        private readonly ExportContext _context = session.Context;
        private readonly TableCells _cells = new();
        private readonly TableColumn _value = new("Primary", [1]);
        private readonly string[] _dateFormats = DateFormats;
        private string? _channel;
        private string? _metric;

        public override ExportRow? Map(ExportTable record)
        {
            if (IsHeader(record, _dateFormats))
            {
                return null;
            }

            if (IsTitle(record, _dateFormats))
            {
                var title = record.GetString(0);
                (_channel, _metric) = ParseMetricName(title, session.FileName, _context.ChannelHint);
                if (_channel is null)
                {
                    throw record.Error(
                        record.Line,
                        1,
                        $"the metric '{title.Trim()}' does not say whether it is Facebook or Instagram; upload it again with ?channel=facebook or ?channel=instagram (or put 'facebook' or 'instagram' in the file name)");
                }

                return null;
            }

            if (_metric is null || _channel is null)
            {
                throw record.Error(
                    record.Line,
                    1,
                    "expected the metric name line (e.g. \"Instagram reach\") above \"Date\",\"Primary\"; the file does not say what it measures");
            }

            var date = record.GetSpan(0).Trim();
            if (!CsvDates.TryParseLocal(date, _dateFormats, out var day))
            {
                return new RejectedRow(record.Line, 1, $"Date: expected a date like 2026-10-01T00:00:00, found '{TableCells.Shorten(date)}'");
            }

            _cells.Begin(record);
            var value = _cells.Number(_value, EmptyCell.Missing);
            return _cells.Rejection
                ?? (ExportRow)new DailyRow(record.Line, value is null ? [] : [_context.NewDaily(_channel, _metric, DateOnly.FromDateTime(day), value.Value)]);
        }

        private static bool IsTitle(ExportTable record, string[] dateFormats)
        {
            if (record.GetSpan(0).IsWhiteSpace())
            {
                return false;
            }

            for (var i = 1; i < record.FieldCount; i++)
            {
                if (!record.GetSpan(i).IsWhiteSpace())
                {
                    return false;
                }
            }

            return !CsvDates.TryParseLocal(record.GetSpan(0), dateFormats, out _);
        }
    }
}
