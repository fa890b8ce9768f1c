using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests;

/// <summary>
/// The real handler on Kestrel at a free loopback port, backed by the assembly's Azurite with a table/container/queue
/// prefix of its own, and an outbox folder of its own. Standalone timers and queue pumps are off unless asked for.
/// </summary>
public sealed class HandlerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HandlerServer(WebApplication app, string prefix, string outbox)
    {
        _app = app;
        Prefix = prefix;
        OutboxPath = outbox;
        var address = app.Urls.First();
        Client = new HttpClient { BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public HttpClient Client { get; }

    public string Prefix { get; }

    public string OutboxPath { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HandlerServer> StartAsync(
        AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var prefix = AzuriteFixture.UniqueName("h")[..12];
        var outbox = Path.Combine(Path.GetTempPath(), "sf-outbox-" + prefix);
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Outbox:Path"] = outbox,
            ["Scheduling:TimersEnabled"] = "false",
            ["Scheduling:QueuesEnabled"] = "false",
            ["Scheduling:AppRoot"] = RepositoryPaths.Root,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = HandlerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(values));
        await app.StartAsync(cancellationToken);
        return new HandlerServer(app, prefix, outbox);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(OutboxPath))
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
    }
}
