using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Visuals;

namespace SocialFunctions.Reports.Sections;

/// <summary>Every series against its channel baseline with a weekly sparkline; underperformers are flagged in red.</summary>
internal sealed class SeriesSection(ReportContext context) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.SeriesPerformance, labels.SeriesLead), keepWithNext: true)
            .Add(context.Model.Series.Count == 0 ? Blocks.EmptyNote(context, labels.NoSeries) : SeriesTable());

        if (context.Model.SeriesSuggestions.Count > 0)
        {
            column.Add(CanvasElement.Space(6))
                .Add(Blocks.Heading(context, labels.SeriesSuggestions), keepWithNext: true)
                .Add(new TextBlock(labels.SeriesSuggestionsLead, context.Typography.SectionLead), keepWithNext: true)
                .Add(SuggestionsTable());
        }

        return column.Named("series");
    }

    private static bool IsUnderperforming(SeriesPerformance series) =>
        string.Equals(series.Status, Core.Series.SeriesStatus.Underperforming, StringComparison.OrdinalIgnoreCase);

    private static bool IsAtRisk(SeriesPerformance series) =>
        string.Equals(series.Status, Core.Series.SeriesStatus.AtRisk, StringComparison.OrdinalIgnoreCase);

    private Table SeriesTable()
    {
        var labels = context.Labels;
        var type = context.Typography;
        var format = context.Format;
        var table = Blocks.NewTable([
            // Narrow figure columns leave the series column room for its evidence sentence (it used to be cut at five lines).
            TableColumn.Share(1), TableColumn.Points(56), TableColumn.Points(34), TableColumn.Points(42), TableColumn.Points(54),
            TableColumn.Points(44), TableColumn.Points(50), TableColumn.Points(92),
        ]);
        table.Header(
            Blocks.HeaderCell(context, labels.Series),
            Blocks.HeaderCell(context, labels.Channel),
            Blocks.HeaderCell(context, labels.PostsColumn, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.RateShort, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Baseline, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Gap, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.WeeklyTrend),
            Blocks.HeaderCell(context, labels.Status));

        // Underperforming, then at risk, then the rest by worst gap: the rows that need a decision lead.
        foreach (var series in context.Model.Series.OrderBy(s => IsUnderperforming(s) ? 0 : IsAtRisk(s) ? 1 : 2).ThenBy(s => s.RelativeGap ?? double.MaxValue))
        {
            var flagged = IsUnderperforming(series);
            var atRisk = IsAtRisk(series);
            var status = series.Status is null ? ReportFormatter.Missing : SeriesWords.Status(series.Status, context.Model.Locale);
            var statusStyle = flagged ? type.TableCellBold.With(color: Palette.Negative) : atRisk ? type.TableCellBold.With(color: Palette.Warning) : type.TableCell;
            table.AddRow(
                flagged ? Palette.NegativeLight : atRisk ? Palette.WarningLight : null,
                SeriesCell(series),
                Blocks.Cell(ReportContext.ChannelName(series.Channel), type.TableCell),
                Blocks.Number(context, format.Count(series.Posts)),
                Blocks.Number(context, format.Rate(series.EngagementRate)),
                Blocks.Number(context, format.Rate(series.BaselineEngagementRate)),
                Blocks.Change(context, series.RelativeGap),
                series.Trend.Any(week => week.EngagementRate is not null)
                    ? Sparkline.Create(series.Trend, flagged ? Palette.Negative : atRisk ? Palette.Warning : Palette.Accent)
                    : Blocks.Cell(ReportFormatter.Missing, type.TableCellMuted),
                Blocks.Cell(status, statusStyle).Named("series-status"));
        }

        return table.Named("series-table");
    }

    /// <summary>
    /// The series' name, and under it the detector's evidence sentence when there is one, or why there is none when the
    /// channel's exports carry no engagement figures (a row of dashes would say nothing).
    /// </summary>
    private Element SeriesCell(SeriesPerformance series)
    {
        var name = Blocks.Cell(series.Series, context.Typography.TableCellBold, maxLines: 3);
        var note = series.Evidence is { Length: > 0 } evidence ? evidence
            : series.EngagementRate is null && series.BaselineEngagementRate is null ? context.Labels.SeriesWithoutEngagement
            : null;
        return note is null
            ? name
            : new Column { Spacing = 1 }.Add(name).Add(Blocks.Cell(note, context.Typography.TableCellMuted, maxLines: 7).Named("series-evidence"));
    }

    private Table SuggestionsTable()
    {
        var labels = context.Labels;
        var type = context.Typography;
        var table = Blocks.NewTable([TableColumn.Share(1.2f), TableColumn.Share(1.2f), TableColumn.Points(64), TableColumn.Share(1.2f)]);
        table.Header(
            Blocks.HeaderCell(context, labels.Series),
            Blocks.HeaderCell(context, labels.HashtagOrPrefix),
            Blocks.HeaderCell(context, labels.PostsColumn, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Channels));
        foreach (var suggestion in context.Model.SeriesSuggestions)
        {
            table.AddRow(
                Blocks.Cell(suggestion.Name, type.TableCellBold, maxLines: 3),
                Blocks.Cell(suggestion.Hashtag ?? suggestion.Prefix ?? ReportFormatter.Missing, type.TableCell, maxLines: 3),
                Blocks.Number(context, context.Format.Count(suggestion.Posts)),
                Blocks.Cell(string.Join(", ", suggestion.Channels.Select(ReportContext.ChannelName)), type.TableCell));
        }

        return table.Named("suggestions-table");
    }
}
