using System.Text.Json;

namespace SocialFunctions.Host.Scheduling;

/// <summary>
/// The function folders of the app (one <c>function.json</c> each): the single statement of every route, schedule
/// and queue. The standalone scheduler and queue pump read them so local runs behave as the Functions host would.
/// </summary>
public sealed record FunctionManifest(string Name, string TriggerType, string BindingName, string? Schedule, string? QueueName, string? Route, IReadOnlyList<string> Methods)
{
    /// <summary>Reads every <c>*/function.json</c> below the app root.</summary>
    public static IReadOnlyList<FunctionManifest> ReadAll(string appRoot)
    {
        var manifests = new List<FunctionManifest>();
        foreach (var directory in Directory.EnumerateDirectories(appRoot).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(directory, "function.json");
            if (File.Exists(file))
            {
                manifests.Add(Parse(Path.GetFileName(directory), File.ReadAllText(file)));
            }
        }

        return manifests;
    }

    public static FunctionManifest Parse(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        var trigger = document.RootElement.GetProperty("bindings").EnumerateArray()
            .First(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        string? Text(string property) => trigger.TryGetProperty(property, out var value) ? value.GetString() : null;
        var methods = trigger.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToList() : [];
        return new FunctionManifest(name, Text("type")!, Text("name")!, Text("schedule"), Text("queueName"), Text("route"), methods);
    }

    /// <summary>The folder holding host.json: configured, else searched upwards from the executable and the working directory.</summary>
    public static string? FindAppRoot(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "host.json")))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
