using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SocialFunctions.Testing;

/// <summary>
/// A real HTTP server on loopback standing in for an edge we cannot reach (Microsoft Graph, a Teams Workflows
/// webhook). It records every request and answers from a script: queued responses first, else a default handler.
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<RecordedRequest, ScriptedResponse>> _queued = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingHttpServer(WebApplication app) => _app = app;

    /// <summary>Base address, e.g. http://127.0.0.1:41234/ (always ends with a slash).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Answers requests when no queued response is left. Defaults to 200 with an empty JSON object.</summary>
    public Func<RecordedRequest, ScriptedResponse> DefaultResponse { get; set; } = _ => ScriptedResponse.Json(HttpStatusCode.OK, "{}");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<RecordingHttpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new RecordingHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Queues the next answers, in order, e.g. a 429 with Retry-After and then a 202.</summary>
    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _queued.Enqueue(_ => response);
        }
    }

    /// <summary>Queues an answer computed from the request (e.g. echoing an id from the body).</summary>
    public void Enqueue(Func<RecordedRequest, ScriptedResponse> respond) => _queued.Enqueue(respond);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray());
        _requests.Enqueue(recorded);

        var respond = _queued.TryDequeue(out var next) ? next : DefaultResponse;
        var response = respond(recorded);
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = (int)response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = response.ContentType;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>One scripted answer.</summary>
public sealed record ScriptedResponse(HttpStatusCode Status, byte[] Body, string ContentType, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Waits this long before answering (e.g. to make a client time out).</summary>
    public TimeSpan Delay { get; init; }

    public static ScriptedResponse Json(HttpStatusCode status, string json, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, System.Text.Encoding.UTF8.GetBytes(json), "application/json", headers ?? new Dictionary<string, string>());

    public static ScriptedResponse Empty(HttpStatusCode status, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, [], "text/plain", headers ?? new Dictionary<string, string>());

    /// <summary>A 429 asking the client to wait <paramref name="retryAfterSeconds"/> seconds.</summary>
    public static ScriptedResponse TooManyRequests(int retryAfterSeconds) =>
        Empty((HttpStatusCode)429, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
