using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;

namespace SocialFunctions.LocalServer.Triggers;

/// <summary>
/// Serves every HTTP function at <c>/{routePrefix}/{route}</c> for its methods, as the Functions host routes requests
/// to the worker. Function keys are not checked locally (nor under Core Tools); an exception fails the request with
/// a 500, as under the host.
/// </summary>
internal static class HttpFunctionRoutes
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app, IEnumerable<FunctionDeclaration> functions, HostJson host)
    {
        foreach (var function in functions.Where(f => f.Kind == TriggerKind.HttpTrigger))
        {
            app.MapMethods(RoutePattern(host.RoutePrefix, function.Route!), function.HttpMethods, async context =>
                {
                    var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
                    var result = await invoker.InvokeAsync(function, new InvocationInput(Http: context), context.RequestAborted);
                    if (result is IResult answer)
                    {
                        await answer.ExecuteAsync(context);
                    }
                })
                .WithName(function.Name)
                .DisableAntiforgery();
        }

        return app;
    }

    /// <summary>The path the host serves a function route at: <c>/{prefix}/{route}</c> (no prefix when it is empty).</summary>
    public static string RoutePattern(string routePrefix, string route) =>
        "/" + string.Join('/', new[] { routePrefix.Trim('/'), route.Trim('/') }.Where(s => s.Length > 0));
}
