namespace SocialFunctions.Core.Tests.Architecture;

/// <summary>The domain core stays free of SDKs: storage, mail, PDF and web concerns live in adapters at the edges.</summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Azure.", "Microsoft.Graph", "Microsoft.Kiota", "SkiaSharp", "HarfBuzzSharp", "ScottPlot", "Microsoft.AspNetCore", "MimeKit",
    ];

    [Fact]
    public void CoreAssembly_ReferencesNoSdk()
    {
        var core = typeof(SocialFunctions.Core.Records.CanonicalPost).Assembly;

        var offending = core.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.True(offending.Count == 0, $"SocialFunctions.Core must not reference SDKs, but references: {string.Join(", ", offending)}");
    }
}
