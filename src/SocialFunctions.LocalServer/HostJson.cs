using System.Globalization;
using System.Text.Json;

namespace SocialFunctions.LocalServer;

/// <summary>
/// The host.json settings the local server honours as the Functions host does: the HTTP route prefix, and the queue
/// trigger's maxDequeueCount and visibilityTimeout (retry delay after a failed invocation). Defaults are the host's.
/// </summary>
internal sealed record HostJson(string RoutePrefix, int MaxDequeueCount, TimeSpan VisibilityTimeout)
{
    public const string FileName = "host.json";

    public static readonly HostJson Defaults = new("api", 5, TimeSpan.Zero);

    /// <summary>host.json beside the Functions assembly (the build links it there from the repository root).</summary>
    public static HostJson Load() => Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found; the Functions project copies host.json into the build output.", path);
        }

        return Parse(File.ReadAllText(path));
    }

    public static HostJson Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = document.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var routePrefix = Find(extensions, "http", "routePrefix") is { ValueKind: JsonValueKind.String } prefix ? prefix.GetString()! : Defaults.RoutePrefix;
        var maxDequeueCount = Find(extensions, "queues", "maxDequeueCount") is { ValueKind: JsonValueKind.Number } count ? count.GetInt32() : Defaults.MaxDequeueCount;
        var visibility = Find(extensions, "queues", "visibilityTimeout") is { ValueKind: JsonValueKind.String } timeout
            ? TimeSpan.Parse(timeout.GetString()!, CultureInfo.InvariantCulture)
            : Defaults.VisibilityTimeout;
        return new HostJson(routePrefix.Trim('/'), maxDequeueCount, visibility);
    }

    private static JsonElement? Find(JsonElement element, params string[] path)
    {
        foreach (var property in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out element))
            {
                return null;
            }
        }

        return element;
    }
}
