using SkiaSharp;

namespace SocialFunctions.Reports;

/// <summary>The report's colours, in one place so every section and chart agrees.</summary>
internal static class Palette
{
    public static readonly SKColor Ink = new(0x1F, 0x29, 0x37);
    public static readonly SKColor Navy = new(0x16, 0x2B, 0x48);
    public static readonly SKColor Accent = new(0x25, 0x63, 0xEB);
    public static readonly SKColor AccentLight = new(0xDB, 0xE7, 0xFD);
    public static readonly SKColor Muted = new(0x6B, 0x72, 0x80);
    public static readonly SKColor Rule = new(0xD1, 0xD5, 0xDB);
    public static readonly SKColor Panel = new(0xF4, 0xF6, 0xF9);
    public static readonly SKColor Positive = new(0x15, 0x80, 0x3D);
    public static readonly SKColor Negative = new(0xB9, 0x1C, 0x1C);
    public static readonly SKColor NegativeLight = new(0xFD, 0xE8, 0xE8);
    public static readonly SKColor Warning = new(0xB4, 0x53, 0x09);
    public static readonly SKColor WarningLight = new(0xFE, 0xF3, 0xC7);
    public static readonly SKColor PositiveLight = new(0xDC, 0xFC, 0xE7);
    public static readonly SKColor Neutral = new(0xE5, 0xE7, 0xEB);
    public static readonly SKColor White = SKColors.White;
    public static readonly SKColor CoverSubtle = new(0xB8, 0xC7, 0xDE);
}

/// <summary>One distinguishable colour per channel, for stacked charts and their legends.</summary>
internal static class ChannelPalette
{
    private static readonly Dictionary<string, SKColor> Colors = new(StringComparer.Ordinal)
    {
        ["facebook"] = new(0x25, 0x63, 0xEB),
        ["instagram"] = new(0xDB, 0x27, 0x77),
        ["x"] = new(0x37, 0x41, 0x51),
        ["linkedin"] = new(0x08, 0x91, 0xB2),
        ["tiktok"] = new(0x7C, 0x3A, 0xED),
        ["youtube"] = new(0xDC, 0x26, 0x26),
        ["pinterest"] = new(0xEA, 0x58, 0x0C),
        ["blog"] = new(0x65, 0xA3, 0x0D),
        ["reddit"] = new(0xCA, 0x8A, 0x04),
    };

    public static SKColor Of(string channel) => Colors.TryGetValue(channel, out var color) ? color : Palette.Muted;
}
