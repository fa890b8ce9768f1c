using SkiaSharp;
using SocialFunctions.Documents.Infrastructure;

namespace SocialFunctions.Documents.Elements;

/// <summary>A column width: fixed points, or a share of the width the fixed columns leave.</summary>
public readonly record struct TableColumn(float Fixed, float Weight)
{
    public static TableColumn Points(float width) => new(width, 0);

    public static TableColumn Share(float weight) => new(0, weight);
}

/// <summary>
/// Rows of cells under a header. Splits between rows across pages and repeats the header on every page; a single row
/// is never split (a half row is unreadable), so a row taller than a page is a layout error.
/// </summary>
public sealed class Table : Element
{
    private readonly IReadOnlyList<TableColumn> columns;
    private readonly List<TableRow> rows = [];
    private TableRow? header;
    private int next;
    private float measuredWidth = float.NaN;
    private float headerHeight;
    private float[] rowHeights = [];

    public Table(IReadOnlyList<TableColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        this.columns = columns;
    }

    public float CellPaddingX { get; init; } = 5f;

    public float CellPaddingY { get; init; } = 3.5f;

    public SKColor HeaderBackground { get; init; } = new(0xEE, 0xF1, 0xF5);

    /// <summary>Every other row gets this background, to guide the eye across wide tables.</summary>
    public SKColor? StripeBackground { get; init; }

    public SKColor RuleColor { get; init; } = new(0xD5, 0xDA, 0xE1);

    /// <summary>
    /// A table no taller than this (points) moves whole to the next page instead of splitting, so a short summary
    /// table never leaves its last rows alone overleaf; 0 splits any table. Keep it below the page's content height.
    /// </summary>
    public float KeepTogetherUpTo { get; init; }

    public int RowCount => rows.Count;

    public Table Header(params Element[] cells)
    {
        header = CreateRow(cells, background: null);
        return this;
    }

    public Table AddRow(params Element[] cells) => AddRow(null, cells);

    /// <summary>Adds a row with its own background (e.g. a highlighted gap or a flagged series).</summary>
    public Table AddRow(SKColor? background, params Element[] cells)
    {
        rows.Add(CreateRow(cells, background));
        return this;
    }

    public override void ResetState()
    {
        next = 0;
        header?.Cells.ToList().ForEach(cell => cell.ResetState());
        rows.ForEach(row => Array.ForEach(row.Cells, cell => cell.ResetState()));
    }

    public override SpacePlan Measure(SKSize available)
    {
        var (count, height) = Fit(available);
        var remaining = rows.Count - next;
        if (remaining == 0)
        {
            return height <= available.Height + LayoutConstants.Epsilon ? SpacePlan.Full(available.Width, height) : SpacePlan.Wrap();
        }

        if (count == 0 || (next == 0 && count < remaining && headerHeight + rowHeights.Sum() <= KeepTogetherUpTo))
        {
            return SpacePlan.Wrap();
        }

        return count == remaining ? SpacePlan.Full(available.Width, height) : SpacePlan.Partial(available.Width, height);
    }

    protected override void DrawContent(DrawContext context, SKRect area)
    {
        var (count, _) = Fit(area.Size);
        var widths = Widths(area.Width);
        var top = area.Top;
        using var rule = new SKPaint { Color = RuleColor, StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        if (header is not null)
        {
            // The same header cells are drawn on every page the table spans.
            Array.ForEach(header.Cells, cell => cell.ResetState());
            DrawRow(context, header, widths, area.Left, top, headerHeight, HeaderBackground);
            top += headerHeight;
            context.Canvas.DrawLine(area.Left, top, area.Right, top, rule);
        }

        for (var i = 0; i < count; i++)
        {
            var row = rows[next + i];
            var stripe = StripeBackground is { } s && (next + i) % 2 == 1 ? s : (SKColor?)null;
            DrawRow(context, row, widths, area.Left, top, rowHeights[next + i], row.Background ?? stripe);
            top += rowHeights[next + i];
            context.Canvas.DrawLine(area.Left, top, area.Right, top, rule);
        }

        next += count;
    }

    internal override float NaturalHeight(float width)
    {
        EnsureMeasured(width);
        return next < rows.Count ? headerHeight + rowHeights[next] : headerHeight;
    }

    private static TableRow CreateRow(Element[] cells, SKColor? background)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return new TableRow(cells, background);
    }

    private (int Count, float Height) Fit(SKSize available)
    {
        EnsureMeasured(available.Width);
        var used = headerHeight;
        var count = 0;
        for (var i = next; i < rows.Count; i++)
        {
            if (used + rowHeights[i] > available.Height + LayoutConstants.Epsilon)
            {
                break;
            }

            used += rowHeights[i];
            count++;
        }

        return (count, used);
    }

    private void EnsureMeasured(float width)
    {
        if (Math.Abs(measuredWidth - width) < LayoutConstants.Epsilon)
        {
            return;
        }

        var widths = Widths(width);
        headerHeight = header is null ? 0 : RowHeight(header, widths);
        rowHeights = rows.Select(row => RowHeight(row, widths)).ToArray();
        measuredWidth = width;
    }

    private float RowHeight(TableRow row, float[] widths)
    {
        var height = 0f;
        for (var c = 0; c < Math.Min(row.Cells.Length, widths.Length); c++)
        {
            var cellWidth = widths[c] - (2 * CellPaddingX);
            var plan = row.Cells[c].Measure(new SKSize(cellWidth, LayoutConstants.Unbounded));
            if (plan.IsWrap)
            {
                throw new LayoutException(row.Cells[c].DisplayName, 0, cellWidth, LayoutConstants.Unbounded, float.NaN);
            }

            height = Math.Max(height, plan.Height);
        }

        return height + (2 * CellPaddingY);
    }

    private void DrawRow(DrawContext context, TableRow row, float[] widths, float left, float top, float height, SKColor? background)
    {
        if (background is { } color)
        {
            using var fill = new SKPaint { Color = color, Style = SKPaintStyle.Fill };
            context.Canvas.DrawRect(new SKRect(left, top, left + widths.Sum(), top + height), fill);
        }

        var x = left;
        for (var c = 0; c < Math.Min(row.Cells.Length, widths.Length); c++)
        {
            var cellArea = new SKRect(x + CellPaddingX, top + CellPaddingY, x + widths[c] - CellPaddingX, top + height - CellPaddingY);
            row.Cells[c].Draw(context, cellArea);
            x += widths[c];
        }
    }

    private float[] Widths(float total)
    {
        var fixedSum = columns.Sum(column => column.Fixed);
        var weights = columns.Sum(column => column.Weight);
        var free = Math.Max(0, total - fixedSum);
        return columns.Select(column => column.Weight > 0 ? free * column.Weight / weights : column.Fixed).ToArray();
    }

    private sealed record TableRow(Element[] Cells, SKColor? Background);
}
