using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Sections;

/// <summary>
/// The page a leader reads first: the total picture as four tiles (all channels: reach, engagements, ER, posts against
/// last month and last year), the ranked items (at most five, one line each), one line naming the channels with data
/// gaps and the page that explains them, then every channel on the funnel's metrics.
/// </summary>
internal sealed class ExecutiveSummarySection(ReportContext context, int coveragePage) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.ExecutiveSummary, labels.ExecutiveSummaryLead), keepWithNext: true);

        if (context.Model.Overview.Total is { } total)
        {
            column.Add(new TextBlock(context.Labels.TotalPicture.ToUpperInvariant(), context.Typography.KpiLabel), keepWithNext: true);
            column.Add(TotalTiles(total), keepWithNext: total.NotComparedMom.Count + total.NotComparedYoy.Count > 0);
            if (LikeForLikeNote(total) is { } note)
            {
                column.Add(note);
            }
        }

        var insights = context.Model.Insights.OrderBy(insight => insight.Rank).ToList();
        if (insights.Count == 0)
        {
            column.Add(Blocks.EmptyNote(context, labels.NoInsights));
        }

        foreach (var insight in insights)
        {
            column.Add(InsightCard(insight));
        }

        if (DataGapsLine() is { } gaps)
        {
            column.Add(gaps);
        }

        column.Add(Blocks.Heading(context, labels.AtAGlance), keepWithNext: true);
        column.Add(context.Model.Channels.Count == 0 ? Blocks.EmptyNote(context, labels.NoChannels) : GlanceTable());
        return column.Named("executive-summary");
    }

    private Row TotalTiles(OverallTotals total)
    {
        var type = context.Typography;
        var format = context.Format;
        var previous = format.ShortMonth(context.Model.Month.AddMonths(-1));
        var lastYear = format.ShortMonth(context.Model.Month.AddMonths(-12));
        var row = new Row { Spacing = 8 };
        foreach (var metric in new[] { ReportMetric.Reach, ReportMetric.Engagements, ReportMetric.EngagementRate, ReportMetric.Posts })
        {
            if (metric.Value(total.Current) is not { } value || (metric == ReportMetric.Reach && value == 0))
            {
                continue;
            }

            var mom = total.Mom.GetValueOrDefault(metric.Key);
            var yoy = total.Yoy.GetValueOrDefault(metric.Key);
            // A change over fewer channels than the value above it is marked, and the note under the tiles names them.
            var momMark = mom is not null && total.NotComparedMom.Count > 0 ? " " + MomMark : string.Empty;
            var yoyMark = yoy is not null && total.NotComparedYoy.Count > 0 ? " " + YoyMark : string.Empty;
            var tile = new Column { Spacing = 1 }
                .Add(new TextBlock(context.MetricName(metric.Key).ToUpperInvariant(), type.KpiLabel) { MaxLines = 1 })
                .Add(new TextBlock(format.Metric(metric, value), type.KpiValue) { MaxLines = 1 }.Named("total-value"))
                .Add(new TextBlock($"{format.Change(mom)} {context.Labels.Versus} {previous}{momMark}", type.Change(type.TableCellMuted, mom)) { MaxLines = 1 })
                .Add(new TextBlock($"{format.Change(yoy)} {context.Labels.Versus} {lastYear}{yoyMark}", type.Change(type.TableCellMuted, yoy)) { MaxLines = 1 });
            row.Relative(1, tile.Card(Palette.Panel, 9, accent: Palette.Navy));
        }

        return row.Named("total-tiles");
    }

    private const string MomMark = "*";
    private const string YoyMark = "**";

    /// <summary>
    /// "* Like for like: without Instagram (…)", "** …" for last year: the tiles' values count every
    /// channel, their changes only the channels with figures in both months, so a leader is told which were left out.
    /// The total item's sentence compares the same way.
    /// </summary>
    private TextBlock? LikeForLikeNote(OverallTotals total)
    {
        var lines = new List<string>();
        if (total.NotComparedMom.Count > 0 && total.Mom.Values.Any(v => v is not null))
        {
            lines.Add($"{MomMark} {string.Format(context.Format.Culture, context.Labels.LikeForLike, string.Join(", ", total.NotComparedMom.Select(ReportContext.ChannelName)))}");
        }

        if (total.NotComparedYoy.Count > 0 && total.Yoy.Values.Any(v => v is not null))
        {
            lines.Add($"{YoyMark} {string.Format(context.Format.Culture, context.Labels.LikeForLike, string.Join(", ", total.NotComparedYoy.Select(ReportContext.ChannelName)))}");
        }

        return lines.Count == 0 ? null : new TextBlock(string.Join("\n", lines), context.Typography.TableCellMuted) { MaxLines = 4 }.Named("like-for-like");
    }

    private Decoration InsightCard(Insight insight)
    {
        var type = context.Typography;
        var text = insight.LocalizedText ?? InsightSentences.Sentence(insight, context.Model.Month, context.Model.Locale);
        var body = new Column { Spacing = 2 }.Add(new TextBlock(text, insight.Kind == InsightKind.Total ? type.BodyBold : type.Body) { MaxLines = 4 }.Named("insight"));

        return new Row { Spacing = 10 }
            .Fixed(20, new TextBlock(insight.Rank.ToString(context.Format.Culture), type.InsightRank))
            .Relative(1, body)
            .Card(Palette.Panel, 9, accent: insight.Kind == InsightKind.Total ? Palette.Navy : Palette.Accent);
    }

    /// <summary>"Data gaps: YouTube, Blog. … see Data coverage, page 19." — one line, never an item.</summary>
    private Decoration? DataGapsLine()
    {
        var channels = context.Model.Caveats.Select(c => c.Channel).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (channels.Count == 0)
        {
            return null;
        }

        var names = string.Join(", ", channels.Select(ReportContext.ChannelName));
        var text = string.Format(context.Format.Culture, context.Labels.DataGapsLine, names, coveragePage);
        return new TextBlock(text, context.Typography.TableCellMuted.With(color: Palette.Warning)) { MaxLines = 3 }
            .Named("data-gaps-line")
            .Card(Palette.WarningLight, 7, radius: 2);
    }

    /// <summary>
    /// Channels on the funnel's headline metrics: only columns some channel has, so no column of dashes; posts (or, for a
    /// channel with daily series only, impressions) keep every row from being dashes.
    /// </summary>
    private Table GlanceTable()
    {
        var labels = context.Labels;
        var channels = context.Model.Channels;
        // A column most channels leave empty (saves: two channels export them) says little here; the channel pages have it.
        var metrics = ReportMetric.Ordered(context.Model.FunnelFocus)
            .Where(metric => channels.Count(channel => metric.Value(channel) is not null) * 2 >= channels.Count)
            .Take(4)
            .ToList();
        if (!metrics.Contains(ReportMetric.Impressions) && channels.Any(c => c.Impressions is not null) && metrics.Count == 4)
        {
            metrics[^1] = ReportMetric.Impressions;
        }

        var lead = metrics.FirstOrDefault() ?? ReportMetric.Impressions;
        // One row a channel: a short table that moves whole rather than leave a channel or two overleaf.
        var table = Blocks.NewTable([TableColumn.Share(1.3f), TableColumn.Points(46), .. metrics.Select(_ => TableColumn.Share(1)), TableColumn.Share(1)], keepTogetherUpTo: 300);
        table.Header([
            Blocks.HeaderCell(context, labels.Channel),
            Blocks.HeaderCell(context, labels.PostsColumn, TextAlignment.Right),
            .. metrics.Select(metric => Blocks.HeaderCell(context, context.MetricName(metric.Key), TextAlignment.Right)),
            Blocks.HeaderCell(context, $"{context.MetricName(lead.Key)} {labels.Mom}", TextAlignment.Right),
        ]);
        foreach (var channel in channels.Where(c => c.Available.Count > 0 || c.Posts > 0))
        {
            table.AddRow([
                Blocks.Cell(ReportContext.ChannelName(channel.Channel), context.Typography.TableCellBold),
                Blocks.Number(context, channel.Source == ChannelSources.Daily ? "·" : context.Format.Count(channel.Posts)),
                .. metrics.Select(metric => Blocks.Number(context, context.Format.Metric(metric, metric.Value(channel)))),
                Blocks.Change(context, channel.Mom.TryGetValue(lead.Key, out var mom) ? mom : null),
            ]);
        }

        return table.Named("glance-table");
    }
}
