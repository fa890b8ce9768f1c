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

    /// <summary>Names of the components that any of <paramref name="posts"/> carries: <see cref="Provided(CanonicalPost)"/> over all, one pass, no sequence per post.</summary>
    public static HashSet<string> ProvidedByAny(IEnumerable<CanonicalPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        Span<bool> present = stackalloc bool[ComponentNames.Count];
        foreach (var post in posts)
        {
            present[0] |= post.Reactions is not null;
            present[1] |= post.Comments is not null;
            present[2] |= post.Shares is not null;
            present[3] |= post.Saves is not null;
            present[4] |= post.Clicks is not null;
        }

        var provided = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ComponentNames.Count; i++)
        {
            if (present[i])
            {
                provided.Add(ComponentNames[i]);
            }
        }

        return provided;
    }

    private static long?[] Components(CanonicalPost post) => [post.Reactions, post.Comments, post.Shares, post.Saves, post.Clicks];
}
