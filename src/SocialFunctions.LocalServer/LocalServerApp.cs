using SocialFunctions.Functions;
using SocialFunctions.Functions.Health;
using SocialFunctions.Functions.Http;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;
using SocialFunctions.LocalServer.Triggers;

namespace SocialFunctions.LocalServer;

/// <summary>
/// The Functions app on a plain ASP.NET Core server: the same service registrations as the worker
/// (<c>AddSocialFunctions</c>), HTTP functions on their routes, timers and queues run in-process. Listens on
/// <c>127.0.0.1:${PORT:-7071}</c> unless <c>urls</c> is set (tests use port 0); an address beyond loopback needs an API key
/// (<c>Access:ApiKeys</c>), which every request must then carry. Tests and benchmarks build the same app.
/// </summary>
public static class LocalServerApp
{
    public const int DefaultPort = 7071;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings.json sits beside the assembly; the working directory may be anywhere (run.sh starts us from the repository root).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration["PORT"] ?? DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }

        // host.json, with app settings overriding it as the Functions host allows (AzureFunctionsJobHost__…).
        var host = HostJson.Load().WithOverrides(builder.Configuration);
        var functions = FunctionCatalog.Functions;
        foreach (var function in functions)
        {
            FunctionInvoker.EnsureSupported(function);
        }

        builder.Services.AddSingleton(HostingMode.LocalServer);
        builder.Services.AddSocialFunctions(builder.Configuration);
        builder.Services.AddOptions<LocalServerOptions>().BindConfiguration(LocalServerOptions.Section);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton<IEnumerable<FunctionDeclaration>>(functions);
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<LocalTimerScheduler>();
        builder.Services.AddSingleton<LocalQueuePump>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalTimerScheduler>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LocalQueuePump>());

        var app = builder.Build();

        // Without API keys the server is private to this machine; with them, every request must carry one.
        LocalHttpEdge.EnsurePrivateUnlessKeyed(ListeningAddresses(builder.Configuration), app.Services.GetRequiredService<ApiAccess>().HasKeys);
        app.UseHttpEdge();
        app.MapHttpFunctions(functions, host);
        app.MapAdminFunctions(functions);
        return app;
    }

    /// <summary>Every address Kestrel is configured to listen on: <c>urls</c>, <c>http(s)_ports</c> (all interfaces) and <c>Kestrel:Endpoints</c>.</summary>
    private static IEnumerable<string> ListeningAddresses(ConfigurationManager configuration)
    {
        foreach (var url in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        foreach (var key in new[] { "http_ports", "https_ports" })
        {
            foreach (var port in (configuration[key] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return $"http://*:{port}";
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }
}
