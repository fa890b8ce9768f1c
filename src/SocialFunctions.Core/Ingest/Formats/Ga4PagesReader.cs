using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// Google Analytics 4 report CSV for the blog: a <c>#</c> comment preamble (report, account, property,
/// <c>Start date: 20260901</c>, <c>End date: 20261031</c>), then one row per page → range aggregates on channel
/// <c>blog</c>: impressions ← Views, reach ← Active users; postId ← page path (stable across exports), text ← page
/// title when the report has one.
/// </summary>
/// <remarks>
/// GA4 lists path strings apart that are one page here: a real report held <c>/blog/post/garden-edging-ideas</c> (4 views)
/// and <c>/blog/post/garden-edging-ideas </c> (20 views, a trailing space from a mistyped link). Both key the same post,
/// and the store keeps one row per key, so the second would silently overwrite the first: rows of one page are added
/// up into one (views and users summed) and the answer warns. A secondary dimension (Country, Device category…) lists
/// each page once per value, and the same sum gives the page's total. A repeat is emitted with the page's sums so far,
/// and the store keeps a key's last row.
/// </remarks>
public sealed class Ga4PagesReader : TableExportReader
{
    // Header tables are built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    // German, French, Spanish and Portuguese names are GA4's translations as seen in guides and others' parsers, not yet
    // in a real download (docs/exports.md).
    private static string[] PathColumns =>
    [
        "Page path and screen class", "Page path + query string and screen class", "Page path", "Page path + query string", "Page location", "Landing page", "Landing page + query string",
        "Seitenpfad und Bildschirmklasse", "Chemin de la page et classe de l'écran", "Chemin de la page et classe d’écran", "Chemin de la page et classe de l’écran",
        "Ruta de la página y clase de pantalla", "Caminho da página e classe de tela",
    ];

    private static string[] TitleColumns =>
    [
        "Page title and screen class", "Page title", "Page title and screen name",
        "Seitentitel und Bildschirmklasse", "Titre de la page et classe de l'écran", "Titre de la page et classe de l’écran",
        "Título de la página y clase de pantalla", "Título da página e classe de tela",
    ];

    private static string[] ViewColumns => ["Views", "Aufrufe", "Vues", "Vistas", "Visualizações"];

    private static string[] ReachColumns => ["Active users", "Users", "Total users", "Aktive Nutzer", "Utilisateurs actifs", "Usuarios activos", "Usuários ativos"];

    public override ExportFormatInfo Format { get; } = new(
        "ga4-pages",
        "Google Analytics 4 pages report",
        Channels.Blog,
        ExportKind.Range,
        ["Page path and screen class", "Views", "Active users", "Views per active user", "Average engagement time per active user", "Event count", "Key events", "Total revenue"]);

