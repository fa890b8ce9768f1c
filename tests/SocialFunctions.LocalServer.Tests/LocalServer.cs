using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests;

/// <summary>The local server as run.sh starts it, on a free loopback port, with a storage prefix of its own in the assembly's Azurite.</summary>
internal static class LocalServer
{
    public static WebApplication Build(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = AzuriteFixture.UniqueName("l")[..12],
            ["Outbox:Path"] = Path.Combine(Path.GetTempPath(), "sf-outbox-" + AzuriteFixture.UniqueName("l")[..12]),
            ["Scheduling:TimersEnabled"] = "false",
            ["Scheduling:QueuesEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return LocalServerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            configure?.Invoke(builder);
        });
    }

    public static HttpClient ClientOf(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
}
