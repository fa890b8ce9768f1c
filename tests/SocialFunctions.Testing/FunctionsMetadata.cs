using System.Text.Json;

namespace SocialFunctions.Testing;

/// <summary>
/// One function of the Worker SDK's <c>functions.metadata</c> — what the Azure Functions host reads to index the app —
/// reduced to its trigger. Properties a trigger type does not use are null or empty.
/// </summary>
public sealed record FunctionsMetadata(
    string Name,
    string EntryPoint,
    string TriggerType,
    string? Route,
    IReadOnlyList<string> Methods,
    string? AuthLevel,
    string? Schedule,
    string? QueueName,
    string? Connection,
    IReadOnlyList<string> OutputTypes,
    string? RetryStrategy)
{
    public const string FileName = "functions.metadata";

    /// <summary>The copy of functions.metadata in the test's output folder (the test project links the Functions build's file).</summary>
    public static IReadOnlyList<FunctionsMetadata> LoadBuilt() => Load(Path.Combine(AppContext.BaseDirectory, FileName));

    public static IReadOnlyList<FunctionsMetadata> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: build src/SocialFunctions.Functions (the Worker SDK writes it).", path);
        }

        return Parse(File.ReadAllText(path));
    }

    public static IReadOnlyList<FunctionsMetadata> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(Read).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionsMetadata Read(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().ToList();
        var trigger = bindings.Single(b => Text(b, "direction") is { } d && d.Equals("In", StringComparison.OrdinalIgnoreCase)
                                           && Text(b, "type")!.EndsWith("Trigger", StringComparison.Ordinal));
        return new FunctionsMetadata(
            Name: Text(function, "name")!,
            EntryPoint: Text(function, "entryPoint")!,
            TriggerType: Text(trigger, "type")!,
            Route: Text(trigger, "route"),
            Methods: trigger.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : [],
            AuthLevel: Text(trigger, "authLevel"),
            Schedule: Text(trigger, "schedule"),
            QueueName: Text(trigger, "queueName"),
            Connection: Text(trigger, "connection"),
            OutputTypes: [.. bindings.Where(b => Text(b, "direction") is { } d && d.Equals("Out", StringComparison.OrdinalIgnoreCase)).Select(b => Text(b, "type")!)],
            RetryStrategy: function.TryGetProperty("retry", out var retry) && retry.ValueKind == JsonValueKind.Object ? Text(retry, "strategy") : null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
