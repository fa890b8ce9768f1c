namespace SocialFunctions.Host.Hosting;

/// <summary>
/// Where the handler listens. Under the Functions host: the loopback port the host hands over in
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>. Standalone: <c>127.0.0.1:${PORT:-7071}</c>, and the handler then also runs the
/// timers and queue triggers itself.
/// </summary>
public static class HandlerHosting
{
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const int DefaultStandalonePort = 7071;

    public static HandlerMode ConfigureHandlerUrls(this WebApplicationBuilder builder)
    {
        var hostPort = builder.Configuration[CustomHandlerPortVariable];
        var mode = string.IsNullOrEmpty(hostPort) ? HandlerMode.Standalone : HandlerMode.FunctionsHost;

        // An explicit --urls / ASPNETCORE_URLS wins (tests bind port 0 that way).
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            var port = mode == HandlerMode.FunctionsHost ? hostPort : builder.Configuration["PORT"] ?? DefaultStandalonePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }

        builder.Services.AddSingleton(new HandlerEnvironment(mode));
        return mode;
    }
}

public enum HandlerMode
{
    /// <summary>Started by the Azure Functions host, which owns triggers and routing.</summary>
    FunctionsHost,

    /// <summary>Running on its own (local use): it fires its own timers and drains its own queues.</summary>
    Standalone,
}

public sealed record HandlerEnvironment(HandlerMode Mode);
