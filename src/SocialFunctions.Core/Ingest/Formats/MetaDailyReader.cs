using System.Text;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Meta's account-level daily metric file (Facebook/Instagram Insights export): UTF-16LE, line 1 <c>sep=,</c>, line 2
/// the metric name (<c>"Instagram reach"</c>), line 3 <c>"Date","Primary"</c>, then one value per day. The channel comes
/// from the metric name; a bare name (<c>"Views"</c>) takes it from the file name, else the file is refused (guessing
/// would file one network's numbers under the other).
/// Several metric blocks in one file are read one after the other.
/// </summary>
public sealed class MetaDailyReader : CsvExportReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "MM/dd/yyyy"];

    public override ExportFormatInfo Format { get; } = new(
        "meta-daily",
        "Meta daily metric (Facebook/Instagram Insights)",
        null,
        ExportKind.Daily,
        ["Date", "Primary"]);

    protected override double Match(CsvPreview preview)
    {
        var records = preview.Records;
        if (records.Count >= 2 && records[0].Fields.Length == 1 && IsHeader(records[1].Fields))
        {
            return 0.95;
        }

        return records.Count >= 1 && IsHeader(records[0].Fields) ? 0.6 : 0;
    }

    protected override ValueTask<CsvRowMapper> BindAsync(CsvReadSession session, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CsvRowMapper>(new Mapper(session));

    private static bool IsHeader(string[] fields) =>
        fields.Length == 2 && CsvHeader.Normalize(fields[0]) == "date" && CsvHeader.Normalize(fields[1]) == "primary";

    /// <summary>"Instagram reach" → (instagram, reach); "Facebook follows" → (facebook, new-followers).</summary>
    internal static (string? Channel, string Metric) ParseMetricName(string name, string fileName)
    {
        var text = name.Trim();
        string? channel = null;
        foreach (var (prefix, ch) in new[] { ("Instagram", Channels.Instagram), ("Facebook", Channels.Facebook) })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                channel = ch;
                text = text[prefix.Length..].Trim();
                break;
            }
        }

        if (channel is null)
        {
            channel = fileName.Contains("instagram", StringComparison.OrdinalIgnoreCase) ? Channels.Instagram
                : fileName.Contains("facebook", StringComparison.OrdinalIgnoreCase) ? Channels.Facebook
                : null;
        }

        var metric = text.ToLowerInvariant() switch
        {
            "reach" => DailyMetricNames.Reach,
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

    private sealed class Mapper(CsvReadSession session) : CsvRowMapper
    {
        private readonly ExportContext _context = session.Context;
        private readonly CsvCells _cells = new(session.Dialect);
        private readonly CsvColumn _value = new("Primary", [1]);
        private string? _channel;
        private string? _metric;

        public override void Map(CsvReader record, List<ExportRow> output)
        {
            if (IsHeader(record))
            {
                return;
            }

            if (record.FieldCount == 1)
            {
                (_channel, _metric) = ParseMetricName(record.GetString(0), session.FileName);
                if (_channel is null)
                {
                    throw new ExportFormatException(
                        session.FileName,
                        record.Line,
                        1,
                        $"the metric '{record.GetString(0)}' does not say whether it is Facebook or Instagram; export it again from Meta Business Suite or put 'facebook' or 'instagram' in the file name");
                }

                return;
            }

            if (_metric is null || _channel is null)
            {
                throw new ExportFormatException(
                    session.FileName,
                    record.Line,
                    1,
                    "expected the metric name line (e.g. \"Instagram reach\") above \"Date\",\"Primary\"; the file does not say what it measures");
            }

            var date = record.GetSpan(0).Trim();
            if (!CsvDates.TryParseLocal(date, DateFormats, out var day))
            {
                output.Add(new RejectedRow(record.Line, 1, $"Date: expected a date like 2026-10-01T00:00:00, found '{CsvCells.Shorten(date)}'"));
                return;
            }

            _cells.Begin(record);
            var value = _cells.Number(_value, EmptyCell.Missing);
            if (_cells.Rejection is { } rejected)
            {
                output.Add(rejected);
                return;
            }

            if (value is null)
            {
                return;
            }

            output.Add(new DailyRow(record.Line, new DailyMetric
            {
                Brand = _context.Brand,
                Channel = _channel,
                Metric = _metric,
                Date = DateOnly.FromDateTime(day),
                Value = value.Value,
                UploadId = _context.UploadId,
            }));
        }

        private static bool IsHeader(CsvReader record) =>
            record.FieldCount == 2
            && record.GetSpan(0).Trim().Equals("Date", StringComparison.OrdinalIgnoreCase)
            && record.GetSpan(1).Trim().Equals("Primary", StringComparison.OrdinalIgnoreCase);
    }
}
