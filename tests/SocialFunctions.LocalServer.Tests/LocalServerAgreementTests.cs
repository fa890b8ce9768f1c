using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Triggers;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests;

/// <summary>
/// The local server and the Functions host run the same functions: what the local server reads from the [Function]
/// declarations and serves (routes and methods, timers and schedules, queues) equals what the Worker SDK wrote into
/// functions.metadata for the host. Any disagreement on a route, method, schedule or queue fails here.
/// </summary>
public sealed class LocalServerAgreementTests(AzuriteFixture azurite)
{
    private static readonly Lazy<IReadOnlyList<FunctionsMetadata>> Metadata = new(FunctionsMetadata.LoadBuilt);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Catalog_EveryFunction_DeclaresWhatFunctionsMetadataSays()
    {
        var catalog = FunctionCatalog.Functions.Select(f => (
            f.Name,
            EntryPoint: $"{f.Method.DeclaringType!.FullName}.{f.Method.Name}",
            // TriggerKind names the binding types as functions.metadata spells them, bar the first letter's case.
            Trigger: char.ToLowerInvariant(f.Kind.ToString()[0]) + f.Kind.ToString()[1..],
            f.Route,
            Methods: string.Join('|', f.HttpMethods),
            f.AuthLevel,
            f.Schedule,
            f.QueueName,
            f.Connection));
        var metadata = Metadata.Value.Select(f => (
            f.Name, f.EntryPoint, Trigger: f.TriggerType, f.Route, Methods: string.Join('|', f.Methods), f.AuthLevel, f.Schedule, f.QueueName, f.Connection));

        Assert.Equal(metadata, catalog);
    }

    [Fact]
    public void HttpRoutes_BuiltLocalServer_ServeEveryHttpFunctionAtThePathAndMethodsTheHostServes()
    {
        using var app = LocalServer.Build(azurite);
        var prefix = HostJson.Load().RoutePrefix;

        // The local server's own admin routes are not functions.
        var served = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/admin/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);
        var hosted = Metadata.Value.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => $"{m} {HttpFunctionRoutes.RoutePattern(prefix, f.Route!)}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(hosted, served);
    }

    [Fact]
    public void Timers_BuiltLocalServer_FireEveryTimerFunctionOnItsMetadataSchedule()
    {
        using var app = LocalServer.Build(azurite);
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        var fired = app.Services.GetRequiredService<LocalTimerScheduler>().Timers.Select(t => (t.Function.Name, Schedule: t.Schedule.ToString()));
        var hosted = Metadata.Value.Where(f => f.TriggerType == "timerTrigger")
            .Select(f => (f.Name, Schedule: LocalTimerScheduler.ParseSchedule(f.Schedule!, configuration).ToString()));

        Assert.Equal(hosted, fired);
    }

    [Fact]
    public void Queues_BuiltLocalServer_DrainTheQueueOfEveryQueueFunction()
    {
        using var app = LocalServer.Build(azurite);

        var drained = app.Services.GetRequiredService<LocalQueuePump>().QueueFunctions.Select(f => (f.Name, f.QueueName));
        var hosted = Metadata.Value.Where(f => f.TriggerType == "queueTrigger").Select(f => (f.Name, f.QueueName));

        Assert.Equal(hosted, drained);
    }

    [Fact]
    public async Task HttpRoutes_RunningLocalServer_EveryMetadataRouteAndMethodReachesItsFunction()
    {
        await using var app = LocalServer.Build(azurite);
        await app.StartAsync(Ct);
        using var client = LocalServer.ClientOf(app);
        var prefix = HostJson.Load().RoutePrefix;
        var unreached = new List<string>();

        foreach (var function in Metadata.Value.Where(f => f.TriggerType == "httpTrigger"))
        {
            var path = HttpFunctionRoutes.RoutePattern(prefix, function.Route!).TrimStart('/').Replace("{brand}", "acme", StringComparison.Ordinal)
                .Replace("{month}", "2026-10", StringComparison.Ordinal).Replace("{report}", "2026-10.json", StringComparison.Ordinal)
                .Replace("{file?}", "", StringComparison.Ordinal);
            foreach (var method in function.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("") };
                using var response = await client.SendAsync(request, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                // Routing misses answer an empty 404/405; the functions' own 404s are problem documents.
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed && body.Length == 0)
                {
                    unreached.Add($"{method} {path} → {(int)response.StatusCode}");
                }
            }
        }

        await app.StopAsync(Ct);
        Assert.Empty(unreached);
    }
}
