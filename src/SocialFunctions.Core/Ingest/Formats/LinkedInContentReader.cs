using System.Globalization;
using SocialFunctions.Core.Ingest.Spreadsheets;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// LinkedIn Page "content" export (.xls, or .xlsx when re-saved): sheet <c>All posts</c> → post snapshots,
/// sheet <c>Metrics</c> → daily page series. A note row may sit above each header; dates are text MM/DD/YYYY (UTC),
/// typed dates once re-saved. Read through the same table framework as CSV files: a sheet is a table of text cells.
/// The 2020 vintage called posts "updates": sheets <c>Update engagement</c> and <c>Update metrics (aggregated)</c>,
/// columns <c>Update link</c>, <c>Update title</c>, <c>Update type</c>, <c>Shares</c>.
/// </summary>
public sealed class LinkedInContentReader : TableExportReader
{
    private static string[] PostsSheets => ["All posts", "Update engagement"];

    private static string[] MetricsSheets => ["Metrics", "Update metrics (aggregated)"];

    private static string[] LinkNames => ["Post link", "Update link"];

    private static string[] TitleNames => ["Post title", "Update title"];

    /// <summary>How many rows from the top a header may take (a note row sits above it).</summary>
    private const int HeaderSearchRows = 5;

    // Header and format tables are built per read, not in static initializers, so mutation testing can reach them
    // (docs/testing.md); each mapper keeps its own copy of the day formats, so no cell pays for a new array.
    internal static string[] DayFormats => ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"];

    private static (string Name, string Metric)[] DailyColumns =>
    [
        ("impressions", DailyMetricNames.Impressions),
        ("unique impressions", DailyMetricNames.Reach),
        ("clicks", DailyMetricNames.Clicks),
        ("reactions", DailyMetricNames.Reactions),
        ("comments", DailyMetricNames.Comments),
        ("reposts", DailyMetricNames.Shares),
        ("shares", DailyMetricNames.Shares),
    ];

    public override ExportFormatInfo Format { get; } = new(
        "linkedin-content",
        "LinkedIn page content (.xls/.xlsx)",
        Channels.LinkedIn,
        ExportKind.Posts,
        ["Post title", "Post link", "Post type", "Created date", "Impressions", "Clicks", "Likes", "Comments", "Reposts"]);

    public override double Match(ExportProbe probe)
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
                if (IsSheet(reader.Name, PostsSheets) || IsSheet(reader.Name, MetricsSheets))
                {
                    return 0.95;
                }

