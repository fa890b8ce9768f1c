using System.Globalization;
using SocialFunctions.Core.Ingest.Spreadsheets;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// A LinkedIn member's creator analytics (<c>Content_&lt;from&gt;_&lt;to&gt;_&lt;Name&gt;.xlsx</c>, an executive's or
/// employee's profile): sheet <c>ENGAGEMENT</c> → daily impressions and engagements, sheet <c>FOLLOWERS</c> → daily new
/// followers and the follower total on the day its first line names. <c>TOP POSTS</c> is not read as posts: two lists of
/// at most 50 posts (by engagements, by impressions; a post may be in one only), counted over the export's range (posts
/// published before the range appear), so it can stand neither for the profile's posts nor for their lifetime metrics.
/// <c>DISCOVERY</c> (the range's totals) and <c>DEMOGRAPHICS</c> are not read either; the answer says so. Real files
/// write days as text M/D/YYYY, in no guaranteed order, and an engagements count may be negative (docs/exports.md).
/// </summary>
public sealed class LinkedInCreatorReader : TableExportReader
{
    private const string EngagementSheet = "ENGAGEMENT";
    private const string FollowersSheet = "FOLLOWERS";
    private const string TotalFollowersLabel = "Total followers on";

    /// <summary>How many non-blank rows from the top a header may take (FOLLOWERS has its total line above it).</summary>
    private const int HeaderSearchRows = 5;

    // Built per read, not in static initializers, so mutation testing can reach them (docs/testing.md).
    private static string[] OtherSheets => ["DISCOVERY", "TOP POSTS", "DEMOGRAPHICS"];

    private static string[] NotReadWhy =>
    [
        "its totals over the export's range (impressions, members reached) are not daily values; the days were read from ENGAGEMENT",
        "its two top-50 lists (by engagements, by impressions) count over the export's range, not the posts' lifetimes, leave out every post below the lists and give engagements without reactions, comments and reposts, so they cannot stand for the profile's posts",
        "audience demographics are not used by the report",
    ];

    public override ExportFormatInfo Format { get; } = new(
        "linkedin-creator",
        "LinkedIn creator analytics (.xlsx)",
        Channels.LinkedIn,
        ExportKind.Daily,
        ["Date", "Impressions", "Engagements", "New followers"]);

    public override double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (!Workbook.IsWorkbook(probe))
        {
            return 0;
        }

