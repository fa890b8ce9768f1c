using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Sections;

/// <summary>The ranked insights, then one table comparing all channels on the headline metrics.</summary>
internal sealed class ExecutiveSummarySection(ReportContext context) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.ExecutiveSummary, labels.ExecutiveSummaryLead), keepWithNext: true);

        var insights = context.Model.Insights.OrderBy(insight => insight.Rank).ToList();
        if (insights.Count == 0)
        {
            column.Add(Blocks.EmptyNote(context, labels.NoInsights));
        }

        foreach (var insight in insights)
        {
            column.Add(InsightCard(insight));
        }

        column.Add(Blocks.Heading(context, labels.AtAGlance), keepWithNext: true);
        column.Add(context.Model.Channels.Count == 0 ? Blocks.EmptyNote(context, labels.NoChannels) : GlanceTable());
        return column.Named("executive-summary");
    }

    private Decoration InsightCard(Core.Reporting.Insight insight)
    {
        var type = context.Typography;
        var details = new List<string>();
        if (insight.Channel is { } channel)
        {
            details.Add(ReportContext.ChannelName(channel));
        }

        var metric = insight.Metric is { } key ? ReportMetric.All.FirstOrDefault(m => m.Key == key) : null;
        if (insight.Metric is { } metricKey)
        {
            details.Add(context.MetricName(metricKey));
        }

        if (insight.Value is { } value)
        {
            details.Add(metric is null ? context.Format.Count(value) : context.Format.Metric(metric, value));
        }

        var body = new Column { Spacing = 2 }.Add(new TextBlock(insight.LocalizedText ?? InsightSentences.Sentence(insight, context.Model.Month, context.Model.Locale), type.Body) { MaxLines = 12 }.Named("insight"));
        var meta = new Row { Spacing = 8 };
        if (details.Count > 0)
        {
            meta.Relative(1, new TextBlock(string.Join(" · ", details), type.TableCellMuted));
        }

        if (insight.Change is { } change)
        {
            meta.Fixed(150, new TextBlock($"{context.Format.Change(change)} {context.Labels.VsPreviousMonth}", type.Change(type.TableCellBold, change)) { Alignment = TextAlignment.Right });
        }

        if (details.Count > 0 || insight.Change is not null)
        {
            body.Add(meta);
        }

        return new Row { Spacing = 10 }
            .Fixed(20, new TextBlock(insight.Rank.ToString(context.Format.Culture), type.InsightRank))
            .Relative(1, body)
            .Card(Palette.Panel, 10, accent: Palette.Accent);
    }

    private Table GlanceTable()
    {
        var labels = context.Labels;
        var metrics = ReportMetric.Ordered(context.Model.FunnelFocus).Take(4).ToList();
        var lead = metrics[0];
        var table = Blocks.NewTable([TableColumn.Share(1.3f), TableColumn.Points(50), .. metrics.Select(_ => TableColumn.Share(1)), TableColumn.Share(1)]);
        table.Header([
            Blocks.HeaderCell(context, labels.Channel),
            Blocks.HeaderCell(context, labels.PostsColumn, TextAlignment.Right),
            .. metrics.Select(metric => Blocks.HeaderCell(context, context.MetricName(metric.Key), TextAlignment.Right)),
            Blocks.HeaderCell(context, $"{context.MetricName(lead.Key)} {labels.Mom}", TextAlignment.Right),
        ]);
        foreach (var channel in context.Model.Channels)
        {
            table.AddRow([
                Blocks.Cell(ReportContext.ChannelName(channel.Channel), context.Typography.TableCellBold),
                Blocks.Number(context, context.Format.Count(channel.Posts)),
                .. metrics.Select(metric => Blocks.Number(context, context.Format.Metric(metric, metric.Value(channel)))),
                Blocks.Change(context, channel.Mom.TryGetValue(lead.Key, out var mom) ? mom : null),
            ]);
        }

        return table.Named("glance-table");
    }
}
