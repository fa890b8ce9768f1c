using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SocialFunctions.Core.Ingest;

/// <summary>
/// Stable post ids for exports that have none (metrics.md): <c>h-</c> + the first 16 bytes of SHA-256 in hex, of the
/// permalink, else of publish time + text. The same post in a later export gets the same id, so it is updated, not duplicated.
/// </summary>
public static class PostIds
{
    public const string Prefix = "h-";

    /// <summary>Id from a permalink (trimmed; a trailing slash and the query string are ignored).</summary>
    public static string FromPermalink(string permalink)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(permalink);
        var normal = permalink.Trim();
        var query = normal.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            normal = normal[..query];
        }

        return Hash(normal.TrimEnd('/'));
    }

    /// <summary>Id from the publish instant (UTC, to the minute) and the text.</summary>
    public static string FromContent(DateTimeOffset publishedAt, string? text)
    {
        var minute = publishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
        return Hash(string.Concat(minute, "\n", text?.Trim() ?? string.Empty));
    }

    /// <summary>The platform id when there is one, else <see cref="FromPermalink"/>, else <see cref="FromContent"/>.</summary>
    public static string Choose(string? platformId, string? permalink, DateTimeOffset publishedAt, string? text) =>
        !string.IsNullOrWhiteSpace(platformId) ? platformId.Trim()
        : !string.IsNullOrWhiteSpace(permalink) ? FromPermalink(permalink)
        : FromContent(publishedAt, text);

    private static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Prefix + Convert.ToHexStringLower(hash[..16]);
    }
}
