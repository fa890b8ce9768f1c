using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>
/// The deployed function.json files and the handler agree: the host proxies each HTTP function to /api/{route} and
/// posts each timer/queue invocation to /{FunctionName}; a function without a handler endpoint answers 404 in Azure,
/// and a handler route without a function.json is unreachable there.
/// </summary>
public sealed class HandlerEndpointCoverageTests
{
    private readonly HandlerAppEndpointSource _handler = new();

    [Fact]
    public async Task Handler_EveryFunctionJson_HasAnEndpointForEachCallTheHostMakes()
    {
        var host = HostManifest.Load(Path.Combine(RepositoryPaths.Root, HostManifest.FileName));
        var endpoints = await _handler.GetEndpointsAsync(TestContext.Current.CancellationToken);

        var problems = FunctionEndpointMatcher.FindUnservedFunctions(FunctionManifest.LoadAll(RepositoryPaths.Root), endpoints, host.RoutePrefix);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Handler_EveryApiAndInvocationEndpoint_IsRoutedToByAFunctionJson()
    {
        var host = HostManifest.Load(Path.Combine(RepositoryPaths.Root, HostManifest.FileName));
        var endpoints = await _handler.GetEndpointsAsync(TestContext.Current.CancellationToken);

        var problems = FunctionEndpointMatcher.FindUnreachableEndpoints(FunctionManifest.LoadAll(RepositoryPaths.Root), endpoints, host.RoutePrefix);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task GetEndpointsAsync_BuiltHandler_ListsHealthWithItsMethod()
    {
        var endpoints = await _handler.GetEndpointsAsync(TestContext.Current.CancellationToken);

        // Guards the source itself: an empty or method-less list would make the two checks above pass vacuously.
        var health = Assert.Single(endpoints, e => HandlerRoutes.Normalize(e.Route) == "/api/health");
        Assert.Equal(["GET"], health.Methods);
    }
}
