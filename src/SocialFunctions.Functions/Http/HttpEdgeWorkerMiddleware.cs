using Microsoft.Azure.Functions.Worker.Middleware;

namespace SocialFunctions.Functions.Http;

/// <summary>
/// <see cref="HttpEdge"/> under the Functions host: runs inside the ASP.NET Core integration's proxying middleware, so the
/// HTTP context is bound, and answers by setting the invocation result (executed like any function's IResult). Timer
/// and queue invocations pass straight through (their failures are the host's to retry).
/// </summary>
internal sealed class HttpEdgeWorkerMiddleware(HttpEdge edge) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        if (edge.Admit(http) is { } denied)
        {
            context.GetInvocationResult().Value = denied;
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (edge.TryAnswer(ex, http, out var answer))
        {
            context.GetInvocationResult().Value = answer;
        }
    }
}
