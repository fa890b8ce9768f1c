using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Architecture;

/// <summary>Adapters do transport on Core's ports: they never reach the report, its words or the drawing engine.</summary>
public sealed class InfrastructureDependencyTests
{
    [Fact]
    public void InfrastructureAssembly_ReferencesNoReportsNoDrawing()
    {
        var offending = ArchitectureRules.ForbiddenAssemblyReferences(
            typeof(SocialFunctions.Infrastructure.Storage.StorageClients).Assembly, ArchitectureRules.Drawing, ["SocialFunctions.Reports", "SocialFunctions.Documents", "SocialFunctions.Functions", "SocialFunctions.LocalServer"]);

        Assert.True(offending.Count == 0, $"SocialFunctions.Infrastructure must not reference: {string.Join(", ", offending)}");
    }

    [Fact]
    public void InfrastructureProject_ReferencesCoreOnly() =>
        Assert.Equal(["SocialFunctions.Core"], ArchitectureRules.ProjectReferences("SocialFunctions.Infrastructure"));
}
