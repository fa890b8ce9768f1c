using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Ingest.Zip;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Formats;

/// <summary>
/// A TikTok Studio day series: one row per day, dates without a year (<c>"February 28"</c>, <c>"8 de marzo"</c>),
/// a value column per metric. A literal <c>undefined</c> (TikTok's first days) is a missing value, never 0.
/// </summary>
/// <param name="Name">Format id.</param>
/// <param name="DisplayName">What the warnings and errors call it.</param>
/// <param name="Metrics">
/// Column aliases → daily metric name; the first one identifies the series. Built at each call (once per header or
/// file), not in a static initializer, so mutation testing can reach the aliases (docs/testing.md).
/// </param>
internal sealed record TikTokSeries(string Name, string DisplayName, Func<(string[] Aliases, string Metric)[]> Metrics)
{
    /// <summary>The longest day series held in memory to resolve its years (TikTok offers 365 days; this is 27 years).</summary>
    public const int MaxDays = 10_000;

    public static TikTokSeries Overview { get; } = new(
        "tiktok-overview",
        "TikTok Studio overview",
        () =>
        [
            (TikTokColumns.VideoViews, DailyMetricNames.VideoViews),
            (TikTokColumns.ProfileViews, DailyMetricNames.ProfileViews),
            (TikTokColumns.Likes, DailyMetricNames.Reactions),
            (TikTokColumns.Comments, DailyMetricNames.Comments),
            (TikTokColumns.Shares, DailyMetricNames.Shares),
        ]);

    /// <summary>Total viewers are unique accounts: the channel's daily reach.</summary>
    public static TikTokSeries Viewers { get; } = new(
        "tiktok-viewers",
        "TikTok Studio viewers",
        () =>
        [
            (TikTokColumns.TotalViewers, DailyMetricNames.Reach),
            (TikTokColumns.NewViewers, "new-viewers"),
            (TikTokColumns.ReturningViewers, "returning-viewers"),
        ]);

    /// <summary>The daily follower count (the day-on-day difference is derived from it, so it is not stored twice).</summary>
    public static TikTokSeries Followers { get; } = new(
        "tiktok-follower-history",
        "TikTok Studio follower history",
        () => [(TikTokColumns.Followers, DailyMetricNames.Followers)]);

    public static IReadOnlyList<TikTokSeries> All { get; } = [Overview, Viewers, Followers];

    /// <summary>Date plus this series' identifying column (Overview also needs Profile Views, which no other file has).</summary>
    public bool IsHeader(TableHeader header) =>
        header.Has(TikTokColumns.Date) && header.Has(Metrics()[0].Aliases) && (this != Overview || header.Has(TikTokColumns.ProfileViews));

    /// <summary>The series whose header this is, if any.</summary>
    public static TikTokSeries? Of(TableHeader header) => All.FirstOrDefault(s => s.IsHeader(header));

    /// <summary>The entries of an export zip that hold one of the series, in archive order.</summary>
    public static IEnumerable<string> Entries(ExportProbe probe) =>
        ExportZip.IsExportZip(probe)
            ? ExportZip.CsvPreviews(probe.File).Where(e => e.Value.FindHeader(h => Of(h) is not null) is not null).Select(e => e.Key)
            : [];

    public TableRowMapper Bind(TableHeader header, ExportContext context, ExportDay exportDay, string fileName) =>
        new Mapper(this, header, context, exportDay, fileName);

    /// <summary>Holds the rows until the table ends: the year of each day follows from the newest one and the file's order.</summary>
    private sealed class Mapper(TikTokSeries series, TableHeader header, ExportContext context, ExportDay exportDay, string fileName) : TableRowMapper
    {
        private readonly TableCells _cells = new();
        private readonly TableColumn _date = header.Require(TikTokColumns.Date);
        private readonly (TableColumn Column, string Metric)[] _columns =
            [.. series.Metrics().Select(m => (header.Find(m.Aliases), m.Metric)).Where(c => c.Item1.IsPresent)];

        private readonly List<Pending> _rows = [];

