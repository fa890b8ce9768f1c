using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Metrics;
using SocialFunctions.Reports.Visuals;

namespace SocialFunctions.Reports.Sections;

/// <summary>
/// One page per channel: KPI tiles and 13-month charts of the funnel focus's metrics first, then every metric against
/// the previous month, the rolling three months and last year. Only metrics the channel's exports provide appear (no tile
/// or row of dashes); a channel with daily account series only (Pinterest) shows the sums of its days, and says so.
/// </summary>
internal sealed class ChannelSection(ReportContext context, ChannelTrend channel) : IComponent
{
    /// <summary>Trend charts per channel page: the two lead metrics the channel has (the table below holds the rest).</summary>
    internal const int ChartsPerChannel = 2;

    internal const float ChartHeight = 100;

    public Element Compose()
    {
        var labels = context.Labels;
        var type = context.Typography;
        var components = channel.Components.Count == 0
            ? labels.NoComponents
            : $"{labels.ComponentsProvided}{labels.Colon}{string.Join(", ", channel.Components.Select(key => Localization.EngagementComponentNames.Of(key, context.Model.Locale)))}.";
        var ordered = ReportMetric.AvailableFor(channel, ReportMetric.Ordered(context.Model.FunnelFocus));
        var lead = channel.Source == Core.Reporting.ChannelSources.Daily ? $"{components} {labels.DailySource}" : components;
        var missing = ReportMetric.All.Where(metric => !channel.Available.Contains(metric.Key)).Select(metric => context.MetricName(metric.Key).ToLower(context.Format.Culture)).ToList();
        if (missing.Count > 0)
        {
            lead += " " + string.Format(context.Format.Culture, labels.NotShownMetrics, string.Join(", ", missing));
        }

        var column = new Column { Spacing = 10 }
            .Add(Blocks.SectionTitle(context, ReportContext.ChannelName(channel.Channel), $"{labels.ChannelPerformance} · {context.MonthName}. {lead}"), keepWithNext: true);
        if (ordered.Count == 0)
        {
            return column.Add(Blocks.EmptyNote(context, labels.NoHistory)).Named($"channel-{channel.Channel}");
        }

        column
            .Add(KpiTiles(ordered.Take(4).ToList()))
            .Add(new TextBlock($"{labels.Trend13Months} · {labels.HeadlineMetrics}", type.Heading), keepWithNext: true)
            .Add(Charts(ordered))
            .Add(MetricsTable(ordered));
        return column.Named($"channel-{channel.Channel}");
    }

    private Row KpiTiles(IReadOnlyList<ReportMetric> metrics)
    {
        var type = context.Typography;
        var row = new Row { Spacing = 8 };
        var previousMonth = channel.History.Count > 1 ? context.Format.ShortMonth(channel.History[^2].Month) : context.Labels.PreviousMonth;
        foreach (var metric in metrics)
        {
            var change = channel.Mom.TryGetValue(metric.Key, out var mom) ? mom : null;
            var tile = new Column { Spacing = 2 }
                .Add(new TextBlock(context.MetricName(metric.Key).ToUpperInvariant(), type.KpiLabel) { MaxLines = 1 })
                .Add(new TextBlock(context.Format.Metric(metric, metric.Value(channel)), type.KpiValue) { MaxLines = 1 }.Named("kpi-value"))
                .Add(new TextBlock($"{context.Format.Change(change)} {context.Labels.Versus} {previousMonth}", type.Change(type.TableCellMuted, change)) { MaxLines = 1 });
            row.Relative(1, tile.Card(Palette.Panel, 9, accent: Palette.Accent));
        }

        return row;
    }

    private Element Charts(IReadOnlyList<ReportMetric> ordered)
    {
        // Headline metrics first; metrics this channel never reports are skipped so no chart is empty.
        var charted = ordered.Where(metric => TrendChart.HasData(channel.History, metric)).Take(ChartsPerChannel).ToList();
        if (charted.Count == 0)
        {
            return Blocks.EmptyNote(context, context.Labels.NoHistory);
        }

        var grid = new Column { Spacing = 10 };
        for (var i = 0; i < charted.Count; i += 2)
        {
            var row = new Row { Spacing = 16 };
            foreach (var metric in charted.Skip(i).Take(2))
            {
                row.Relative(1, new Column { Spacing = 2 }
                    .Add(new TextBlock(context.MetricName(metric.Key), context.Typography.ChartTitle))
                    .Add(TrendChart.Create(context, channel.History, metric, ChartHeight).Named($"chart-{metric.Key}")));
            }

            if (charted.Count - i == 1)
            {
                row.Relative(1, CanvasElement.Space(1));
            }

            grid.Add(row);
        }

        return grid;
    }

    private Table MetricsTable(IReadOnlyList<ReportMetric> ordered)
    {
        var labels = context.Labels;
        var type = context.Typography;
        var headline = ReportMetric.Headline(context.Model.FunnelFocus);
        var table = Blocks.NewTable([TableColumn.Share(1.6f), TableColumn.Share(1), TableColumn.Share(1), TableColumn.Share(0.8f), TableColumn.Share(1), TableColumn.Share(0.8f)]);
        table.Header(
            Blocks.HeaderCell(context, labels.Metric),
            Blocks.HeaderCell(context, labels.ThisMonth, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.PreviousMonth, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Mom, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Rolling3, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Yoy, TextAlignment.Right));
        IReadOnlyList<ReportMetric> rows = channel.Available.Contains(ReportMetric.Posts.Key) ? [ReportMetric.Posts, .. ordered] : ordered;
        foreach (var metric in rows)
        {
            var isHeadline = headline.Contains(metric);
            table.AddRow(
                Blocks.Cell(context.MetricName(metric.Key), isHeadline ? type.TableCellBold : type.TableCell),
                new TextBlock(context.Format.Metric(metric, metric.Value(channel)), isHeadline ? type.TableCellBold : type.TableCell) { Alignment = TextAlignment.Right },
                Blocks.Number(context, context.Format.Metric(metric, channel.Previous is null ? null : metric.Value(channel.Previous))),
                Blocks.Change(context, channel.Mom.TryGetValue(metric.Key, out var mom) ? mom : null),
                Blocks.Number(context, context.Format.Metric(metric, channel.Rolling3 is null ? null : metric.Value(channel.Rolling3))),
                Blocks.Change(context, channel.Yoy.TryGetValue(metric.Key, out var yoy) ? yoy : null));
        }

        return table.Named($"metrics-{channel.Channel}");
    }
}
