using ScottPlot;
using SkiaSharp;
using SocialFunctions.Documents.Drawing;

namespace SocialFunctions.Documents.Charts;

/// <summary>
/// Points ScottPlot at the shipped fonts: its font lookup is process-wide, so the resolver is added once, and it answers
/// only for our family name (anything else falls through to ScottPlot's own resolvers).
/// </summary>
internal static class ChartFonts
{
    public const string FamilyName = "SocialFunctions Noto Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new ShippedFontResolver(ChartTypefaces.Load()));
        return true;
    }

    /// <summary>
    /// Charts print numbers, month abbreviations and channel names only: ScottPlot caches typefaces process-wide, so charts
    /// get fixed subsets of the shipped fonts (<see cref="RenderFonts.BaseRepertoire"/>), a few KB each in every PDF.
    /// </summary>
    private sealed record ChartTypefaces(SKTypeface Regular, SKTypeface Bold, SKTypeface Italic)
    {
        public static ChartTypefaces Load()
        {
            var fonts = FontLibrary.Default;
            return new(Subset(fonts.Regular), Subset(fonts.Bold), Subset(fonts.Italic));
        }

        private static SKTypeface Subset(SKTypeface typeface) =>
            FontSubsetter.Subset(RenderFonts.ReadFontFile(typeface), RenderFonts.BaseRepertoire, keepLayout: false) is { } data
                && SKTypeface.FromData(SKData.CreateCopy(data)) is { } subset
                ? subset
                : typeface;
    }

    private sealed class ShippedFontResolver(ChartTypefaces fonts) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
        {
            if (fontName != FamilyName)
            {
                return null;
            }

            // ScottPlot caches resolved typefaces and does not dispose them, so the shared instances are handed out as is.
            var source = weight >= FontWeight.SemiBold ? fonts.Bold : slant != FontSlant.Upright ? fonts.Italic : fonts.Regular;
            return source;
        }

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);
    }
}
