using SkiaSharp;
using SocialFunctions.Documents.Drawing;

namespace SocialFunctions.Reports;

/// <summary>
/// Every text style of the report. One instance per render: styles hold native font objects that must not be shared
/// between concurrent renders (the typefaces underneath are shared and loaded once).
/// </summary>
internal sealed class Typography
{
    private readonly Dictionary<(TextStyle, SKColor), TextStyle> changeStyles = [];

    public Typography(FontLibrary fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        CoverLabel = new TextStyle(fonts.Bold, 11, Palette.CoverSubtle, fallback: fonts.Emoji);
        CoverTitle = new TextStyle(fonts.Bold, 34, Palette.White, lineHeight: 1.15f, fallback: fonts.Emoji);
        CoverSubtitle = new TextStyle(fonts.Regular, 18, Palette.White, fallback: fonts.Emoji);
        CoverBody = new TextStyle(fonts.Regular, 10.5f, Palette.Ink, lineHeight: 1.45f, fallback: fonts.Emoji);
        CoverEmphasis = new TextStyle(fonts.Bold, 13, Palette.Navy, fallback: fonts.Emoji);
        SectionTitle = new TextStyle(fonts.Bold, 19, Palette.Navy, lineHeight: 1.2f, fallback: fonts.Emoji);
        SectionLead = new TextStyle(fonts.Regular, 9.5f, Palette.Muted, lineHeight: 1.4f, fallback: fonts.Emoji);
        Heading = new TextStyle(fonts.Bold, 11.5f, Palette.Navy, fallback: fonts.Emoji);
        Body = new TextStyle(fonts.Regular, 9.5f, Palette.Ink, lineHeight: 1.45f, fallback: fonts.Emoji);
        BodyBold = new TextStyle(fonts.Bold, 9.5f, Palette.Ink, lineHeight: 1.45f, fallback: fonts.Emoji);
        Note = new TextStyle(fonts.Italic, 8.5f, Palette.Muted, lineHeight: 1.4f, fallback: fonts.Emoji);
        TableHeader = new TextStyle(fonts.Bold, 7.5f, Palette.Muted, fallback: fonts.Emoji);
        TableCell = new TextStyle(fonts.Regular, 8.5f, Palette.Ink, lineHeight: 1.35f, fallback: fonts.Emoji);
        TableCellBold = new TextStyle(fonts.Bold, 8.5f, Palette.Ink, lineHeight: 1.35f, fallback: fonts.Emoji);
        TableCellMuted = new TextStyle(fonts.Regular, 8f, Palette.Muted, lineHeight: 1.35f, fallback: fonts.Emoji);
        KpiLabel = new TextStyle(fonts.Bold, 7.5f, Palette.Muted, fallback: fonts.Emoji);
        KpiValue = new TextStyle(fonts.Bold, 16, Palette.Navy, lineHeight: 1.25f, fallback: fonts.Emoji);
        ChartTitle = new TextStyle(fonts.Bold, 9, Palette.Ink, fallback: fonts.Emoji);
        PageHeader = new TextStyle(fonts.Regular, 7.5f, Palette.Muted, fallback: fonts.Emoji);
        PageHeaderBold = new TextStyle(fonts.Bold, 7.5f, Palette.Navy, fallback: fonts.Emoji);
        InsightRank = new TextStyle(fonts.Bold, 12, Palette.Accent, fallback: fonts.Emoji);
    }

    public TextStyle CoverLabel { get; }

    public TextStyle CoverTitle { get; }

    public TextStyle CoverSubtitle { get; }

    public TextStyle CoverBody { get; }

    public TextStyle CoverEmphasis { get; }

    public TextStyle SectionTitle { get; }

    public TextStyle SectionLead { get; }

    public TextStyle Heading { get; }

    public TextStyle Body { get; }

    public TextStyle BodyBold { get; }

    public TextStyle Note { get; }

    public TextStyle TableHeader { get; }

    public TextStyle TableCell { get; }

    public TextStyle TableCellBold { get; }

    public TextStyle TableCellMuted { get; }

    public TextStyle KpiLabel { get; }

    public TextStyle KpiValue { get; }

    public TextStyle ChartTitle { get; }

    public TextStyle PageHeader { get; }

    public TextStyle PageHeaderBold { get; }

    public TextStyle InsightRank { get; }

    /// <summary>A change figure coloured by direction: green up, red down, grey when unknown.</summary>
    public TextStyle Change(TextStyle baseStyle, double? change)
    {
        ArgumentNullException.ThrowIfNull(baseStyle);
        var color = change switch
        {
            // Changes that print as 0.0% are neutral, not green or red.
            null => Palette.Muted,
            >= 0.0005 => Palette.Positive,
            <= -0.0005 => Palette.Negative,
            _ => Palette.Muted,
        };
        // Cached: hundreds of table cells share a handful of coloured variants (each holds a native font).
        if (!changeStyles.TryGetValue((baseStyle, color), out var style))
        {
            style = baseStyle.With(color: color);
            changeStyles[(baseStyle, color)] = style;
        }

        return style;
    }

    public static TextStyle Colored(TextStyle style, SKColor color)
    {
        ArgumentNullException.ThrowIfNull(style);
        return style.With(color: color);
    }
}
