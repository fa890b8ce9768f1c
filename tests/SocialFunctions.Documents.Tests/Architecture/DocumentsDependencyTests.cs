using SocialFunctions.Testing;

namespace SocialFunctions.Documents.Tests.Architecture;

/// <summary>The document engine knows nothing of the domain: no Core, no Reports, no SDK beyond drawing.</summary>
public sealed class DocumentsDependencyTests
{
    [Fact]
    public void DocumentsAssembly_ReferencesNoProjectAndNoAdapterSdk()
    {
        var offending = ArchitectureRules.ForbiddenAssemblyReferences(
            typeof(SocialFunctions.Documents.Infrastructure.IDocument).Assembly, ArchitectureRules.AzureAndMail, ArchitectureRules.Web, ["SocialFunctions."]);

        Assert.True(offending.Count == 0, $"SocialFunctions.Documents must not reference: {string.Join(", ", offending)}");
    }

    [Fact]
    public void DocumentsProject_ReferencesNoProject() => Assert.Empty(ArchitectureRules.ProjectReferences("SocialFunctions.Documents"));
}
