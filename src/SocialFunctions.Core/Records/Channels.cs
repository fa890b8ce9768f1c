namespace SocialFunctions.Core.Records;

/// <summary>The channels of the canonical record (metrics.md). Stored and exchanged as these lower-case names.</summary>
public static class Channels
{
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";
    public const string X = "x";
    public const string LinkedIn = "linkedin";
    public const string TikTok = "tiktok";
    public const string YouTube = "youtube";
    public const string Pinterest = "pinterest";
    public const string Blog = "blog";
    public const string Reddit = "reddit";

    public static IReadOnlyList<string> All { get; } =
        [Facebook, Instagram, X, LinkedIn, TikTok, YouTube, Pinterest, Blog, Reddit];

    public static bool IsKnown(string? channel) => channel is not null && All.Contains(channel, StringComparer.Ordinal);

    /// <summary>Accepts any casing and a few common spellings ("Twitter", "LinkedIn"); null when unknown.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim().ToLowerInvariant();
        return v switch
        {
            "twitter" => X,
            "yt" => YouTube,
            "ga4" or "web" or "website" => Blog,
            _ => IsKnown(v) ? v : null,
        };
    }
}