    protected override double Match(CsvPreview preview)
    {
        if (KnownExports.IsGa4ReportsSnapshot(preview))
        {
            // Its pages table lists only the top rows: reading it would undercount (see KnownExports).
            return 0;
        }

        var commented = preview.Records.Count > 0 && preview.Records[0].Fields[0].StartsWith('#');
        var (paths, titles, views) = (PathColumns, TitleColumns, ViewColumns);
        var header = preview.FindHeader(h => IsPagesHeader(h, paths, titles, views), within: CsvPreview.MaxRecords);
        return header is null ? 0 : commented ? 0.95 : 0.8;
    }

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var csv = session.Table;
        DateOnly? start = null;
        DateOnly? end = null;
        var commentDates = new List<DateOnly>(2);
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.IsTruncated)
            {
                throw csv.Error(csv.TruncatedLine, csv.TruncatedField + 1, TruncatedMessage);
            }

            if (csv.IsBlank)
            {
                continue;
            }

            var first = csv.GetSpan(0).Trim();
            if (first.StartsWith('#'))
            {
                start ??= DateAfter(first, "Start date:");
                end ??= DateAfter(first, "End date:");
                if (CommentDate(first) is { } date)
                {
                    commentDates.Add(date);
                }

                continue;
            }

            var header = TableHeader.From(csv);
            var paths = PathColumns;
            var key = header.Find(paths);
            var title = header.Find(TitleColumns);
            if (!key.IsPresent && !title.IsPresent)
            {
                header.Require(paths);
            }

            var views = header.Require(ViewColumns);
            if ((start is null || end is null) && commentDates.Count == 2 && commentDates[0] <= commentDates[1])
            {
                // Another UI language labels them ("# Startdatum: 20261001"): the preamble's only two dates, in order.
                (start, end) = (commentDates[0], commentDates[1]);
            }

            if (start is null || end is null)
            {
                if (!ExportDates.TryRangeFromName(session.FileName, out var from, out var to))
                {
                    throw new ExportFormatException(session.FileName, header.Line, null, "the report's date range is unknown: expected '# Start date: YYYYMMDD' and '# End date: YYYYMMDD' in the comment lines above the header");
                }

                (start, end) = (from, to);
            }

            return new Mapper(session.Context, start.Value, end.Value, key, title, views, header.Find(ReachColumns));
        }

        throw new ExportFormatException(session.FileName, null, null, "the file has no header row after its # comment lines");
    }

    private static bool IsPagesHeader(TableHeader header, string[] paths, string[] titles, string[] views) =>
        header.Has(views) && (header.Has(paths) || header.Has(titles));

    /// <summary>The date of a comment line ending <c>: 20261001</c>, whatever its label's language.</summary>
    private static DateOnly? CommentDate(ReadOnlySpan<char> comment)
    {
        var colon = comment.LastIndexOf(':');
        return colon < 0 ? null : DateAfter(comment[colon..], ":");
    }

    private static DateOnly? DateAfter(ReadOnlySpan<char> comment, string label)
    {
        var at = comment.IndexOf(label, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var value = comment[(at + label.Length)..].Trim();
        return DateOnly.TryParseExact(value, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private sealed class Mapper(
        ExportContext context,
        DateOnly from,
        DateOnly to,
        TableColumn path,
        TableColumn title,
        TableColumn views,
        TableColumn users) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly DateTimeOffset _rangeStart = ExportDates.StartOfDayUtc(from, context.BrandTimeZone);
        // The sums so far of each page read: a repeat of the page is emitted with them added (the store keeps a key's
        // last row), so rows stream instead of waiting for the table's end. Keyed by the page key's XxHash3, not the string:
        // a dictionary of 140,000 strings held through the read made every young collection scan it (GA4's parse at
        // ~60 MB/s instead of ~130, BENCHMARKS.md). Two pages of one report sharing a 64-bit hash: ~10⁻⁹ at 140,000 pages.
        private readonly Dictionary<ulong, (long? Views, long? Users)> _pages = [];
        private int _merged;
        private string? _firstMerged;
        private bool _tableEnded;

        public override ExportRow? Map(ExportTable record)
        {
            if (_tableEnded)
            {
                return null;
            }

            if (record.GetSpan(0).TrimStart().StartsWith('#'))
            {
                // A second table (GA4 appends more when several were selected) starts with its own comments.
                _tableEnded = true;
                return null;
            }

            _cells.Begin(record);
            var pagePath = _cells.Text(path);
            var pageTitle = _cells.Text(title);
            var key = pagePath ?? pageTitle;
            if (key is null || key.Equals("Grand total", StringComparison.OrdinalIgnoreCase) || key.Equals("Total", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            // The path is stable across exports and ranges; a title-only report hashes the title instead.
            var post = context.NewRangeItem(Channels.Blog, pagePath ?? PostIds.FromContent(_rangeStart, pageTitle), _rangeStart, from, to) with
            {
                Text = pageTitle,
                ContentType = ContentTypes.Article,
                Impressions = _cells.Count(views, EmptyCell.Missing),
                Reach = _cells.Count(users, EmptyCell.Missing),
            };

            if (_cells.Rejection is { } rejected)
            {
                return rejected;
            }

            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(_pages, XxHash3.HashToUInt64(MemoryMarshal.AsBytes(post.PostId.AsSpan())), out var seen);
            if (seen)
            {
                post = post with { Impressions = Add(sums.Views, post.Impressions), Reach = Add(sums.Users, post.Reach) };
                _merged++;
                _firstMerged ??= key;
            }

            sums = (post.Impressions, post.Reach);
            return new PostRow(record.Line, post);
        }

        public override IEnumerable<ExportRow> Complete()
        {
            if (_merged > 0)
            {
                context.Warnings.Add($"{_merged} row(s) repeated a page already listed (first: '{_firstMerged}'): GA4 lists a page once per value of a secondary dimension, and apart when its path differs only by spaces; the report keeps one row per page, so their views and users were added up");
            }

            return [];
        }

        private static long? Add(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
    }
}
