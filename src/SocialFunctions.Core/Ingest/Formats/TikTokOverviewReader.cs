using System.Runtime.CompilerServices;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// TikTok Studio "Overview" export (CSV, bare or zipped): one value per day per metric. Dates have no year; each is
/// resolved to the latest year that does not put it after the export day (latest date in the file name, else the
/// upload day), since TikTok offers ranges of at most a year.
/// </summary>
public sealed class TikTokOverviewReader : IExportReader
{
    private static readonly (string[] Aliases, string Metric)[] Metrics =
    [
        (TikTokColumns.VideoViews, DailyMetricNames.VideoViews),
        (TikTokColumns.ProfileViews, DailyMetricNames.ProfileViews),
        (TikTokColumns.Likes, DailyMetricNames.Reactions),
        (TikTokColumns.Comments, DailyMetricNames.Comments),
        (TikTokColumns.Shares, DailyMetricNames.Shares),
    ];

    public ExportFormatInfo Format { get; } = new(
        "tiktok-overview",
        "TikTok Studio overview",
        Channels.TikTok,
        ExportKind.Daily,
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]);

    public double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text)
        {
            return probe.Csv?.FindHeader(IsOverviewHeader) is not null ? 0.9 : 0;
        }

        // A zip with the content CSV belongs to the content reader, which reads the overview entry as well.
        return ExportZip.IsExportZip(probe) && FindEntry(probe.File) is not null ? 0.85 : 0;
    }

    public IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        string? entry = null;
        if (probe.Container == ExportContainer.Zip)
        {
            entry = FindEntry(probe.File)
                ?? throw new ExportFormatException(probe.File.FileName, null, null, "the zip holds no TikTok overview CSV (with 'Date' and 'Video Views' columns)");
        }

        return ReadDailyAsync(probe, entry, context, cancellationToken);
    }

    internal static bool IsOverviewHeader(CsvHeader header) =>
        header.Has(TikTokColumns.Date) && header.Has(TikTokColumns.VideoViews) && header.Has(TikTokColumns.ProfileViews);

    internal static string? FindEntry(ExportFile file) =>
        ExportZip.FindCsvEntry(file, (_, head) => ExportText.FirstHeader(head) is { } h && IsOverviewHeader(h));

    internal static async IAsyncEnumerable<ExportRow> ReadDailyAsync(ExportProbe probe, string? entry, ExportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fileName = probe.File.FileName;
        using var csv = ExportText.OpenCsv(probe, entry, out var dialect);
        var header = await TikTokContentReader.ReadHeaderAsync(csv, fileName, cancellationToken);
        var date = header.Require(fileName, TikTokColumns.Date);
        var columns = new List<(CsvColumn Column, string Metric)>(Metrics.Length);
        foreach (var (aliases, metric) in Metrics)
        {
            var column = header.Find(aliases);
            if (column.IsPresent)
            {
                columns.Add((column, metric));
            }
        }

        var reference = TikTokContentReader.FallbackExportDay(probe, context);
        var cells = new CsvCells(dialect);
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsTruncated)
            {
                yield return ExportText.Truncated(csv);
                continue;
            }

            if (csv.IsBlank)
            {
                continue;
            }

            cells.Begin(csv);
            var dateText = cells.Raw(date, out var dateField);
            if (!TikTokDates.TryParse(dateText, out var partial))
            {
                yield return new RejectedRow(csv.GetFieldLine(dateField), dateField + 1, $"{date.Name}: expected a date such as 'October 31', found '{CsvCells.Shorten(dateText.Trim())}'");
                continue;
            }

            var day = TikTokDates.Resolve(partial, reference);
            foreach (var (column, metric) in columns)
            {
                var value = cells.Number(column, EmptyCell.Missing);
                if (value is null)
                {
                    continue;
                }

                yield return new DailyRow(csv.Line, new DailyMetric
                {
                    Brand = context.Brand,
                    Channel = Channels.TikTok,
                    Metric = metric,
                    Date = day,
                    Value = value.Value,
                    UploadId = context.UploadId,
                });
            }

            if (cells.Rejection is { } rejected)
            {
                yield return rejected;
            }
        }
    }
}
