using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Functions.Http;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Functions.Health;

internal sealed class HealthFunction(StorageHealth storage, HostingMode hosting)
{
    /// <summary><c>GET /api/health</c>: 200 when tables, blobs and queues answer, else 503 naming what failed.</summary>
    [Function("Health")]
    public async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> RunAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var checks = await storage.CheckAsync(cancellationToken);
        var healthy = checks.Values.All(v => v == "ok");
        var response = new HealthResponse(healthy ? "healthy" : "unhealthy", hosting.Name, checks);
        return healthy ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The body of <c>GET /api/health</c>: overall status, who runs the functions, and each storage service.</summary>
internal sealed record HealthResponse(string Status, string Mode, IReadOnlyDictionary<string, string> Storage);

/// <summary>Who invokes the functions: the Azure Functions host (through the worker) or the local server.</summary>
internal sealed record HostingMode(string Name)
{
    public static readonly HostingMode FunctionsHost = new("FunctionsHost");

    public static readonly HostingMode LocalServer = new("LocalServer");
}
