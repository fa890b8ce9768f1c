using System.Reflection;
using System.Xml.Linq;

namespace SocialFunctions.Testing;

/// <summary>
/// The project graph is the architecture: each src project may use only what its row in docs/architecture.md allows.
/// Checked twice, because either can drift alone: the project file's references (what the build lets it use) and the
/// compiled assembly's references (what it does use).
/// </summary>
public static class ArchitectureRules
{
    /// <summary>SDKs only adapters (Infrastructure) may touch.</summary>
    public static readonly string[] AzureAndMail = ["Azure.", "Microsoft.Graph", "Microsoft.Kiota", "MimeKit", "Microsoft.Identity", "Microsoft.IdentityModel"];

    /// <summary>The PDF and chart engines only the document layer (and the report on it) may touch.</summary>
    public static readonly string[] Drawing = ["SkiaSharp", "HarfBuzzSharp", "ScottPlot"];

    /// <summary>Web hosting and HTTP resilience, the edge's concern.</summary>
    public static readonly string[] Web = ["Microsoft.AspNetCore", "Polly", "Microsoft.Extensions.Http"];

    /// <summary>Names of the assembly's references that start with any forbidden prefix.</summary>
    public static IReadOnlyList<string> ForbiddenAssemblyReferences(Assembly assembly, params IEnumerable<string>[] forbidden)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var prefixes = forbidden.SelectMany(p => p).ToList();
        return [.. assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => prefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The projects a src project references, by name (e.g. <c>SocialFunctions.Core</c>).</summary>
    public static IReadOnlyList<string> ProjectReferences(string project) =>
        [.. Items(project, "ProjectReference").Select(path => Path.GetFileNameWithoutExtension(path.Replace('\\', '/'))).Order(StringComparer.Ordinal)];

    /// <summary>The packages a src project references directly.</summary>
    public static IReadOnlyList<string> PackageReferences(string project) => [.. Items(project, "PackageReference").Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Items(string project, string item)
    {
        var file = Path.Combine(RepositoryPaths.Root, "src", project, project + ".csproj");
        return XDocument.Load(file).Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>();
    }
}
