using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Testing;

/// <summary>
/// Eight weeks of an Instagram channel before <c>now</c>: ten other posts a week at about 3 % engagement (2.7 and 3.3 %
/// in turn), the weekly series "Tips" at 1.2 % (the detector calls it underperforming, 60 % under its baseline) and,
/// when asked, the weekly "Behind the Scenes" at 3 % (healthy). Every post has 10,000 impressions.
/// </summary>
public static class SeriesPosts
{
    public const string Weak = "Tips";

    public const string Healthy = "Behind the Scenes";

    public static IReadOnlyList<CanonicalPost> Instagram(string brand, DateTimeOffset now, bool withHealthySeries = false)
    {
        var start = now.AddDays(-57);
        var posts = new List<CanonicalPost>();
        for (var w = 0; w < 8; w++)
        {
            for (var k = 0; k < 10; k++)
            {
                posts.Add(Post(brand, $"o-{w}-{k}", null, start.AddDays((7 * w) + (k * 0.7)), k % 2 == 0 ? 0.027 : 0.033));
            }

            posts.Add(Post(brand, $"t-{w}", Weak, start.AddDays((7 * w) + 1), 0.012));
            if (withHealthySeries)
            {
                posts.Add(Post(brand, $"b-{w}", Healthy, start.AddDays((7 * w) + 2), 0.030));
            }
        }

        return posts;
    }

    /// <summary>Writes <paramref name="posts"/> through the store's batch writer (Table Storage in tests: Azurite).</summary>
    public static async Task WriteAsync(IRecordStore store, IEnumerable<CanonicalPost> posts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(posts);
        await using var writer = store.OpenWriter();
        foreach (var post in posts)
        {
            await writer.WriteAsync(post, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static CanonicalPost Post(string brand, string id, string? series, DateTimeOffset at, double rate) => new()
    {
        Brand = brand,
        Channel = Channels.Instagram,
        PostId = id,
        PublishedAt = at,
        Series = series,
        Impressions = 10_000,
        Reactions = (long)Math.Round(10_000 * rate),
        Permalink = $"https://instagram.com/p/{id}",
        Text = series is null ? "Other post" : $"{series}: episode {id}",
    };
}
