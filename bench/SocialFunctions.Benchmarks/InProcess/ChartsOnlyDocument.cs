using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports;
using SocialFunctions.Reports.Metrics;
using SocialFunctions.Reports.Visuals;

namespace SocialFunctions.Benchmarks.InProcess;

/// <summary>
/// The charts of a report and nothing else: every channel's 13-month trend charts (the metrics ChannelSection picks),
/// the overview's three (engagements by channel drawn as a line here, reach, ER) and every series sparkline, two to a row,
/// on the report's page size. The floor under the report's PDF time.
/// </summary>
internal sealed class ChartsOnlyDocument(ReportModel model) : IDocument
{
    public DocumentMetadata Metadata { get; } = new() { Title = "charts", CreatedAt = model.GeneratedAt };

    public PageSetup Page { get; } = new() { Size = PageSetup.A4, HeaderHeight = 16, FooterHeight = 12, BandSpacing = 16 };

    public int Charts { get; private set; }

    public DocumentContent Compose()
    {
        var context = new ReportContext(model, new Typography(FontLibrary.Default));
        var charts = new List<Element>();
        foreach (var channel in model.Channels)
        {
            charts.AddRange(ReportMetric.Ordered(model.FunnelFocus)
                .Where(metric => TrendChart.HasData(channel.History, metric))
                .Take(SocialFunctions.Reports.Sections.ChannelSection.ChartsPerChannel)
                .Select(metric => (Element)TrendChart.Create(context, channel.History, metric, 100)));
        }

        var overview = model.Overview.History.Select(m => new MonthlyMetrics { Month = m.Month, Reach = m.Reach, Engagements = m.Engagements, EngagementRate = m.EngagementRate }).ToList();
        charts.AddRange(new[] { ReportMetric.Engagements, ReportMetric.Reach, ReportMetric.EngagementRate }
            .Where(metric => TrendChart.HasData(overview, metric))
            .Select(metric => (Element)TrendChart.Create(context, overview, metric, 100)));
        charts.AddRange(model.Series.Where(s => s.Trend.Any(w => w.EngagementRate is not null)).Select(s => (Element)Sparkline.Create(s.Trend, Palette.Accent)));
        Charts = charts.Count;
        var column = new Column { Spacing = 10 };
        for (var i = 0; i < charts.Count; i += 2)
        {
            var row = new Row { Spacing = 16 };
            foreach (var chart in charts.Skip(i).Take(2))
            {
                row.Relative(1, chart);
            }

            column.Add(row);
        }

        return new DocumentContent { Content = column };
    }
}
