using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>
/// The endpoints of the real handler, read from the built app's <see cref="EndpointDataSource"/>s as the Functions host
/// would start it (FUNCTIONS_CUSTOMHANDLER_PORT set). The app is built, not started: routes need no storage or port.
/// </summary>
internal sealed class HandlerAppEndpointSource : IHandlerEndpointSource
{
    public async Task<IReadOnlyList<HandlerEndpoint>> GetEndpointsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Scheduling:TimersEnabled"] = "false",
            ["Scheduling:QueuesEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = HandlerApp.Build(
            [$"--{SocialFunctions.Host.Hosting.HandlerHosting.CustomHandlerPortVariable}=0"],
            builder => builder.Configuration.AddInMemoryCollection(settings));

        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => new HandlerEndpoint(
                endpoint.RoutePattern.RawText ?? "",
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? []))
            .ToList();
    }
}
