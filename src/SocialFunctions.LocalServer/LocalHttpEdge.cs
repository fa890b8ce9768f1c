using System.Net;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.LocalServer;

/// <summary>
/// The local server's side of <see cref="HttpEdge"/>: the same access check and storage-outage answers as under the
/// Functions host, for every route (functions and the admin route). Also the rule that keeps a keyless server private:
/// without <c>Access:ApiKeys</c> it may only listen on loopback.
/// </summary>
internal static class LocalHttpEdge
{
    public static IApplicationBuilder UseHttpEdge(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var edge = context.RequestServices.GetRequiredService<HttpEdge>();
        if (edge.Admit(context) is { } denied)
        {
            await denied.ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && edge.TryAnswer(ex, context, out var answer))
        {
            context.Response.Clear();
            await answer.ExecuteAsync(context);
        }
    });

    /// <summary>Throws when a listening address is not loopback and no API key is configured.</summary>
    public static void EnsurePrivateUnlessKeyed(IEnumerable<string> urls, bool hasKeys)
    {
        if (hasKeys)
        {
            return;
        }

        var open = urls.Where(u => !IsLoopback(u)).ToList();
        if (open.Count > 0)
        {
            throw new InvalidOperationException(
                $"The local server would listen on {string.Join(", ", open)} without an API key: anyone on the network could read and change the data. " +
                "Listen on 127.0.0.1 only (unset 'urls'), or set Access__ApiKeys__0 to a key of at least 32 characters; callers then send it in x-functions-key.");
        }
    }

    private static bool IsLoopback(string url)
    {
        var trimmed = url.Trim();
        var scheme = trimmed.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? trimmed : trimmed[(scheme + 3)..];
        string host;
        if (rest.StartsWith('['))
        {
            var end = rest.IndexOf(']', StringComparison.Ordinal);
            host = end < 0 ? rest : rest[1..end];
        }
        else
        {
            var end = rest.IndexOfAny([':', '/']);
            host = end < 0 ? rest : rest[..end];
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
