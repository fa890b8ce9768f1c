using System.IO.Compression;
using System.Text.Json;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Packaging;

/// <summary>Checks a deployment zip against what the Functions host needs to index and start an isolated-worker app.</summary>
internal static class DeploymentPackage
{
    /// <summary>The file eng/package.sh writes by default.</summary>
    public static readonly string[] DefaultPath = ["out", "package", "socialfunctions.zip"];

    /// <summary>The local server runs the functions without the host; it must never be deployed.</summary>
    public const string LocalServerAssembly = "SocialFunctions.LocalServer.dll";

    /// <summary>
    /// One line per thing the host would miss or trip on: host.json (no custom-handler or bundle section),
    /// worker.config.json and the worker assembly it names, functions.metadata with every expected function, the
    /// extension assemblies extensions.json points at, and no local server.
    /// </summary>
    public static IReadOnlyList<string> FindProblems(string zipPath, IEnumerable<string> functionNames)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        var entries = zip.Entries.ToDictionary(e => e.FullName.TrimStart('.', '/').Length == 0 ? e.FullName : NormalizeName(e.FullName), StringComparer.Ordinal);
        var problems = new List<string>();

        using (var host = Json(entries, "host.json", problems))
        {
            foreach (var section in new[] { "customHandler", "extensionBundle" })
            {
                if (host?.RootElement.TryGetProperty(section, out _) == true)
                {
                    problems.Add($"host.json has a {section} section: an isolated-worker app brings its own bindings and worker");
                }
            }
        }

        using (var worker = Json(entries, "worker.config.json", problems))
        {
            if (worker is not null)
            {
                var path = worker.RootElement.GetProperty("description").TryGetProperty("defaultWorkerPath", out var p) ? p.GetString() : null;
                if (path is null || !entries.ContainsKey(path))
                {
                    problems.Add($"worker.config.json names '{path}' as the worker, which is not in the zip");
                }
            }
        }

        using (var metadata = Json(entries, FunctionsMetadata.FileName, problems))
        {
            if (metadata is not null)
            {
                var listed = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToHashSet(StringComparer.Ordinal);
                problems.AddRange(functionNames.Where(name => !listed.Contains(name)).Select(name => $"functions.metadata does not list {name}"));
            }
        }

        using (var extensions = Json(entries, "extensions.json", problems))
        {
            foreach (var extension in extensions?.RootElement.GetProperty("extensions").EnumerateArray() ?? default)
            {
                var hint = NormalizeName(extension.GetProperty("hintPath").GetString() ?? "");
                if (!entries.ContainsKey(hint))
                {
                    problems.Add($"extensions.json points at {hint}, which is not in the zip: the host could not load {extension.GetProperty("name").GetString()}");
                }
            }
        }

        if (entries.ContainsKey(LocalServerAssembly))
        {
            problems.Add($"{LocalServerAssembly} is in the zip: the local server is for development only");
        }

        return problems;
    }

    /// <summary>"./.azurefunctions/x.dll" and ".azurefunctions/x.dll" name the same entry.</summary>
    private static string NormalizeName(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;

    private static JsonDocument? Json(Dictionary<string, ZipArchiveEntry> entries, string name, List<string> problems)
    {
        if (!entries.TryGetValue(name, out var entry))
        {
            problems.Add($"{name} is not at the root of the zip");
            return null;
        }

        using var stream = entry.Open();
        return JsonDocument.Parse(stream);
    }
}
