using System.Runtime.CompilerServices;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// TikTok Studio "Content" export (CSV, bare or in the zip TikTok downloads): one lifetime snapshot per video.
/// Post dates have no year (see <see cref="TikTokDates"/>); the export day comes from the <c>Time</c> column, else
/// the latest date in the file name, else the upload day. A zip that also holds the Overview CSV yields its daily rows too.
/// </summary>
public sealed class TikTokContentReader : IExportReader
{
    /// <summary>The longest gap (days) between neighbouring posts that still reads as a newest-first list wrapping a year.</summary>
    private const int MaxGapBetweenPosts = 92;

    public ExportFormatInfo Format { get; } = new(
        "tiktok-content",
        "TikTok Studio content",
        Channels.TikTok,
        ExportKind.Posts,
        ["Time", "Video title", "Video link", "Post time", "Total likes", "Total comments", "Total shares", "Total views"]);

    public double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text)
        {
            return probe.Csv?.FindHeader(IsContentHeader) is not null ? 0.95 : 0;
        }

        return ExportZip.IsExportZip(probe) && FindEntry(probe.File) is not null ? 0.95 : 0;
    }

    public async IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(context);
        string? entry = null;
        if (probe.Container == ExportContainer.Zip)
        {
            entry = FindEntry(probe.File)
                ?? throw new ExportFormatException(probe.File.FileName, null, null, "the zip holds no TikTok content CSV (with 'Video link' and 'Post time' columns)");
        }

        await foreach (var row in ReadContentAsync(probe, entry, context, cancellationToken))
        {
            yield return row;
        }

        var overview = entry is null ? null : TikTokOverviewReader.FindEntry(probe.File);
        if (overview is not null)
        {
            await foreach (var row in TikTokOverviewReader.ReadDailyAsync(probe, overview, context, cancellationToken))
            {
                yield return row;
            }
        }
    }

    internal static bool IsContentHeader(CsvHeader header) =>
        header.Has(TikTokColumns.PostTime) && (header.Has(TikTokColumns.Link) || header.Has(TikTokColumns.Title));

    internal static string? FindEntry(ExportFile file) =>
        ExportZip.FindCsvEntry(file, (_, head) => ExportText.FirstHeader(head) is { } h && IsContentHeader(h));

    /// <summary>The reference "export day" when the rows do not say: a date in the file name, else the upload day.</summary>
    internal static DateOnly FallbackExportDay(ExportProbe probe, ExportContext context) =>
        ExportDates.LatestDateInName(probe.File.FileName) ?? ExportDates.DayIn(context.ReceivedAt, context.BrandTimeZone);

    private static async IAsyncEnumerable<ExportRow> ReadContentAsync(ExportProbe probe, string? entry, ExportContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fileName = probe.File.FileName;
        using var csv = ExportText.OpenCsv(probe, entry, out var dialect);
        var header = await ReadHeaderAsync(csv, fileName, cancellationToken);
        var postTime = header.Require(fileName, TikTokColumns.PostTime);
        var link = header.Find(TikTokColumns.Link);
        var title = header.Find(TikTokColumns.Title);
        if (!link.IsPresent && !title.IsPresent)
        {
            header.Require(fileName, TikTokColumns.Link);
        }

        var exportDay = header.Find(TikTokColumns.ExportDay);
        var likes = header.Find(TikTokColumns.TotalLikes);
        var comments = header.Find(TikTokColumns.TotalComments);
        var shares = header.Find(TikTokColumns.TotalShares);
        var views = header.Find(TikTokColumns.TotalViews);
        var favorites = header.Find(TikTokColumns.Favorites);

        var fallbackDay = FallbackExportDay(probe, context);
        var cells = new CsvCells(dialect);
        DateOnly? previous = null;
        var lastExportDayText = string.Empty;
        var reference = fallbackDay;
        var exportedAt = context.ReceivedAt;
        var lastDay = DateOnly.MinValue;
        var lastStart = DateTimeOffset.MinValue;
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
            // Every row repeats the export day: parse it only when it changes.
            var exportDayText = cells.Raw(exportDay, out _);
            if (!exportDayText.SequenceEqual(lastExportDayText))
            {
                lastExportDayText = exportDayText.ToString();
                var statesExportDay = TikTokDates.TryParse(exportDayText, out var stated) && stated.Year is not null;
                reference = statesExportDay ? TikTokDates.Resolve(stated, fallbackDay) : fallbackDay;
                exportedAt = statesExportDay ? ExportDates.StartOfDayUtc(reference, context.BrandTimeZone) : context.ReceivedAt;
            }

            var postText = cells.Raw(postTime, out var postField);
            if (!TikTokDates.TryParse(postText, out var partial))
            {
                yield return new RejectedRow(csv.GetFieldLine(postField), postField + 1, $"{postTime.Name}: expected a date such as 'October 31', found '{CsvCells.Shorten(postText.Trim())}'");
                continue;
            }

            var published = TikTokDates.Resolve(partial, reference);
            if (partial.Year is null && previous is { } prior && published > prior)
            {
                // TikTok lists videos newest first. When this date, placed just before the row above, is only
                // weeks earlier, the list has wrapped into the previous year (a 13-month export has October twice).
                // A big jump instead means the rows are not in date order: keep the export-day rule then, so an
                // unsorted file never drifts back a year per row.
                var wrapped = TikTokDates.Resolve(partial, prior);
                if (prior.DayNumber - wrapped.DayNumber <= MaxGapBetweenPosts)
                {
                    published = wrapped;
                }
            }

            previous = published;
            var permalink = cells.Text(link);
            var text = cells.Text(title);
            if (published != lastDay)
            {
                // Neighbouring rows share days; zone conversion is the costliest step of a row.
                (lastDay, lastStart) = (published, ExportDates.StartOfDayUtc(published, context.BrandTimeZone));
            }

            var publishedAt = lastStart;
            var viewCount = cells.Count(views, EmptyCell.Missing);
            var post = new CanonicalPost
            {
                Brand = context.Brand,
                Channel = Channels.TikTok,
                PostId = PostIds.Choose(VideoId(permalink), permalink, publishedAt, text),
                PublishedAt = publishedAt,
                Text = text,
                Permalink = permalink,
                ContentType = ContentTypes.Video,
                Reactions = cells.Count(likes, EmptyCell.Missing),
                Comments = cells.Count(comments, EmptyCell.Missing),
                Shares = cells.Count(shares, EmptyCell.Missing),
                Saves = cells.Count(favorites, EmptyCell.Missing),

                // TikTok exposes no impressions; its glossary counts views as the nearest measure (exports.md).
                Impressions = viewCount,
                VideoViews = viewCount,
                Kind = ExportKind.Posts,
                UploadId = context.UploadId,
                ExportedAt = exportedAt,
            };

            if (cells.Rejection is { } rejected)
            {
                yield return rejected;
                continue;
            }

            yield return new PostRow(csv.Line, post);
        }
    }

    /// <summary>The numeric id in <c>https://www.tiktok.com/@brand/video/7431…</c>, TikTok's own video id.</summary>
    internal static string? VideoId(string? link)
    {
        if (link is null)
        {
            return null;
        }

        var at = link.IndexOf("/video/", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + "/video/".Length;
        var end = start;
        while (end < link.Length && char.IsAsciiDigit(link[end]))
        {
            end++;
        }

        return end > start ? link[start..end] : null;
    }

    internal static async ValueTask<CsvHeader> ReadHeaderAsync(CsvReader csv, string fileName, CancellationToken cancellationToken)
    {
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsTruncated)
            {
                throw new ExportFormatException(fileName, csv.TruncatedLine, csv.TruncatedField + 1, ExportText.TruncatedMessage);
            }

            if (!csv.IsBlank)
            {
                return CsvHeader.From(csv);
            }
        }

        throw new ExportFormatException(fileName, null, null, "the file has no header row");
    }
}
