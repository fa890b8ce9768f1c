using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Architecture;

/// <summary>The domain core stays free of SDKs and of the other projects: storage, mail, PDF and web live at the edges.</summary>
public sealed class CoreDependencyTests
{
    private static readonly System.Reflection.Assembly Core = typeof(SocialFunctions.Core.Records.CanonicalPost).Assembly;

    [Fact]
    public void CoreAssembly_ReferencesNoSdk()
    {
        var offending = ArchitectureRules.ForbiddenAssemblyReferences(Core, ArchitectureRules.AzureAndMail, ArchitectureRules.Drawing, ArchitectureRules.Web, ["SocialFunctions."]);

        Assert.True(offending.Count == 0, $"SocialFunctions.Core must not reference SDKs or other projects, but references: {string.Join(", ", offending)}");
    }

    [Fact]
    public void CoreProject_ReferencesNoProjectAndOnlyParsingAndAbstractionPackages()
    {
        Assert.Empty(ArchitectureRules.ProjectReferences("SocialFunctions.Core"));
        Assert.All(ArchitectureRules.PackageReferences("SocialFunctions.Core"), package => Assert.Contains(
            package,
            new[] { "Sylvan.Data.Csv", "ExcelDataReader", "System.IO.Hashing", "Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Options" }));
    }
}
