using ScottPlot;
using SkiaSharp;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Charts;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Metrics;
using SocialFunctions.Reports.Visuals;

namespace SocialFunctions.Reports.Sections;

/// <summary>
/// How content performs overall: 13 months of all channels (engagements stacked by channel, total reach, overall ER),
/// each channel's share of the month's engagement, and what works — ER by format, weekday and hour, this month against
/// the three months before, with each slice against its channels' average — closed by one plain sentence of advice.
/// </summary>
internal sealed class OverviewSection(ReportContext context) : IComponent
{
    private const float StackHeight = 120;
    private const float LineHeight = 84;

    public Element Compose()
    {
        var labels = context.Labels;
        var overview = context.Model.Overview;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.Overview, labels.OverviewLead), keepWithNext: true);
        if (overview.Total is null || overview.History.Count == 0)
        {
            return column.Add(Blocks.EmptyNote(context, labels.NoOverview)).Named("overview");
        }

        var history = History(overview);
        var channels = StackChannels(context.Model);

        column.Add(new TextBlock($"{labels.EngagementsByChannel} · {labels.Trend13Months}", context.Typography.ChartTitle), keepWithNext: true);
        column.Add(StackedEngagements(context, overview.History, channels).Named("chart-overview-engagements"), keepWithNext: true);
        column.Add(Legend(channels));
        var lines = new Row { Spacing = 16 };
        foreach (var (metric, title) in new[] { (ReportMetric.Reach, labels.TotalReach), (ReportMetric.EngagementRate, labels.OverallEngagementRate) })
        {
            lines.Relative(1, TrendChart.HasData(history, metric)
                ? new Column { Spacing = 2 }.Add(new TextBlock(title, context.Typography.ChartTitle)).Add(LineChart(context, history, metric).Named($"chart-overview-{metric.Key}"))
                : CanvasElement.Space(1));
        }

        column.Add(lines);
        if (overview.EngagementShares.Count > 0)
        {
            column.Add(Blocks.Heading(context, labels.EngagementShare), keepWithNext: true);
            column.Add(ShareTable(overview.EngagementShares));
        }

        column.Add(new PageBreak());
        column.Add(Blocks.SectionTitle(context, labels.WhatWorks, labels.WhatWorksLead), keepWithNext: true);
        column.Add(new TextBlock(OverviewWords.Advice(overview, context.Model.Locale), context.Typography.BodyBold).Named("advice")
            .Card(Palette.Panel, 9, accent: Palette.Accent));
        if (overview.ByContentType.Count + overview.ByWeekday.Count + overview.ByHour.Count == 0)
        {
            return column.Add(Blocks.EmptyNote(context, labels.NoSlices)).Named("overview");
        }

        foreach (var (slices, heading, name) in new[]
        {
            (overview.ByContentType, labels.Format, "format-table"),
            (overview.ByWeekday, labels.Day, "weekday-table"),
            (overview.ByHour, labels.TimeOfDay, "hour-table"),
        })
        {
            if (slices.Count > 0)
            {
                column.Add(SliceTable(slices, heading).Named(name));
            }
        }

        return column.Named("overview");
    }

    /// <summary>The overview's 13 months as the line charts read them.</summary>
    internal static List<MonthlyMetrics> History(ContentOverview overview) => overview.History.Select(m => new MonthlyMetrics
    {
        Month = m.Month,
        Posts = m.Posts,
        Impressions = m.Impressions,
        Reach = m.Reach,
        Engagements = m.Engagements,
        EngagementRate = m.EngagementRate,
    }).ToList();

    /// <summary>The channels stacked in the engagements chart, in the report's channel order.</summary>
    internal static List<string> StackChannels(ReportModel model) => model.Overview.History
        .SelectMany(m => m.EngagementsByChannel.Keys).Distinct(StringComparer.Ordinal)
        .OrderBy(c => model.Channels.ToList().FindIndex(t => t.Channel == c)).ToList();

    /// <summary>The overview's reach or ER chart (shared with the benchmark's charts-alone document).</summary>
    internal static ChartElement LineChart(ReportContext context, IReadOnlyList<MonthlyMetrics> history, ReportMetric metric) =>
        TrendChart.Create(context, history, metric, LineHeight);

    /// <summary>Engagements stacked by channel, month by month (shared with the benchmark's charts-alone document).</summary>
    internal static ChartElement StackedEngagements(ReportContext context, IReadOnlyList<OverviewMonth> months, IReadOnlyList<string> channels) => new(StackHeight, plot =>
    {
        var bars = new List<Bar>();
        for (var i = 0; i < months.Count; i++)
        {
            double stacked = 0;
            foreach (var channel in channels)
            {
                if (months[i].EngagementsByChannel.TryGetValue(channel, out var value) && value > 0)
                {
                    bars.Add(new Bar
                    {
                        Position = i,
                        ValueBase = stacked,
                        Value = stacked + value,
                        FillColor = TrendChart.Colors(ChannelPalette.Of(channel)),
                        LineWidth = 0,
                        Size = 0.7,
                    });
                    stacked += value;
                }
            }
        }

        plot.Add.Bars(bars);
        var top = months.Max(m => (double)m.EngagementsByChannel.Values.Sum());
        TrendChart.Style(plot, context, months.Select(m => m.Month).ToList(), value => context.Format.Compact(value));
        plot.Axes.SetLimits(-0.6, months.Count - 0.4, 0, top <= 0 ? 1 : top * 1.1);
    });

    private Row Legend(List<string> channels)
    {
        var row = new Row { Spacing = 10 };
        foreach (var channel in channels)
        {
            var color = ChannelPalette.Of(channel);
            row.Relative(1, new Row { Spacing = 4 }
                .Fixed(8, new CanvasElement(8, (canvas, area) =>
                {
                    using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
                    canvas.DrawRoundRect(area, 1.5f, 1.5f, fill);
                }))
                .Relative(1, new TextBlock(ReportContext.ChannelName(channel), context.Typography.TableCellMuted) { MaxLines = 1 }));
        }

        for (var i = channels.Count; i < 6; i++)
        {
            row.Relative(1, CanvasElement.Space(1));
        }

        return row;
    }

    private Table ShareTable(IReadOnlyList<EngagementShare> shares)
    {
        var labels = context.Labels;
        var format = context.Format;
        var table = Blocks.NewTable([TableColumn.Points(90), TableColumn.Points(80), TableColumn.Points(56), TableColumn.Share(1)]);
        table.Header(
            Blocks.HeaderCell(context, labels.Channel),
            Blocks.HeaderCell(context, context.MetricName("engagements"), TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Share, TextAlignment.Right),
            Blocks.HeaderCell(context, string.Empty));
        var largest = shares.Max(s => s.Share);
        foreach (var share in shares)
        {
            var color = ChannelPalette.Of(share.Channel);
            var fraction = largest > 0 ? share.Share / largest : 0;
            table.AddRow(
                Blocks.Cell(ReportContext.ChannelName(share.Channel), context.Typography.TableCellBold),
                Blocks.Number(context, format.Count(share.Engagements)),
                new TextBlock(format.Rate(share.Share), context.Typography.TableCellBold) { Alignment = TextAlignment.Right }.Named("share-value"),
                Bar(color, fraction));
        }

        return table.Named("share-table");
    }

    private static CanvasElement Bar(SKColor color, double fraction) => new(9, (canvas, area) =>
    {
        using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(area.Left, area.Top + 1, area.Left + (float)(area.Width * Math.Clamp(fraction, 0, 1)), area.Bottom - 1), 1.5f, 1.5f, fill);
    });

    private Table SliceTable(IReadOnlyList<ContentSlice> slices, string heading)
    {
        var labels = context.Labels;
        var format = context.Format;
        var type = context.Typography;
        var table = Blocks.NewTable([
            TableColumn.Share(1.2f), TableColumn.Points(46), TableColumn.Points(60), TableColumn.Points(46), TableColumn.Points(66),
            TableColumn.Points(66), TableColumn.Share(1),
        ]);
        table.Header(
            Blocks.HeaderCell(context, heading),
            Blocks.HeaderCell(context, labels.PostsColumn, TextAlignment.Right),
            Blocks.HeaderCell(context, $"{labels.RateShort} {labels.MonthColumn}", TextAlignment.Right),
            Blocks.HeaderCell(context, labels.PostsColumn, TextAlignment.Right),
            Blocks.HeaderCell(context, $"{labels.RateShort} {labels.PriorColumn}", TextAlignment.Right),
            Blocks.HeaderCell(context, labels.VsChannelAverage, TextAlignment.Right),
            Blocks.HeaderCell(context, string.Empty));
        var advised = context.Model.Overview.Advice.ToDictionary(a => (a.Dimension, a.Key), a => a.More);
        foreach (var slice in slices)
        {
            var lift = slice.Lift is { } l ? l - 1 : (double?)null;
            SkiaSharp.SKColor? background = advised.TryGetValue((slice.Dimension, slice.Key), out var more) ? (more ? Palette.PositiveLight : Palette.NegativeLight) : null;
            table.AddRow(
                background,
                Blocks.Cell(OverviewWords.SliceName(slice, context.Model.Locale), type.TableCellBold),
                Blocks.Number(context, format.Count(slice.Posts)),
                Blocks.Number(context, format.Rate(slice.EngagementRate)).Named("slice-er"),
                Blocks.Number(context, format.Count(slice.PriorPosts)),
                Blocks.Number(context, format.Rate(slice.PriorEngagementRate)),
                new TextBlock(format.Change(lift), type.Change(type.TableCellBold, lift)) { Alignment = TextAlignment.Right }.Named("slice-lift"),
                LiftBar(lift));
        }

        return table;
    }

    /// <summary>A bar left of the middle for a slice below its channels' average, right of it above (±60 % fills a half).</summary>
    private static CanvasElement LiftBar(double? lift) => new(9, (canvas, area) =>
    {
        using var axis = new SKPaint { Color = Palette.Rule, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(area.MidX, area.Top, area.MidX, area.Bottom, axis);
        if (lift is not { } value)
        {
            return;
        }

        var half = area.Width / 2;
        var length = (float)(Math.Clamp(value / 0.6, -1, 1) * half);
        using var fill = new SKPaint { Color = value >= 0 ? Palette.Positive : Palette.Negative, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(length >= 0 ? new SKRect(area.MidX, area.Top + 1.5f, area.MidX + length, area.Bottom - 1.5f) : new SKRect(area.MidX + length, area.Top + 1.5f, area.MidX, area.Bottom - 1.5f), fill);
    });
}
