namespace SocialFunctions.Core.Brands;

/// <summary>The closed value sets of brand settings, so the validator, the analytics and the API agree on spelling.</summary>
public static class BrandSettingValues
{
    public static IReadOnlyList<string> Locales { get; } = ["en", "fr"];

    public static IReadOnlyList<string> FunnelFocuses { get; } = [FunnelFocus.Awareness, FunnelFocus.Consideration, FunnelFocus.Conversion];

    public static IReadOnlyList<string> PaperSizes { get; } = ["A4", "Letter"];
}

/// <summary>Where social sits in the brand's funnel (metrics.md "Funnel focus").</summary>
public static class FunnelFocus
{
    public const string Awareness = "awareness";
    public const string Consideration = "consideration";
    public const string Conversion = "conversion";
}
