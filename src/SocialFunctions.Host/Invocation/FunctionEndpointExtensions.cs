namespace SocialFunctions.Host.Invocation;

public static class FunctionEndpointExtensions
{
    /// <summary>
    /// Maps a timer or queue function the way the Functions host calls it: <c>POST /{functionName}</c> with the
    /// invocation payload. The handler binds <see cref="FunctionInvocation"/> from the body plus any services and the
    /// request's <see cref="CancellationToken"/>, and returns a <see cref="FunctionResult"/>. A non-2xx answer fails the
    /// invocation (the host then retries per its policy), so only real failures should escape.
    /// </summary>
    public static RouteHandlerBuilder MapFunction(this IEndpointRouteBuilder app, string functionName, Delegate handler) =>
        app.MapPost("/" + functionName, handler).WithName(functionName);
}
