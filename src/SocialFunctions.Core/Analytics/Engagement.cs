using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Analytics;

/// <summary>Per-post engagement arithmetic of metrics.md.</summary>
public static class Engagement
{
    public const string Reactions = "reactions";
    public const string Comments = "comments";
    public const string Shares = "shares";
    public const string Saves = "saves";
    public const string Clicks = "clicks";

    public static IReadOnlyList<string> ComponentNames { get; } = [Reactions, Comments, Shares, Saves, Clicks];

    /// <summary>reactions + comments + shares + saves + clicks over the components the export provides; null when it provides none.</summary>
    public static long? Of(CanonicalPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        // Called for every post the series detector scores (millions a second): no array per call.
        long? sum = null;
        Add(ref sum, post.Reactions);
        Add(ref sum, post.Comments);
        Add(ref sum, post.Shares);
        Add(ref sum, post.Saves);
        Add(ref sum, post.Clicks);
        return sum;

        static void Add(ref long? sum, long? value)
        {
            if (value is { } v)
            {
                sum = (sum ?? 0) + v;
            }
        }
    }

    /// <summary>The post's own rate (engagements / impressions), for ranking; null without both or with 0 impressions.</summary>
    public static double? Rate(CanonicalPost post) =>
        Of(post) is { } engagements && post.Impressions is > 0 ? (double)engagements / post.Impressions.Value : null;

    /// <summary>Names of the components that <paramref name="post"/> carries (not null).</summary>
    public static IEnumerable<string> Provided(CanonicalPost post)
    {
        var values = Components(post);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not null)
            {
                yield return ComponentNames[i];
            }
        }
    }

    private static long?[] Components(CanonicalPost post) => [post.Reactions, post.Comments, post.Shares, post.Saves, post.Clicks];
}