        try
        {
            var names = new List<string>();
            using (var reader = Workbook.Open(probe.File))
            {
                do
                {
                    names.Add(reader.Name?.Trim() ?? string.Empty);
                }
                while (reader.NextResult());
            }

            var engagement = names.Exists(n => IsSheet(n, EngagementSheet));
            var companion = names.Exists(n => IsSheet(n, FollowersSheet) || Array.Exists(OtherSheets, o => IsSheet(n, o)));
            return engagement && companion ? 0.95 : 0;
        }
        catch (ExportFormatException)
        {
            return 0.05;
        }
        catch (Exception ex) when (Workbook.IsReaderFailure(ex))
        {
            return 0.05;
        }
    }

    protected override IEnumerable<ExportTable> OpenTables(ExportProbe probe) => ExportTables.Sheets(probe);

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var sheet = ((SheetTable)session.Table).SheetName;
        var counts = new NegativeCounts(session.Context, sheet);
        if (IsSheet(sheet, EngagementSheet))
        {
            var header = await session.ReadHeaderAsync(h => h.Has("Date") && h.Has("Impressions", "Engagements"), HeaderSearchRows, cancellationToken)
                ?? throw session.Table.Error(null, null, $"no header row (Date, Impressions, Engagements) found in the first {HeaderSearchRows} rows.");
            session.Context.Warnings.Add(
                "LinkedIn creator analytics describe a member's profile: its daily impressions, engagements and followers are stored as this brand's LinkedIn daily series, "
                + "and replace a LinkedIn Page export's for the same days — upload a person's analytics under a brand of their own");
            return new DailyMapper(session.Context, header.Require("Date"), [(header.Require("Impressions"), DailyMetricNames.Impressions), (header.Require("Engagements"), DailyMetricNames.Engagements)], counts, null);
        }

        if (IsSheet(sheet, FollowersSheet))
        {
            return await BindFollowersAsync(session, counts, cancellationToken);
        }

        var other = Array.FindIndex(OtherSheets, o => IsSheet(sheet, o));
        session.Context.Warnings.Add(other >= 0
            ? $"sheet '{sheet}' was not read: {NotReadWhy[other]}"
            : $"sheet '{sheet}' was not read: it is not part of LinkedIn's creator analytics");
        return null;
    }

    private static async ValueTask<TableRowMapper> BindFollowersAsync(TableSession session, NegativeCounts counts, CancellationToken cancellationToken)
    {
        var table = session.Table;
        ExportRow? total = null;
        var seen = 0;
        while (seen < HeaderSearchRows && await table.ReadAsync(cancellationToken))
        {
            if (table.IsBlank)
            {
                continue;
            }

            seen++;
            var header = TableHeader.From(table);
            if (header.Has("Date") && header.Has("New followers"))
            {
                return new DailyMapper(session.Context, header.Require("Date"), [(header.Require("New followers"), DailyMetricNames.NewFollowers)], counts, total);
            }

            total ??= TotalFollowers(table, session.Context);
        }

        throw table.Error(null, null, $"no header row (Date, New followers) found in the first {HeaderSearchRows} rows.");
    }

    /// <summary>
    /// <c>Total followers on 4/30/2024:</c> and the count beside it: the followers on that day (the range's last). Null
    /// for any other line above the header.
    /// </summary>
    private static ExportRow? TotalFollowers(ExportTable table, ExportContext context)
    {
        var label = table.GetSpan(0).Trim();
        if (!label.StartsWith(TotalFollowersLabel, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var dayText = label[TotalFollowersLabel.Length..].TrimEnd(':').Trim();
        if (!LinkedInContentReader.TryDay(dayText, LinkedInContentReader.DayFormats, out var day))
        {
            return new RejectedRow(table.Line, 1, $"{TotalFollowersLabel}: expected a date M/D/YYYY, found '{TableCells.Shorten(dayText)}'");
        }

        var value = table.GetSpan(1).Trim();
        if (!ExportNumbers.TryParseCount(value, decimalComma: false, out var followers) || followers < 0)
        {
            return new RejectedRow(table.Line, 2, $"{TotalFollowersLabel} {dayText}: expected a number of followers, found '{TableCells.Shorten(value)}'");
        }

        return new DailyRow(table.Line, [context.NewDaily(Channels.LinkedIn, DailyMetricNames.Followers, day, followers)]);
    }

    private static bool IsSheet(string? name, string expected) => string.Equals(name?.Trim(), expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>One day per row: its date and counts. A negative count is left out of the day and reported once per sheet.</summary>
    private sealed class DailyMapper(ExportContext context, TableColumn date, (TableColumn Column, string Metric)[] columns, NegativeCounts negatives, ExportRow? held)
        : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly string[] _dayFormats = LinkedInContentReader.DayFormats;

        public override ExportRow? Map(ExportTable record)
        {
            _cells.Begin(record);
            var cell = _cells.Raw(date, out var dateField);
            if (cell.IsWhiteSpace())
            {
                return null;
            }

            if (!LinkedInContentReader.TryDay(cell, _dayFormats, out var day))
            {
                return new RejectedRow(record.Line, dateField + 1, $"{date.Name}: expected a date M/D/YYYY, found '{TableCells.Shorten(cell.Trim())}'");
            }

            var values = new List<DailyMetric>(columns.Length);
            var dropped = new List<(string Column, long Value)>();
            foreach (var (column, metric) in columns)
            {
                if (_cells.Count(column, EmptyCell.Missing) is not { } value)
                {
                    continue;
                }

                if (value < 0)
                {
                    dropped.Add((column.Name, value));
                    continue;
                }

                values.Add(context.NewDaily(Channels.LinkedIn, metric, day, value));
            }

            if (_cells.Rejection is { } rejected)
            {
                return rejected;
            }

            foreach (var (column, value) in dropped)
            {
                negatives.Add(day, column, value);
            }

            return new DailyRow(record.Line, values);
        }

        public override IEnumerable<ExportRow> Complete()
        {
            negatives.Warn();
            return held is null ? [] : [held];
        }
    }

    /// <summary>
    /// Negative counts of a sheet (a real export wrote −87 engagements beside 1,172 impressions): not a value a count can
    /// have, so not stored, and named in one warning with how many and the first.
    /// </summary>
    private sealed class NegativeCounts(ExportContext context, string sheet)
    {
        private int _count;
        private (DateOnly Day, string Column, long Value) _first;

        public void Add(DateOnly day, string column, long value)
        {
            if (_count++ == 0 || day < _first.Day)
            {
                _first = (day, column, value);
            }
        }

        public void Warn()
        {
            if (_count > 0)
            {
                context.Warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"sheet '{sheet}': {_count} negative count(s) not stored, the earliest {_first.Column} {_first.Value} on {_first.Day:yyyy-MM-dd} (LinkedIn writes them; a count cannot be below zero); those days' other values were stored"));
            }
        }
    }
}
