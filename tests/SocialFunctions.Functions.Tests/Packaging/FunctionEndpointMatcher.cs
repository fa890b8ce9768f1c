namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>An ASP.NET route the handler maps; <see cref="Methods"/> empty means any method.</summary>
internal sealed record HandlerEndpoint(string Route, IReadOnlyList<string> Methods)
{
    public bool Allows(string method) =>
        Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);

    public override string ToString() =>
        $"{(Methods.Count == 0 ? "ANY" : string.Join('|', Methods))} {HandlerRoutes.Normalize(Route)}";
}

/// <summary>Where the handler's endpoints come from: the running app, or a list in a test.</summary>
internal interface IHandlerEndpointSource
{
    Task<IReadOnlyList<HandlerEndpoint>> GetEndpointsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Compares function.json manifests with the handler's routes the way the Functions host calls the handler:
/// HTTP functions are proxied to the same path (/{routePrefix}/{route}); timer and queue functions are invoked
/// with POST /{FunctionName}. Reports every function the handler cannot serve and every /api route no function reaches.
/// </summary>
internal static class FunctionEndpointMatcher
{
    /// <summary>One line per (function, method) the handler has no endpoint for.</summary>
    public static IReadOnlyList<string> FindUnservedFunctions(
        IEnumerable<FunctionManifest> functions, IReadOnlyList<HandlerEndpoint> endpoints, string routePrefix)
    {
        var problems = new List<string>();
        foreach (var function in functions)
        {
            foreach (var (method, route) in ExpectedCalls(function, routePrefix))
            {
                var served = endpoints.Any(e => e.Allows(method) && HandlerRoutes.Serves(e.Route, route));
                if (!served)
                {
                    problems.Add($"{function.Name}: the host calls {method} {route} but the handler maps no such endpoint");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// One line per handler endpoint the host never calls: a route under the prefix that no HTTP function's route and
    /// methods cover, or a POST /{Name} for which no timer/queue function exists. Other routes (readiness GET /) are
    /// the handler's own business.
    /// </summary>
    public static IReadOnlyList<string> FindUnreachableEndpoints(
        IReadOnlyList<FunctionManifest> functions, IEnumerable<HandlerEndpoint> endpoints, string routePrefix)
    {
        var calls = functions.SelectMany(f => ExpectedCalls(f, routePrefix)).ToList();
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var segments = HandlerRoutes.Segments(endpoint.Route);
            var underPrefix = segments.Length > 0 && string.Equals(segments[0], routePrefix, StringComparison.OrdinalIgnoreCase);
            var isInvocation = segments.Length == 1 && !underPrefix && endpoint.Allows("POST") && !HandlerRoutes.IsParameter(segments[0]);
            if (!underPrefix && !isInvocation)
            {
                continue;
            }

            var reached = calls.Any(call => endpoint.Allows(call.Method) && HandlerRoutes.Reaches(call.Route, endpoint.Route));
            if (!reached)
            {
                problems.Add($"{endpoint}: mapped by the handler but no function.json routes requests to it");
            }
        }

        return problems;
    }

    /// <summary>The requests the host sends the handler for one function, as (METHOD, path template).</summary>
    public static IEnumerable<(string Method, string Route)> ExpectedCalls(FunctionManifest function, string routePrefix)
    {
        var trigger = function.Trigger;
        if (trigger is null)
        {
            yield break;
        }

        if (!function.IsHttp)
        {
            yield return ("POST", "/" + function.Name);
            yield break;
        }

        var prefix = string.IsNullOrEmpty(routePrefix) ? "" : "/" + routePrefix.Trim('/');
        var route = $"{prefix}/{(trigger.Route ?? function.Name).Trim('/')}";
        foreach (var method in trigger.Methods)
        {
            yield return (method.ToUpperInvariant(), route);
        }
    }
}

/// <summary>Segment-wise comparison of route templates ("{name}", "{name:constraint}", "{name}.pdf", "{*rest}").</summary>
internal static class HandlerRoutes
{
    public static string[] Segments(string route) =>
        route.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public static string Normalize(string route) => "/" + string.Join('/', Segments(route));

    /// <summary>A segment that is exactly one parameter, e.g. {brand} or {brand:minlength(1)}.</summary>
    public static bool IsParameter(string segment) =>
        segment.StartsWith('{') && segment.EndsWith('}') && segment.IndexOf('}', StringComparison.Ordinal) == segment.Length - 1;

    private static bool HasParameter(string segment) => segment.Contains('{', StringComparison.Ordinal);

    private static bool IsCatchAll(string segment) => segment.StartsWith("{*", StringComparison.Ordinal);

    /// <summary>Whether a handler segment with parameters ("{id}", "{month}.pdf") accepts a literal path segment.</summary>
    private static bool Accepts(string handlerSegment, string literal)
    {
        var prefix = handlerSegment[..handlerSegment.IndexOf('{', StringComparison.Ordinal)];
        var suffix = handlerSegment[(handlerSegment.LastIndexOf('}') + 1)..];
        return literal.Length > prefix.Length + suffix.Length
            && literal.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && literal.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the handler route accepts every path the function route produces: literals equal (routing is
    /// case-insensitive); a function parameter needs a handler segment with a parameter in it ({month}.pdf counts,
    /// as the .pdf/.csv/.json variants of {report} do), or a handler catch-all.
    /// </summary>
    public static bool Serves(string handlerRoute, string functionRoute) =>
        Compare(Segments(functionRoute), Segments(handlerRoute), parameterNeedsParameter: true);

    /// <summary>True when some path the function route produces lands on the handler route.</summary>
    public static bool Reaches(string functionRoute, string handlerRoute) =>
        Compare(Segments(functionRoute), Segments(handlerRoute), parameterNeedsParameter: false);

    private static bool Compare(string[] function, string[] handler, bool parameterNeedsParameter)
    {
        for (var i = 0; i < Math.Max(function.Length, handler.Length); i++)
        {
            if (i < handler.Length && IsCatchAll(handler[i]))
            {
                return true;
            }

            if (i < function.Length && IsCatchAll(function[i]))
            {
                return !parameterNeedsParameter;
            }

            if (i >= function.Length || i >= handler.Length)
            {
                return false;
            }

            var f = function[i];
            var h = handler[i];
            var matches = (HasParameter(f), HasParameter(h)) switch
            {
                (false, false) => string.Equals(f, h, StringComparison.OrdinalIgnoreCase),
                (true, true) => true,
                (true, false) => !parameterNeedsParameter,
                (false, true) => Accepts(h, f),
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }
}
