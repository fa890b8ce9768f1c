using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;

namespace SocialFunctions.LocalServer.Triggers;

/// <summary>
/// <c>POST /admin/functions/{name}</c> with <c>{"input":"…"}</c> runs a timer or queue function now, as the host's
/// admin API does (there with the master key). The input is the queue message; timers ignore it. Unlike the host,
/// which answers 202 at once, the local server answers 202 when the run is over, so scripts can wait on it.
/// </summary>
internal static class AdminFunctionRoutes
{
    public static IEndpointRouteBuilder MapAdminFunctions(this IEndpointRouteBuilder app, IReadOnlyList<FunctionDeclaration> functions)
    {
        app.MapPost("/admin/functions/{name}", async (string name, HttpRequest request, FunctionInvoker invoker, CancellationToken cancellationToken) =>
        {
            var function = functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
            if (function is null || function.Kind == TriggerKind.HttpTrigger)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "No such timer or queue function.",
                    detail: $"'{name}' is not one of: {string.Join(", ", functions.Where(f => f.Kind != TriggerKind.HttpTrigger).Select(f => f.Name))}.");
            }

            var body = await request.ReadFromJsonAsync<AdminInvocation>(cancellationToken);
            var input = function.Kind == TriggerKind.TimerTrigger
                ? new InvocationInput(Timer: new TimerInfo())
                : new InvocationInput(QueueMessage: body?.Input ?? "");
            await invoker.InvokeAsync(function, input, cancellationToken);
            return Results.Accepted();
        }).ExcludeFromDescription();
        return app;
    }

    private sealed record AdminInvocation(string? Input);
}
