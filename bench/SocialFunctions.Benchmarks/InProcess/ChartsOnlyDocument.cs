using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports;
using SocialFunctions.Reports.Metrics;
using SocialFunctions.Reports.Sections;
using SocialFunctions.Reports.Visuals;

namespace SocialFunctions.Benchmarks.InProcess;

/// <summary>
/// The charts of a report and nothing else, each built by the same code, at the same size and in the same layout as in
/// the report: the overview's stacked engagements (full width) and its reach and ER charts (two to a row), every
/// channel's trend charts (the metrics <see cref="ChannelSection"/> picks, two to a row) and every series sparkline (the
/// series table's 50-point column), on the report's paper size, through the same renderer (two passes, font subsets).
/// No text, tables or cards: the floor under the report's PDF time.
/// </summary>
internal sealed class ChartsOnlyDocument(ReportModel model) : IDocument
{
    /// <summary>The width of the series table's "weekly trend" column (SeriesSection) less its cell padding.</summary>
    private const float SparklineWidth = 50 - (2 * 5f);

    public DocumentMetadata Metadata { get; } = new() { Title = "charts", CreatedAt = model.GeneratedAt };

    public PageSetup Page { get; } = new()
    {
        Size = model.PaperSize == Core.Brands.PaperSize.Letter ? PageSetup.Letter : PageSetup.A4,
        HeaderHeight = 16,
        FooterHeight = 12,
        BandSpacing = 16,
    };

    public int Charts { get; private set; }

    public DocumentContent Compose()
    {
        var context = new ReportContext(model, new Typography(FontLibrary.Default));
        var column = new Column { Spacing = 10 };
        var charts = 0;
        void AddPairs(IReadOnlyList<Element> elements)
        {
            for (var i = 0; i < elements.Count; i += 2)
            {
                var row = new Row { Spacing = 16 };
                row.Relative(1, elements[i]);
                row.Relative(1, i + 1 < elements.Count ? elements[i + 1] : CanvasElement.Space(1));
                column.Add(row);
            }

            charts += elements.Count;
        }

        var overview = model.Overview;
        if (overview.Total is not null && overview.History.Count > 0)
        {
            column.Add(OverviewSection.StackedEngagements(context, overview.History, OverviewSection.StackChannels(model)));
            charts++;
            var history = OverviewSection.History(overview);
            AddPairs(new[] { ReportMetric.Reach, ReportMetric.EngagementRate }
                .Where(metric => TrendChart.HasData(history, metric))
                .Select(metric => (Element)OverviewSection.LineChart(context, history, metric)).ToList());
        }

        foreach (var channel in model.Channels)
        {
            AddPairs(ReportMetric.AvailableFor(channel, ReportMetric.Ordered(model.FunnelFocus))
                .Where(metric => TrendChart.HasData(channel.History, metric))
                .Take(ChannelSection.ChartsPerChannel)
                .Select(metric => (Element)TrendChart.Create(context, channel.History, metric, ChannelSection.ChartHeight)).ToList());
        }

        foreach (var series in model.Series.Where(s => s.Trend.Any(w => w.EngagementRate is not null)))
        {
            column.Add(new Row().Fixed(SparklineWidth, Sparkline.Create(series.Trend, Palette.Accent)));
            charts++;
        }

        Charts = charts;
        return new DocumentContent { Content = column };
    }
}
