using SkiaSharp;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Reports.Sections;

/// <summary>Calendar adherence as a heat map: one row per ISO week, one column per channel, coloured by posts / target.</summary>
internal sealed class CalendarSection(ReportContext context) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.CalendarAdherence, labels.CalendarLead), keepWithNext: true);
        if (context.Model.Cadence.Count == 0)
        {
            return column.Add(Blocks.EmptyNote(context, labels.NoCadence)).Named("calendar");
        }

        return column.Add(HeatMap()).Add(Legend()).Named("calendar");
    }

    private static (SKColor Background, SKColor Text) Shade(double? adherence) => adherence switch
    {
        null => (Palette.Neutral, Palette.Muted),
        >= 1 => (Palette.PositiveLight, Palette.Positive),
        >= 0.75 => (Palette.WarningLight, Palette.Warning),
        _ => (Palette.NegativeLight, Palette.Negative),
    };

    private Table HeatMap()
    {
        var cadence = context.Model.Cadence;
        var channels = cadence.Select(week => week.Channel).Distinct(StringComparer.Ordinal).ToList();
        var weeks = cadence.Select(week => (week.Week, week.WeekStart)).Distinct().OrderBy(week => week.WeekStart).ToList();
        // First entry wins should the model ever repeat a (week, channel) pair; a duplicate must not fail the report.
        var cells = cadence.GroupBy(week => (week.Week, week.Channel)).ToDictionary(group => group.Key, group => group.First());
        var type = context.Typography;

        var table = new Table([TableColumn.Points(92), .. channels.Select(_ => TableColumn.Share(1))])
        {
            CellPaddingX = 1.5f,
            CellPaddingY = 1.5f,
            HeaderBackground = Palette.White,
            RuleColor = Palette.White,
        };
        table.Header([
            Blocks.HeaderCell(context, context.Labels.Week).Padding(4, 3),
            .. channels.Select(channel => Blocks.HeaderCell(context, ReportContext.ChannelName(channel), TextAlignment.Center).Padding(2, 3)),
        ]);
        foreach (var (week, start) in weeks)
        {
            var row = new List<Element>
            {
                new Column()
                    .Add(new TextBlock(week, type.TableCellBold))
                    .Add(new TextBlock(context.Format.ShortDate(start), type.TableCellMuted))
                    .Padding(4, 3),
            };
            foreach (var channel in channels)
            {
                row.Add(cells.TryGetValue((week, channel), out var cell) ? HeatCell(cell) : HeatCell(null));
            }

            table.AddRow([.. row]);
        }

        return table.Named("calendar-heatmap");
    }

    private Decoration HeatCell(CadenceWeek? week)
    {
        var type = context.Typography;
        var (background, text) = Shade(week?.Adherence);
        var target = week?.Target is { } t ? context.Format.Count(t) : null;
        var uncovered = week is { CoveredDays: 0 };
        var posts = week is null ? "0" : uncovered ? "—" : context.Format.Count(week.Posts);
        var first = target is null ? posts : $"{posts} / {target}";
        var second = uncovered ? context.Labels.NoExport
            : week?.Adherence is { } adherence
            ? Math.Round(adherence * 100).ToString("N0", context.Format.Culture) + context.Format.PercentSuffix
            : context.Labels.NoTarget;
        // Only where it changes the percentage: a week without a target has none to hold to its covered days.
        if (week is { CoveredDays: > 0 and < 7, Adherence: not null })
        {
            second += " · " + string.Format(context.Format.Culture, context.Labels.CoveredDaysShort, week.CoveredDays);
        }
        return new Column { Spacing = 0 }
            .Add(new TextBlock(first, type.TableCellBold.With(color: text)) { Alignment = TextAlignment.Center }.Named("heat-value"))
            .Add(new TextBlock(second, type.TableCellMuted.With(color: text)) { Alignment = TextAlignment.Center })
            .Card(background, 5, radius: 2);
    }

    private Row Legend()
    {
        var labels = context.Labels;
        var row = new Row { Spacing = 14 };
        foreach (var (label, adherence) in new (string, double?)[] { (labels.LegendOnTarget, 1), (labels.LegendClose, 0.8), (labels.LegendBehind, 0.2), (labels.LegendNoTarget, null) })
        {
            var (background, text) = Shade(adherence);
            row.Relative(1, new Row { Spacing = 5 }
                .Fixed(10, new CanvasElement(10, (canvas, area) =>
                {
                    using var fill = new SKPaint { Color = background, Style = SKPaintStyle.Fill, IsAntialias = true };
                    canvas.DrawRoundRect(area, 2, 2, fill);
                    using var stroke = new SKPaint { Color = text, Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f, IsAntialias = true };
                    canvas.DrawRoundRect(area, 2, 2, stroke);
                }))
                .Relative(1, new TextBlock(label, context.Typography.TableCellMuted)));
        }

        return row;
    }
}
