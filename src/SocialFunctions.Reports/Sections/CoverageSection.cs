using SocialFunctions.Core.Reporting;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Reports.Sections;

/// <summary>Which days each channel's exports cover; channels with gaps are highlighted so nobody trusts a partial month.</summary>
internal sealed class CoverageSection(ReportContext context) : IComponent
{
    public Element Compose()
    {
        var labels = context.Labels;
        var column = new Column { Spacing = 8 }
            .Add(Blocks.SectionTitle(context, labels.DataCoverage, labels.CoverageLead), keepWithNext: true);
        if (context.Model.Caveats.Count > 0)
        {
            // What the summary points here for: each caveat in a sentence, before the table of days and files.
            column.Add(Blocks.Heading(context, labels.WhatIsMissing), keepWithNext: true);
            foreach (var caveat in context.Model.Caveats.OrderBy(c => c.Rank))
            {
                var text = caveat.LocalizedText ?? Localization.InsightSentences.Sentence(caveat, context.Model.Month, context.Model.Locale);
                column.Add(new Row { Spacing = 4 }
                    .Fixed(12, new TextBlock("•", context.Typography.Body.With(color: Palette.Warning)) { Alignment = TextAlignment.Center })
                    .Relative(1, new TextBlock(text, context.Typography.Body).Named("caveat")));
            }

            column.Add(CanvasElement.Space(4));
        }

        return column.Add(context.Model.Coverage.Count == 0 ? Blocks.EmptyNote(context, labels.NoCoverage) : CoverageTable()).Named("coverage");
    }

    private Table CoverageTable()
    {
        var labels = context.Labels;
        var type = context.Typography;
        var format = context.Format;
        var table = Blocks.NewTable([TableColumn.Points(70), TableColumn.Points(66), TableColumn.Share(1), TableColumn.Share(1.6f)]);
        table.Header(
            Blocks.HeaderCell(context, labels.Channel),
            Blocks.HeaderCell(context, labels.CoveredDays, TextAlignment.Right),
            Blocks.HeaderCell(context, labels.Gaps),
            Blocks.HeaderCell(context, labels.Files));
        foreach (var coverage in context.Model.Coverage)
        {
            var hasGaps = coverage.Gaps.Count > 0;
            var gaps = hasGaps
                ? string.Join(", ", coverage.Gaps.Select(gap => format.DateRange(gap.From, gap.To)))
                : labels.NoGaps;
            var files = coverage.Uploads.Count == 0
                ? labels.NoUploads
                : string.Join("\n", coverage.Uploads.Select(upload => FileLine(upload)));
            table.AddRow(
                hasGaps ? Palette.WarningLight : null,
                Blocks.Cell(ReportContext.ChannelName(coverage.Channel), type.TableCellBold),
                Blocks.Number(context, $"{format.Count(coverage.CoveredDays)} / {format.Count(coverage.DaysInMonth)}"),
                Blocks.Cell(gaps, maxLines: 6, style: hasGaps ? type.TableCellBold.With(color: Palette.Negative) : type.TableCell.With(color: Palette.Positive)).Named("coverage-gaps"),
                Blocks.Cell(files, type.TableCellMuted, maxLines: 12));
        }

        return table.Named("coverage-table");
    }

    private string FileLine(CoveredRange upload)
    {
        var range = upload is { From: { } from, To: { } to } ? " · " + context.Format.DateRange(from, to) : string.Empty;
        return $"{upload.FileName} ({upload.Format}){range}";
    }
}
