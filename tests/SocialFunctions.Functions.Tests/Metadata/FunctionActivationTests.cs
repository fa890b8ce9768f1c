using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Metadata;

/// <summary>
/// The worker activates each function class per invocation from its DI container: every class functions.metadata
/// names must be constructible from AddSocialFunctions alone (the local server adds nothing a function needs).
/// </summary>
public sealed class FunctionActivationTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EveryEntryPointClass_WorkerComposition_Activates()
    {
        await using var functions = new FunctionServices(azurite);
        var assembly = typeof(FunctionsServiceCollectionExtensions).Assembly;
        var classes = FunctionsMetadata.LoadBuilt().Select(f => f.EntryPoint[..f.EntryPoint.LastIndexOf('.')]).Distinct().ToList();

        await using var scope = functions.Services.CreateAsyncScope();
        var failures = new List<string>();
        foreach (var name in classes)
        {
            try
            {
                ActivatorUtilities.CreateInstance(scope.ServiceProvider, assembly.GetType(name, throwOnError: true)!);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{name}: {ex.Message}");
            }
        }

        Assert.True(classes.Count >= 7, $"only {classes.Count} function classes found");
        Assert.Empty(failures);
    }
}
