using SkiaSharp;
using SocialFunctions.Documents.Drawing;
using SocialFunctions.Documents.Elements;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Reports.Sections;

/// <summary>The small recurring pieces of the report's look: section titles, notes, table cells.</summary>
internal static class Blocks
{
    /// <summary>Section title, one-line lead and an accent rule; kept with what follows it.</summary>
    public static Element SectionTitle(ReportContext context, string title, string? lead)
    {
        var column = new Column { Spacing = 4 }
            .Add(new TextBlock(title, context.Typography.SectionTitle).Named("section-title"));
        if (lead is not null)
        {
            column.Add(new TextBlock(lead, context.Typography.SectionLead));
        }

        column.Add(CanvasElement.Space(2));
        column.Add(new CanvasElement(2, (canvas, area) =>
        {
            using var accent = new SKPaint { Color = Palette.Accent, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(area.Left, area.Top, area.Left + 36, area.Bottom), accent);
            using var rule = new SKPaint { Color = Palette.Rule, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(area.Left + 36, area.MidY - 0.25f, area.Right, area.MidY + 0.25f), rule);
        }));
        return column.PaddingBottom(8);
    }

    public static Element Heading(ReportContext context, string text) =>
        new TextBlock(text, context.Typography.Heading).Named("heading").PaddingTop(4);

    /// <summary>The line printed where a section has nothing to show, so an empty section explains itself.</summary>
    public static Element EmptyNote(ReportContext context, string text) =>
        new TextBlock(text, context.Typography.Note).Named("empty-note").Card(Palette.Panel, 10, accent: Palette.Rule);

    public static TextBlock Cell(string? text, TextStyle style, TextAlignment alignment = TextAlignment.Left, int? maxLines = null) =>
        new(text, style) { Alignment = alignment, MaxLines = maxLines };

    public static TextBlock HeaderCell(ReportContext context, string text, TextAlignment alignment = TextAlignment.Left) =>
        new(text.ToUpperInvariant(), context.Typography.TableHeader) { Alignment = alignment };

    public static TextBlock Number(ReportContext context, string text) =>
        new(text, context.Typography.TableCell) { Alignment = TextAlignment.Right };

    public static TextBlock Change(ReportContext context, double? change) =>
        new(context.Format.Change(change), context.Typography.Change(context.Typography.TableCell, change)) { Alignment = TextAlignment.Right };

    public static Table NewTable(IReadOnlyList<TableColumn> columns, float keepTogetherUpTo = 0) =>
        new(columns) { HeaderBackground = Palette.Panel, RuleColor = Palette.Rule, CellPaddingY = 4, KeepTogetherUpTo = keepTogetherUpTo };
}
