using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.LocalServer;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests;

/// <summary>
/// The Functions app on the local server: real Kestrel at a free loopback port, backed by the assembly's Azurite with
/// a table/container/queue prefix of its own and an outbox folder of its own. Timers and queue pumps are off unless
/// asked for; <see cref="RunAsync{TFunction}"/> and <see cref="InvokeQueueAsync"/> call a function directly, built
/// from the app's DI as the worker builds it. The app reads a fake clock (<see cref="DefaultNow"/>, or a
/// <c>FakeTimeProvider</c> the test passes and moves): upload days, due reports and series checks never depend on the
/// day the tests run.
/// </summary>
public sealed class FunctionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FunctionsServer(WebApplication app, string prefix, string outbox)
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

    public static Task<FunctionsServer> StartAsync(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default) =>
        StartAsync(azurite, new FakeTimeProvider(DefaultNow), settings, cancellationToken);

    /// <summary>"Now" of an app started without a clock of its own: 5 November 2026, 09:00 UTC.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The app on <paramref name="time"/> (a <c>FakeTimeProvider</c> the test moves; null = the system clock).</summary>
    public static async Task<FunctionsServer> StartAsync(
        AzuriteFixture azurite,
        TimeProvider? time,
        IReadOnlyDictionary<string, string?>? settings = null,
        CancellationToken cancellationToken = default)
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
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = LocalServerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            if (time is not null)
            {
                // Registered before the composition root's TryAdd, so every service of the app reads this clock.
                builder.Services.AddSingleton(time);
            }
        });
        await app.StartAsync(cancellationToken);
        return new FunctionsServer(app, prefix, outbox);
    }

    /// <summary>Calls a function class made from the app's DI (a scope per call, as the worker does per invocation).</summary>
    public async Task<TResult> RunAsync<TFunction, TResult>(Func<TFunction, Task<TResult>> call)
        where TFunction : class
    {
        await using var scope = Services.CreateAsyncScope();
        return await call(ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider));
    }

    /// <inheritdoc cref="RunAsync{TFunction, TResult}"/>
    public async Task RunAsync<TFunction>(Func<TFunction, Task> call)
        where TFunction : class
    {
        await using var scope = Services.CreateAsyncScope();
        await call(ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider));
    }

    /// <summary>Delivers a queue message's text to a queue function, bound as the worker binds it.</summary>
    public Task InvokeQueueAsync(string functionName, string message, CancellationToken cancellationToken) =>
        Services.GetRequiredService<FunctionInvoker>().InvokeAsync(
            FunctionCatalog.Functions.Single(f => f.Name == functionName), new InvocationInput(QueueMessage: message), cancellationToken);

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
