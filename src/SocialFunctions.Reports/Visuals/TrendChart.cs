using ScottPlot;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Charts;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Visuals;

/// <summary>A 13-month line chart of one metric: months with no value are left out (a gap), never drawn as 0.</summary>
internal static class TrendChart
{
    public static bool HasData(IReadOnlyList<MonthlyMetrics> history, ReportMetric metric) =>
        history.Any(month => metric.Value(month) is not null);

    public static ChartElement Create(ReportContext context, IReadOnlyList<MonthlyMetrics> history, ReportMetric metric, float height)
    {
        var points = history
            .Select((month, index) => (Index: index, Value: metric.Value(month)))
            .Where(point => point.Value is not null)
            .ToList();
        var xs = points.Select(point => (double)point.Index).ToArray();
        var ys = points.Select(point => metric.Kind == MetricKind.DurationSeconds ? point.Value!.Value / 3600 : point.Value!.Value).ToArray();

        return new ChartElement(height, plot =>
        {
            var line = plot.Add.Scatter(xs, ys);
            line.Color = Colors(Palette.Accent);
            line.LineWidth = 1.6f;
            // Points only where a month stands alone between gaps; the line carries the rest (and keeps the PDF small).
            line.MarkerSize = 0;

            var present = points.Select(point => point.Index).ToHashSet();
            foreach (var point in points.Where(p => !present.Contains(p.Index - 1) && !present.Contains(p.Index + 1)))
            {
                var alone = plot.Add.Marker(point.Index, metric.Kind == MetricKind.DurationSeconds ? point.Value!.Value / 3600 : point.Value!.Value);
                alone.Color = Colors(Palette.Accent);
                alone.Size = 4;
                alone.Shape = MarkerShape.FilledCircle;
            }

            // The report month is the last point: make it stand out.
            if (points.Count > 0 && points[^1].Index == history.Count - 1)
            {
                var last = plot.Add.Marker(xs[^1], ys[^1]);
                last.Color = Colors(Palette.Navy);
                last.Size = 7;
                last.Shape = MarkerShape.FilledCircle;
            }

            Style(plot, context, history.Select(m => m.Month).ToList(), value => YLabel(context, metric, value));

            var low = ys.Length == 0 ? 0 : ys.Min();
            var high = ys.Length == 0 ? 1 : ys.Max();
            var bottom = low >= 0 ? 0 : low * 1.15;
            var top = high <= 0 ? 1 : high * 1.15;
            plot.Axes.SetLimits(-0.5, history.Count - 0.5, bottom, top);
        });
    }

    /// <summary>The report's chart look: white, light grid, muted 6.5 pt ticks, every other month labelled ending with the last.</summary>
    public static void Style(Plot plot, ReportContext context, IReadOnlyList<Core.Reporting.ReportMonth> months, Func<double, string> yLabel)
    {
        ArgumentNullException.ThrowIfNull(plot);
        var tickPositions = Enumerable.Range(0, months.Count).Where(i => (months.Count - 1 - i) % 2 == 0).Select(i => (double)i).ToArray();
        var tickLabels = tickPositions.Select(i => context.Format.ShortMonth(months[(int)i])).ToArray();
        plot.FigureBackground.Color = ScottPlot.Colors.White;
        plot.DataBackground.Color = ScottPlot.Colors.White;
        plot.Axes.Bottom.SetTicks(tickPositions, tickLabels);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 6.5f;
        plot.Axes.Bottom.TickLabelStyle.ForeColor = Colors(Palette.Muted);
        plot.Axes.Bottom.MajorTickStyle.Length = 2;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = yLabel, TargetTickCount = 4 };
        plot.Axes.Left.TickLabelStyle.FontSize = 6.5f;
        plot.Axes.Left.TickLabelStyle.ForeColor = Colors(Palette.Muted);
        plot.Axes.Left.MajorTickStyle.Length = 2;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.FrameLineStyle.Color = Colors(Palette.Rule);
            axis.FrameLineStyle.Width = 0.6f;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.MajorLineColor = Colors(Palette.Neutral);
        plot.Grid.MajorLineWidth = 0.5f;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
    }

    private static string YLabel(ReportContext context, ReportMetric metric, double value) => metric.Kind switch
    {
        MetricKind.Rate => (value * 100).ToString("0.#", context.Format.Culture) + "%",
        MetricKind.DurationSeconds => context.Format.Compact(value) + " h",
        _ => context.Format.Compact(value),
    };

    internal static ScottPlot.Color Colors(SkiaSharp.SKColor color) => new(color.Red, color.Green, color.Blue, color.Alpha);
}