        public override ExportRow? Map(ExportTable record)
        {
            if (_rows.Count == MaxDays)
            {
                throw record.Error(record.Line, null, $"more than {MaxDays:N0} days in one {series.DisplayName} file; TikTok exports at most a year: split the file");
            }

            _cells.Begin(record);
            var dateText = _cells.Raw(_date, out var dateField);
            if (!LocalizedDates.TryParse(dateText, out var date))
            {
                _rows.Add(new Pending(record.Line, null, [], new RejectedRow(
                    record.GetFieldLine(dateField),
                    dateField + 1,
                    $"{_date.Name}: expected a date such as 'October 31', found '{TableCells.Shorten(dateText.Trim())}'")));
                return null;
            }

            var values = new List<(string, double)>(_columns.Length);
            foreach (var (column, metric) in _columns)
            {
                if (_cells.Number(column, EmptyCell.Missing) is { } value)
                {
                    values.Add((metric, value));
                }
            }

            // A bad cell rejects the whole day: never a partial day silently stored.
            _rows.Add(new Pending(record.Line, date, values, _cells.Rejection));
            return null;
        }

        public override IEnumerable<ExportRow> Complete()
        {
            var dated = _rows.Where(r => r.Date is not null).ToList();
            var (days, anchor) = YearlessDays.ResolveSeries([.. dated.Select(r => r.Date!.Value)], exportDay, fileName);
            if (anchor.Anchor == YearAnchor.UploadTime && days.Length > 0)
            {
                context.Warnings.Add(YearlessDays.UploadDayWarning($"{series.DisplayName} ({fileName})", days.Min(), days.Max(), anchor));
            }

            var next = 0;
            foreach (var row in _rows)
            {
                if (row.Date is null)
                {
                    yield return row.Rejected!;
                    continue;
                }

                var day = days[next++];
                yield return row.Rejected
                    ?? (ExportRow)new DailyRow(row.Line, [.. row.Values.Select(v => context.NewDaily(Channels.TikTok, v.Metric, day, v.Value))]);
            }
        }

        private sealed record Pending(int Line, LocalizedDates.PartialDate? Date, List<(string Metric, double Value)> Values, RejectedRow? Rejected);
    }
}

/// <summary>
/// A TikTok Studio day-series export on its own (Overview, Viewers or Follower history; CSV, or a zip without a
/// Content file): daily account series of the channel, every series file of the zip read.
/// </summary>
public sealed class TikTokSeriesReader : TableExportReader
{
    private readonly TikTokSeries _series;

    private TikTokSeriesReader(TikTokSeries series)
    {
        _series = series;
        Format = new ExportFormatInfo(
            series.Name,
            series.DisplayName,
            Channels.TikTok,
            ExportKind.Daily,
            ["Date", .. series.Metrics().Select(m => m.Aliases[0])]);
    }

    public static TikTokSeriesReader Overview { get; } = new(TikTokSeries.Overview);

    public static TikTokSeriesReader Viewers { get; } = new(TikTokSeries.Viewers);

    public static TikTokSeriesReader Followers { get; } = new(TikTokSeries.Followers);

    public override ExportFormatInfo Format { get; }

    public override double Match(ExportProbe probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Container == ExportContainer.Text)
        {
            return probe.Csv?.FindHeader(_series.IsHeader) is not null ? 0.9 : 0;
        }

        // A zip with a Content file belongs to the content reader, which reads the series entries as well.
        return TikTokContentReader.FindContentEntry(probe) is null
            && TikTokSeries.Entries(probe).FirstOrDefault() is { } first
            && ExportZip.CsvPreviews(probe.File)[first].FindHeader(_series.IsHeader) is not null
                ? 0.85
                : 0;
    }

    protected override IEnumerable<ExportTable> OpenTables(ExportProbe probe) =>
        probe.Container == ExportContainer.Zip
            ? TikTokSeries.Entries(probe).Select(entry => ExportTables.ZipEntry(probe, entry))
            : base.OpenTables(probe);

    protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
    {
        var header = await session.ReadHeaderAsync(cancellationToken);
        var series = TikTokSeries.Of(header) ?? _series;
        return series.Bind(header, session.Context, TikTokContentReader.ExportDayOf(session.Probe, session.Context), session.FileName);
    }
}