                for (var row = 0; row < HeaderSearchRows && reader.Read(); row++)
                {
                    var cells = Enumerable.Range(0, reader.FieldCount).Select(i => SheetTable.Text(reader.GetValue(i))).ToList();
                    if (new TableHeader(cells, row + 1).Has(LinkNames) && cells.Any(c => TableHeader.IsNamed(c, TitleNames)))
                    {
                        return 0.9;
                    }
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

    protected override IEnumerable<ExportTable> OpenTables(ExportProbe probe) => ExportTables.Sheets(probe);

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var sheet = ((SheetTable)session.Table).SheetName;
        var isPosts = IsSheet(sheet, PostsSheets);
        var isMetrics = IsSheet(sheet, MetricsSheets);
        var header = await session.ReadHeaderAsync(
            h => isPosts ? h.Has([.. LinkNames, .. TitleNames, "Created date"]) : isMetrics ? h.Has("Date") : h.Has([.. LinkNames, "Date"]),
            HeaderSearchRows,
            cancellationToken);
        if (header is null)
        {
            return isPosts || isMetrics ? throw session.Table.Error(null, null, $"no header row found in the first {HeaderSearchRows} rows.") : null;
        }

        if (isPosts || header.Has([.. LinkNames, .. TitleNames]))
        {
            return new PostsMapper(session.Context, header);
        }

        return isMetrics || header.Has("Impressions (total)", "Impressions (organic)") ? new MetricsMapper(session.Context, header) : null;
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

    /// <summary>A day as LinkedIn writes it (text MM/DD/YYYY), as a re-save types it (ISO), or an Excel serial number.</summary>
    internal static bool TryDay(ReadOnlySpan<char> cell, string[] formats, out DateOnly day)
    {
        var text = cell.Trim();
        var cut = text.IndexOfAny(' ', 'T');
        if (cut > 0)
        {
            text = text[..cut];
        }

        if (DateOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            day = DateOnly.FromDateTime(DateTime.FromOADate(serial));
            return true;
        }

        return false;
    }

    private static bool IsSheet(string? name, string[] expected) => expected.Any(e => string.Equals(name?.Trim(), e, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A boosted post comes as adjacent Organic / Sponsored / Total rows with the same link: the group is held until
    /// the link changes and yields one record (the Total row when there is one), so the post counts once.
    /// </summary>
    private sealed class PostsMapper(ExportContext context, TableHeader header) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly string[] _dayFormats = DayFormats;
        private readonly TableColumn _link = header.Require(LinkNames);
        private readonly TableColumn _created = header.Require("Created date");
        private readonly TableColumn _title = header.Find(TitleNames);
        private readonly TableColumn _postType = header.Find("Post type", "Update type");
        private readonly TableColumn _contentType = header.Find("Content type");
        private readonly TableColumn _impressions = header.Find("Impressions");
        private readonly TableColumn _clicks = header.Find("Clicks");
        private readonly TableColumn _likes = header.Find("Likes");
        private readonly TableColumn _comments = header.Find("Comments");
        private readonly TableColumn _reposts = header.Find("Reposts", "Shares");
        private Pending? _pending;

        public override ExportRow? Map(ExportTable record)
        {
            _cells.Begin(record);
            var link = _cells.Text(_link);
            if (link is null && _cells.Text(_created) is null)
            {
                return null;
            }

            if (link is null)
            {
                return new RejectedRow(record.Line, _link.Index + 1, $"{_link.Name}: expected the post's URL, found an empty cell");
            }

            var isTotal = string.Equals(_cells.Text(_postType), "Total", StringComparison.OrdinalIgnoreCase);
            if (_pending is { } pending && pending.Link == link)
            {
                if (isTotal && !pending.IsTotal)
                {
                    _pending = new Pending(link, isTotal, Parse(record, link));
                }

                return null;
            }

            var previous = _pending?.Row;
            _pending = new Pending(link, isTotal, Parse(record, link));
            return previous;
        }

        public override IEnumerable<ExportRow> Complete() => _pending is { } last ? [last.Row] : [];

        private ExportRow Parse(ExportTable record, string link)
        {
            var created = _cells.Raw(_created, out var createdField);
            if (!TryDay(created, _dayFormats, out var day))
            {
                return new RejectedRow(record.Line, createdField + 1, $"{_created.Name}: expected a date MM/DD/YYYY, found '{TableCells.Shorten(created.Trim())}'");
            }

            var impressions = _cells.Count(_impressions, EmptyCell.Missing);
            var clicks = _cells.Count(_clicks, EmptyCell.Missing);
            var likes = _cells.Count(_likes, EmptyCell.Missing);
            var comments = _cells.Count(_comments, EmptyCell.Missing);
            var reposts = _cells.Count(_reposts, EmptyCell.Missing);
            if (_cells.Rejection is { } rejected)
            {
                return rejected;
            }

            return new PostRow(record.Line, context.NewPost(Channels.LinkedIn, LinkedInPostId(link), new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) with
            {
                SourceTimeZone = "UTC",
                Text = _cells.Text(_title),
                Permalink = link,
                ContentType = MapContentType(_cells.Text(_contentType)),
                Impressions = impressions,
                Clicks = clicks,
                Reactions = likes,
                Comments = comments,
                Shares = reposts,
            });
        }

        private sealed record Pending(string Link, bool IsTotal, ExportRow Row);
    }

    /// <summary>Total columns when the page ran ads; a page without ads may only have organic ones (or bare names).</summary>
    private sealed class MetricsMapper : TableRowMapper
    {
        private readonly ExportContext _context;
        private readonly TableCells _cells = new();
        private readonly string[] _dayFormats = DayFormats;
        private readonly TableColumn _date;
        private readonly List<(TableColumn Column, string Metric)> _columns = [];

        public MetricsMapper(ExportContext context, TableHeader header)
        {
            _context = context;
            _date = header.Require("Date");
            foreach (var (name, metric) in DailyColumns)
            {
                var column = header.Find($"{name} (total)", name, $"{name} (organic)");
                if (column.IsPresent && _columns.TrueForAll(c => c.Metric != metric))
                {
                    _columns.Add((column, metric));
                }
            }
        }

        public override ExportRow? Map(ExportTable record)
        {
            _cells.Begin(record);
            var date = _cells.Raw(_date, out var dateField);
            if (date.IsWhiteSpace())
            {
                return null;
            }

            if (!TryDay(date, _dayFormats, out var day))
            {
                return new RejectedRow(record.Line, dateField + 1, $"Date: expected a date MM/DD/YYYY, found '{TableCells.Shorten(date.Trim())}'");
            }

            var values = new List<DailyMetric>(_columns.Count);
            foreach (var (column, metric) in _columns)
            {
                if (_cells.Number(column, EmptyCell.Missing) is { } value)
                {
                    values.Add(_context.NewDaily(Channels.LinkedIn, metric, day, value));
                }
            }

            return _cells.Rejection ?? (ExportRow)new DailyRow(record.Line, values);
        }
    }
}
