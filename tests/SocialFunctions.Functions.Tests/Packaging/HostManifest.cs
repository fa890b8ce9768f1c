using System.Text.Json;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>The parts of host.json that decide what the package must contain and where HTTP routes live.</summary>
internal sealed record HostManifest(string? DefaultExecutablePath, string RoutePrefix, string? ExtensionBundleVersion)
{
    public const string FileName = "host.json";

    /// <summary>The host's default when extensions.http.routePrefix is absent.</summary>
    private const string DefaultRoutePrefix = "api";

    public static HostManifest Load(string path) => Parse(File.ReadAllText(path));

    public static HostManifest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new HostManifest(
            DefaultExecutablePath: Find(root, "customHandler", "description", "defaultExecutablePath"),
            RoutePrefix: Find(root, "extensions", "http", "routePrefix") ?? DefaultRoutePrefix,
            ExtensionBundleVersion: Find(root, "extensionBundle", "version"));
    }

    private static string? Find(JsonElement element, params string[] path)
    {
        foreach (var property in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
