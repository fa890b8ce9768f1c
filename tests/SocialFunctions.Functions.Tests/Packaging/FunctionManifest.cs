using System.Text.Json;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>One function folder at the repository root (the Functions host's unit of deployment), read from its function.json.</summary>
internal sealed record FunctionManifest(string Name, IReadOnlyList<FunctionBinding> Bindings)
{
    public const string FileName = "function.json";

    /// <summary>The input binding whose type ends in "Trigger"; null when there is none (an invalid manifest).</summary>
    public FunctionBinding? Trigger => Bindings.SingleOrDefault(b => b.IsTrigger);

    public bool IsHttp => Trigger?.Type == "httpTrigger";

    /// <summary>Every folder directly under <paramref name="root"/> that holds a function.json, sorted by name.</summary>
    public static IReadOnlyList<FunctionManifest> LoadAll(string root) =>
        Directory.EnumerateDirectories(root)
            .Where(folder => File.Exists(Path.Combine(folder, FileName)))
            .Select(Load)
            .OrderBy(manifest => manifest.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Reads one folder; throws <see cref="JsonException"/> naming the file when it is not valid JSON.</summary>
    public static FunctionManifest Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        using var document = ParseFile(path);
        if (!document.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"{path}: no \"bindings\" array.");
        }

        return new FunctionManifest(Path.GetFileName(folder), bindings.EnumerateArray().Select(FunctionBinding.Read).ToList());
    }

    private static JsonDocument ParseFile(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new JsonException($"{path}: {ex.Message}", ex);
        }
    }
}

/// <summary>One entry of function.json "bindings"; properties a binding type does not use are null or empty.</summary>
internal sealed record FunctionBinding(
    string Type,
    string Direction,
    string Name,
    string? Route,
    IReadOnlyList<string> Methods,
    string? AuthLevel,
    string? QueueName,
    string? Connection,
    string? Schedule)
{
    public bool IsTrigger => Direction == "in" && Type.EndsWith("Trigger", StringComparison.Ordinal);

    public static FunctionBinding Read(JsonElement element) => new(
        Type: String(element, "type") ?? "",
        Direction: String(element, "direction") ?? "",
        Name: String(element, "name") ?? "",
        Route: String(element, "route"),
        Methods: element.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? methods.EnumerateArray().Select(m => m.GetString() ?? "").ToList()
            : [],
        AuthLevel: String(element, "authLevel"),
        QueueName: String(element, "queueName"),
        Connection: String(element, "connection"),
        Schedule: String(element, "schedule"));

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
