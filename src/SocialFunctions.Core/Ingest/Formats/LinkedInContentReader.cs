using ExcelDataReader;
using SocialFunctions.Core.Ingest.Spreadsheets;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// LinkedIn Page "content" export (.xls, or .xlsx when re-saved): sheet <c>All posts</c> → post snapshots,
/// sheet <c>Metrics</c> → daily page series. A note row may sit above each header; dates are text MM/DD/YYYY (UTC).
/// </summary>
public sealed class LinkedInContentReader : IExportReader
{
    private const string PostsSheet = "All posts";
    private const string MetricsSheet = "Metrics";

    /// <summary>How many rows above the header a note may take.</summary>
    private const int HeaderSearchRows = 5;

    public ExportFormatInfo Format { get; } = new(
        "linkedin-content",
        "LinkedIn page content (.xls/.xlsx)",
        Channels.LinkedIn,
        ExportKind.Posts,
        ["Post title", "Post link", "Post type", "Created date", "Impressions", "Clicks", "Likes", "Comments", "Reposts"]);

    public double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!Workbook.IsWorkbook(probe))
        {
            return 0;
        }

        try
        {
            using var reader = Workbook.Open(probe.File);
            do
            {
                if (IsSheet(reader.Name, PostsSheet) || IsSheet(reader.Name, MetricsSheet))
                {
                    return 0.95;
                }

                if (FindHeader(reader, "post link", "post title") is not null)
                {
                    return 0.9;
                }
            }
            while (reader.NextResult());
        }
        catch (ExportFormatException)
        {
            return 0.05;
        }
        catch (Exception ex) when (Workbook.IsReaderFailure(ex))
        {
            return 0.05;
        }

        return 0;
    }

    public IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(context);
        if (!Workbook.IsWorkbook(probe))
        {
            throw Workbook.NotASpreadsheet(probe);
        }

        return Read(probe.File, context, cancellationToken).ToAsyncEnumerable();
    }

    private static IEnumerable<ExportRow> Read(ExportFile file, ExportContext context, CancellationToken cancellationToken)
    {
        using var reader = Workbook.Open(file);
        var sawPosts = false;
        var sawMetrics = false;
        do
        {
            var isPosts = IsSheet(reader.Name, PostsSheet);
            var isMetrics = IsSheet(reader.Name, MetricsSheet);
            var header = isPosts ? FindHeader(reader, "post link", "post title", "created date") : isMetrics ? FindHeader(reader, "date") : FindHeader(reader, "post link", "date");
            if (header is null)
            {
                if (isPosts || isMetrics)
                {
                    throw new ExportFormatException(file.FileName, null, null, $"sheet '{reader.Name}': no header row found in the first {HeaderSearchRows} rows.");
                }

                continue;
            }

            if (isPosts || header.Has("post link") || header.Has("post title"))
            {
                sawPosts = true;
                foreach (var row in ReadPosts(reader, header, file.FileName, context, cancellationToken))
                {
                    yield return row;
                }
            }
            else if (isMetrics || header.Has("impressions (total)") || header.Has("impressions (organic)"))
            {
                sawMetrics = true;
                foreach (var row in ReadMetrics(reader, header, file.FileName, context, cancellationToken))
                {
                    yield return row;
                }
            }
        }
        while (reader.NextResult());

        if (!sawPosts && !sawMetrics)
        {
            throw new ExportFormatException(file.FileName, null, null, $"no '{PostsSheet}' or '{MetricsSheet}' sheet with a LinkedIn header was found.");
        }
    }

    private static IEnumerable<ExportRow> ReadPosts(IExcelDataReader reader, SheetHeader header, string fileName, ExportContext context, CancellationToken cancellationToken)
    {
        var link = header.Require("Post link", fileName, reader.Name);
        var created = header.Require("Created date", fileName, reader.Name);
        var title = header.Find("post title");
        var postType = header.Find("post type");
        var contentType = header.Find("content type");
        var impressions = header.Find("impressions");
        var clicks = header.Find("clicks");
        var likes = header.Find("likes");
        var comments = header.Find("comments");
        var reposts = header.Find("reposts", "shares");

        // A boosted post comes as adjacent Organic / Sponsored / Total rows with the same link: hold the group
        // until the link changes, then emit one record (the Total row when there is one).
        PendingPost? pending = null;
        var line = header.Row;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            var linkValue = SheetCells.Text(Cell(reader, link));
            if (linkValue is null && SheetCells.IsBlank(Cell(reader, created)))
            {
                continue;
            }

            if (linkValue is null)
            {
                yield return new RejectedRow(line, link + 1, "Post link: expected the post's URL, found an empty cell");
                continue;
            }

            var isTotal = string.Equals(SheetCells.Text(Cell(reader, postType)), "Total", StringComparison.OrdinalIgnoreCase);
            if (pending is not null && pending.Link == linkValue)
            {
                if (isTotal && !pending.IsTotal)
                {
                    pending = new PendingPost(linkValue, isTotal, line, ParsePost());
                }

                continue;
            }

            if (pending is not null)
            {
                yield return pending.Row;
            }

            pending = new PendingPost(linkValue, isTotal, line, ParsePost());

            ExportRow ParsePost()
            {
                if (!SheetCells.TryDate(Cell(reader, created), out var day))
                {
                    return new RejectedRow(line, created + 1, $"Created date: expected a date MM/DD/YYYY, found '{SheetCells.Describe(Cell(reader, created))}'");
                }

                var errors = new List<RejectedRow>(0);
                var post = new CanonicalPost
                {
                    Brand = context.Brand,
                    Channel = Channels.LinkedIn,
                    PostId = LinkedInPostId(linkValue),
                    PublishedAt = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    SourceTimeZone = "UTC",
                    Text = SheetCells.Text(Cell(reader, title)),
                    Permalink = linkValue,
                    ContentType = MapContentType(SheetCells.Text(Cell(reader, contentType))),
                    Impressions = Count(impressions, "Impressions"),
                    Clicks = Count(clicks, "Clicks"),
                    Reactions = Count(likes, "Likes"),
                    Comments = Count(comments, "Comments"),
                    Shares = Count(reposts, "Reposts"),
                    Kind = ExportKind.Posts,
                    UploadId = context.UploadId,
                    ExportedAt = context.ReceivedAt,
                };
                return errors.Count > 0 ? errors[0] : new PostRow(line, post);

                long? Count(int column, string name)
                {
                    var value = Cell(reader, column);
                    if (column < 0 || SheetCells.IsBlank(value))
                    {
                        return null;
                    }

                    if (SheetCells.TryNumber(value, out var number))
                    {
                        return (long)Math.Round(number, MidpointRounding.AwayFromZero);
                    }

                    errors.Add(new RejectedRow(line, column + 1, $"{name}: expected a number, found '{SheetCells.Describe(value)}'"));
                    return null;
                }
            }
        }

        if (pending is not null)
        {
            yield return pending.Row;
        }
    }

    private static readonly (string Name, string Metric)[] DailyColumns =
    [
        ("impressions", DailyMetricNames.Impressions),
        ("unique impressions", DailyMetricNames.Reach),
        ("clicks", DailyMetricNames.Clicks),
        ("reactions", DailyMetricNames.Reactions),
        ("comments", DailyMetricNames.Comments),
        ("reposts", DailyMetricNames.Shares),
        ("shares", DailyMetricNames.Shares),
    ];

    private static IEnumerable<ExportRow> ReadMetrics(IExcelDataReader reader, SheetHeader header, string fileName, ExportContext context, CancellationToken cancellationToken)
    {
        var date = header.Require("Date", fileName, reader.Name);

        // Total columns when the page ran ads; a page without ads may only have organic ones (or bare names).
        var columns = new List<(int Index, string Metric, string Header)>();
        foreach (var (name, metric) in DailyColumns)
        {
            var index = header.Find($"{name} (total)", name, $"{name} (organic)");
            if (index >= 0 && columns.TrueForAll(c => c.Metric != metric))
            {
                columns.Add((index, metric, header.Names[index]));
            }
        }

        var line = header.Row;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            var dateCell = Cell(reader, date);
            if (SheetCells.IsBlank(dateCell))
            {
                continue;
            }

            if (!SheetCells.TryDate(dateCell, out var day))
            {
                yield return new RejectedRow(line, date + 1, $"Date: expected a date MM/DD/YYYY, found '{SheetCells.Describe(dateCell)}'");
                continue;
            }

            foreach (var (index, metric, name) in columns)
            {
                var value = Cell(reader, index);
                if (SheetCells.IsBlank(value))
                {
                    continue;
                }

                if (!SheetCells.TryNumber(value, out var number))
                {
                    yield return new RejectedRow(line, index + 1, $"{name}: expected a number, found '{SheetCells.Describe(value)}'");
                    continue;
                }

                yield return new DailyRow(line, new DailyMetric
                {
                    Brand = context.Brand,
                    Channel = Channels.LinkedIn,
                    Metric = metric,
                    Date = day,
                    Value = number,
                    UploadId = context.UploadId,
                });
            }
        }
    }

    /// <summary>The activity/share/ugcPost number in the link is LinkedIn's own id; other links fall back to a hash.</summary>
    internal static string LinkedInPostId(string link)
    {
        var urn = link.IndexOf("urn:li:", StringComparison.OrdinalIgnoreCase);
        if (urn >= 0)
        {
            var end = urn + "urn:li:".Length;
            while (end < link.Length && (char.IsAsciiLetterOrDigit(link[end]) || link[end] == ':'))
            {
                end++;
            }

            var candidate = link[urn..end];
            if (candidate.Length > 0 && char.IsAsciiDigit(candidate[^1]))
            {
                return candidate;
            }
        }

        return PostIds.FromPermalink(link);
    }

    internal static string MapContentType(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "image" or "images" or "photo" => ContentTypes.Image,
        "video" => ContentTypes.Video,
        "text" => ContentTypes.Text,
        "article" => ContentTypes.Article,
        "document" or "carousel" or "multi-image" => ContentTypes.Carousel,
        "link" or "url" => ContentTypes.Link,
        _ => ContentTypes.Other,
    };

    private static bool IsSheet(string? name, string expected) => string.Equals(name?.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    private static object? Cell(IExcelDataReader reader, int index) => index >= 0 && index < reader.FieldCount ? reader.GetValue(index) : null;

    /// <summary>Reads up to <see cref="HeaderSearchRows"/> rows looking for one with a cell equal to one of <paramref name="markers"/>.</summary>
    private static SheetHeader? FindHeader(IExcelDataReader reader, params string[] markers)
    {
        for (var row = 1; row <= HeaderSearchRows && reader.Read(); row++)
        {
            var names = new string[reader.FieldCount];
            var written = new string[reader.FieldCount];
            var found = false;
            for (var i = 0; i < names.Length; i++)
            {
                written[i] = SheetCells.Text(reader.GetValue(i)) ?? string.Empty;
                names[i] = SheetCells.NormalizeHeader(written[i]);
                found |= Array.IndexOf(markers, names[i]) >= 0;
            }

            if (found)
            {
                return new SheetHeader(row, names, written);
            }
        }

        return null;
    }

    private sealed record PendingPost(string Link, bool IsTotal, int Line, ExportRow Row);
}
