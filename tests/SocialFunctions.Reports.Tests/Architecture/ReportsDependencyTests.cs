using SocialFunctions.Testing;

namespace SocialFunctions.Reports.Tests.Architecture;

/// <summary>The report and its words sit on Core and Documents only: no Azure, no Graph, no mail SDK, no adapters.</summary>
public sealed class ReportsDependencyTests
{
    [Fact]
    public void ReportsAssembly_ReferencesNoAzureNoAdapters()
    {
        var offending = ArchitectureRules.ForbiddenAssemblyReferences(
            typeof(SocialFunctions.Reports.TrendReportRenderer).Assembly, ArchitectureRules.AzureAndMail, ArchitectureRules.Web, ["SocialFunctions.Infrastructure", "SocialFunctions.Functions", "SocialFunctions.LocalServer"]);

        Assert.True(offending.Count == 0, $"SocialFunctions.Reports must not reference: {string.Join(", ", offending)}");
    }

    [Fact]
    public void ReportsProject_ReferencesCoreAndDocumentsOnly() =>
        Assert.Equal(["SocialFunctions.Core", "SocialFunctions.Documents"], ArchitectureRules.ProjectReferences("SocialFunctions.Reports"));
}
