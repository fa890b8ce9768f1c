using System.Collections.Frozen;
using System.Security.Cryptography;

namespace SocialFunctions.Functions.Web;

/// <summary>
/// The team's web page: the files of <c>Web/wwwroot</c>, embedded in the assembly at build time (no bundler, no file
/// system lookups), each with its content type and a strong ETag computed once (a singleton). Flat names only: the page function's
/// route is one optional segment.
/// </summary>
internal sealed class WebAssets
{
    public const string ResourcePrefix = "web/";
    public const string IndexFile = "index.html";

    private readonly FrozenDictionary<string, WebAsset> _all = Load();

    public IReadOnlyCollection<string> Names => _all.Keys;

    /// <summary>The asset named <paramref name="name"/> (null or empty: the page itself), or null when there is none.</summary>
    public WebAsset? Find(string? name) =>
        _all.TryGetValue(string.IsNullOrEmpty(name) ? IndexFile : name, out var asset) ? asset : null;

    private static FrozenDictionary<string, WebAsset> Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var assets = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            assets[name] = new WebAsset(name, content, ContentType(name), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };
}

/// <summary>One file of the page as it is served.</summary>
internal sealed record WebAsset(string Name, byte[] Content, string ContentType, string ETag);
