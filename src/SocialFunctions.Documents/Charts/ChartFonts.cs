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
        Fonts.FontResolvers.Insert(0, new ShippedFontResolver(FontLibrary.Default));
        return true;
    }

    private sealed class ShippedFontResolver(FontLibrary fonts) : IFontResolver
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
