using System.Globalization;
using System.Runtime.CompilerServices;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// YouTube Studio advanced-mode export: <c>Table data.csv</c>, bare or inside the zip (with Chart data.csv and
/// Totals.csv). Each row is a video's metrics over the export's date range → range aggregates.
/// </summary>
/// <remarks>
/// The range comes from the file name (<c>Content 2026-09-01_2026-10-31 Lumen Coffee.zip</c>; a bare
/// <c>Table data.csv</c> renamed with its range works too). When no name states it, each video's range is its
/// lifetime as of the export: from its publish day to the upload day in the brand's zone — what Studio's default
/// "Lifetime" period means. Chart data.csv (per-video daily) and Totals.csv (channel daily) are not read: this
/// reader yields the per-video range aggregates the report uses.
/// </remarks>
public sealed class YouTubeContentReader : IExportReader
{
    private const string TableEntry = "Table data.csv";

    private static readonly string[] PublishFormats = ["MMM d, yyyy", "MMM dd, yyyy", "MMMM d, yyyy", "yyyy-MM-dd", "d MMM yyyy", "MM/dd/yyyy"];

    public ExportFormatInfo Format { get; } = new(
        "youtube-content",
        "YouTube Studio content (Table data.csv or the export zip)",
        Channels.YouTube,
        ExportKind.Range,
        ["Content", "Video title", "Video publish time", "Duration", "Views", "Watch time (hours)", "Subscribers", "Impressions"]);

    public double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text)
        {
            return probe.Csv?.FindHeader(IsTableHeader) is not null ? 0.95 : 0;
        }

        return ExportZip.IsExportZip(probe) && FindEntry(probe.File) is not null ? 0.95 : 0;
    }

    public async IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(context);
        var fileName = probe.File.FileName;
        string? entry = null;
        if (probe.Container == ExportContainer.Zip)
        {
            entry = FindEntry(probe.File)
                ?? throw new ExportFormatException(fileName, null, null, $"the zip holds no '{TableEntry}' with a 'Content' column");
        }

        var hasNamedRange = ExportDates.TryRangeFromName(fileName, out var rangeFrom, out var rangeTo);
        var exportDay = ExportDates.DayIn(context.ReceivedAt, context.BrandTimeZone);

        using var csv = ExportText.OpenCsv(probe, entry, out var dialect);
        var header = await TikTokContentReader.ReadHeaderAsync(csv, fileName, cancellationToken);
        var content = header.Require(fileName, "Content");
        var title = header.Find("Video title");
        var publish = header.Find("Video publish time", "Publish time");
        var duration = header.Find("Duration");
        var views = header.Find("Views");
        var watchHours = header.Find("Watch time (hours)");
        var impressions = header.Find("Impressions", "Thumbnail impressions");
        var likes = header.Find("Likes");
        var comments = header.Find("Comments", "Comments added");
        var shares = header.Find("Shares");

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

            // Ids starting with '-' are written with a leading space (so spreadsheets do not read a formula).
            var id = cells.Text(content);
            if (id is null || id.Equals("Total", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            DateOnly? publishedDay = null;
            var publishText = cells.Raw(publish, out var publishField).Trim();
            if (!publishText.IsEmpty)
            {
                if (!DateOnly.TryParseExact(publishText, PublishFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
                {
                    yield return new RejectedRow(csv.GetFieldLine(publishField), publishField + 1, $"{publish.Name}: expected a date such as 'Sep 29, 2026', found '{CsvCells.Shorten(publishText)}'");
                    continue;
                }

                publishedDay = parsed;
            }

            var from = hasNamedRange ? rangeFrom : publishedDay ?? exportDay;
            var to = hasNamedRange ? rangeTo : exportDay;
            var seconds = cells.Number(duration, EmptyCell.Missing);
            var hours = cells.Number(watchHours, EmptyCell.Missing);
            var post = new CanonicalPost
            {
                Brand = context.Brand,
                Channel = Channels.YouTube,
                PostId = id,
                PublishedAt = ExportDates.StartOfDayUtc(publishedDay ?? from, context.BrandTimeZone),
                Text = cells.Text(title),

                // Shorts are at most a minute long in every export period we take in; longer uploads are videos.
                ContentType = seconds is > 0 and <= 60 ? ContentTypes.Short : ContentTypes.Video,
                Impressions = cells.Count(impressions, EmptyCell.Missing),
                VideoViews = cells.Count(views, EmptyCell.Missing),
                WatchTimeSeconds = hours * 3600,
                Reactions = cells.Count(likes, EmptyCell.Missing),
                Comments = cells.Count(comments, EmptyCell.Missing),
                Shares = cells.Count(shares, EmptyCell.Missing),
                Kind = ExportKind.Range,
                RangeFrom = from,
                RangeTo = to,
                UploadId = context.UploadId,
                ExportedAt = context.ReceivedAt,
            };

            if (cells.Rejection is { } rejected)
            {
                yield return rejected;
                continue;
            }

            yield return new PostRow(csv.Line, post);
        }
    }

    /// <summary>Table data's header; Chart data has the same columns plus <c>Date</c>, so a Date column rules it out.</summary>
    internal static bool IsTableHeader(CsvHeader header) =>
        header.Has("Content") && header.Has("Video title") && (header.Has("Video publish time") || header.Has("Views")) && !header.Has("Date");

    private static string? FindEntry(ExportFile file) =>
        ExportZip.FindCsvEntry(file, (name, _) => Path.GetFileName(name).Equals(TableEntry, StringComparison.OrdinalIgnoreCase))
        ?? ExportZip.FindCsvEntry(file, (_, head) => ExportText.FirstHeader(head) is { } h && IsTableHeader(h));
}
