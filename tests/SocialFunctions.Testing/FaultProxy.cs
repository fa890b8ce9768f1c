using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SocialFunctions.Testing;

/// <summary>
/// A fault-injecting HTTP proxy on loopback in front of one upstream (an Azurite service). Every request is forwarded
/// unless the current <see cref="Rule"/> names a fault for it: an error status without forwarding, a delay (so the client
/// times out), a connection reset before forwarding, or — the nasty one — forwarding, letting the upstream apply the
/// write, and then resetting the connection so the client never sees the answer. Loopback only; every request is counted.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamBase;
    private readonly ConcurrentQueue<ProxiedRequest> _seen = new();

    private FaultProxy(WebApplication app, Uri upstream)
    {
        _app = app;
        _upstreamBase = upstream;
        _upstream = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    /// <summary>Where clients connect instead of the upstream, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Decides the fault for a request (null = forward it unchanged). Set and replace at any time.</summary>
    public Func<ProxiedRequest, ProxyFault?> Rule { get; set; } = _ => null;

    /// <summary>Every request that reached the proxy, in arrival order, with the fault it got.</summary>
    public IReadOnlyList<ProxiedRequest> Requests => [.. _seen];

    /// <summary>Raised after each request was handled (forwarded or faulted); tests wait on it, e.g. to kill a process.</summary>
    public event Action<ProxiedRequest>? Handled;

    public static async Task<FaultProxy> StartAsync(Uri upstream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        if (!IPAddress.IsLoopback(IPAddress.Parse(upstream.Host)))
        {
            throw new ArgumentException("The fault proxy only fronts loopback services.", nameof(upstream));
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultProxy(app, upstream);
        app.Run(proxy.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        proxy.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return proxy;
    }

    /// <summary>How many requests so far matched <paramref name="predicate"/>.</summary>
    public int Count(Func<ProxiedRequest, bool> predicate) => _seen.Count(predicate);

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new ProxiedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.ContentType, body.ToArray());
        var fault = Rule(request);
        request.Fault = fault;
        _seen.Enqueue(request);
        try
        {
            await ApplyAsync(context, request, fault);
        }
        finally
        {
            Handled?.Invoke(request);
        }
    }

    private async Task ApplyAsync(HttpContext context, ProxiedRequest request, ProxyFault? fault)
    {
        switch (fault)
        {
            case { Kind: ProxyFaultKind.Status }:
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfter is { } wait)
                {
                    context.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code><Message>Injected by the fault proxy.</Message></Error>");
                return;
            case { Kind: ProxyFaultKind.Reset }:
                Reset(context);
                return;
            case { Kind: ProxyFaultKind.Delay }:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // The client gave up waiting: that was the point.
                }

                break;
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstreamBase, request.PathAndQuery.TrimStart('/')));
        var content = new ByteArrayContent(request.Body);
        foreach (var header in context.Request.Headers)
        {
            if (HopByHop.Contains(header.Key))
            {
                continue;
            }

            if (header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
            else
            {
                forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        if (request.Body.Length > 0 || context.Request.ContentLength is not null)
        {
            forwarded.Content = content;
        }
        else
        {
            content.Dispose();
        }

        using var answer = await _upstream.SendAsync(forwarded, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        var bytes = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
        request.UpstreamStatus = (int)answer.StatusCode;
        request.UpstreamBody = bytes;
        if (fault is { Kind: ProxyFaultKind.LoseResponse })
        {
            // The upstream applied the request; the client only sees a broken connection.
            Reset(context);
            return;
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopByHop.Contains(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    // The connection is dropped with no answer, as when a load balancer or the network breaks it.
    private static void Reset(HttpContext context) => context.Abort();

    public async ValueTask DisposeAsync()
    {
        _upstream.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public enum ProxyFaultKind
{
    /// <summary>Answer with a status (e.g. 503 Server Busy) without forwarding.</summary>
    Status,

    /// <summary>Wait before forwarding (the client times out first when the delay is long enough).</summary>
    Delay,

    /// <summary>Reset the connection without forwarding: nothing happened upstream.</summary>
    Reset,

    /// <summary>Forward, let the upstream apply it, then reset the connection: the response is lost.</summary>
    LoseResponse,
}

/// <summary>A fault to inject into one request.</summary>
public sealed record ProxyFault(ProxyFaultKind Kind)
{
    public int Status { get; init; } = 503;

    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    public static ProxyFault ServerBusy(TimeSpan? retryAfter = null) => new(ProxyFaultKind.Status) { Status = 503, RetryAfter = retryAfter };

    public static ProxyFault Timeout(TimeSpan delay) => new(ProxyFaultKind.Delay) { Delay = delay };

    public static readonly ProxyFault ConnectionReset = new(ProxyFaultKind.Reset);

    public static readonly ProxyFault LostResponse = new(ProxyFaultKind.LoseResponse);
}

/// <summary>One request as the proxy saw it, the fault it got and the upstream's status (when it was forwarded).</summary>
public sealed class ProxiedRequest(string method, string pathAndQuery, string? contentType, byte[] body)
{
    public string Method { get; } = method;

    public string PathAndQuery { get; } = pathAndQuery;

    public string? ContentType { get; } = contentType;

    public byte[] Body { get; } = body;

    public ProxyFault? Fault { get; internal set; }

    public int? UpstreamStatus { get; internal set; }

    /// <summary>The upstream's answer body (also when the client never got it); empty when not forwarded.</summary>
    public byte[] UpstreamBody { get; internal set; } = [];

    public string UpstreamText => System.Text.Encoding.UTF8.GetString(UpstreamBody);

    /// <summary>An entity-group transaction (<c>POST …/$batch</c>).</summary>
    public bool IsBatch => Method == "POST" && PathAndQuery.Contains("$batch", StringComparison.Ordinal);
}
