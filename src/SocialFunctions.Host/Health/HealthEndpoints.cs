using SocialFunctions.Host.Hosting;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Host.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /api/health</c>: 200 when tables, blobs and queues answer, else 503 naming what failed.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", async (StorageHealth storage, HandlerEnvironment environment, CancellationToken cancellationToken) =>
        {
            var checks = await storage.CheckAsync(cancellationToken);
            var healthy = checks.Values.All(v => v == "ok");
            return Results.Json(
                new { status = healthy ? "healthy" : "unhealthy", mode = environment.Mode.ToString(), storage = checks },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithName("Health");

        // The Functions host polls GET / until the handler answers; answer cheaply.
        app.MapGet("/", () => Results.Text("SocialFunctions handler")).ExcludeFromDescription();
        return app;
    }
}
