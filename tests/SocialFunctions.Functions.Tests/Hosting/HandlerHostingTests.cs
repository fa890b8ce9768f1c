using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests.Hosting;

public sealed class HandlerHostingTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Build_UnderTheFunctionsHost_ListensOnTheHandedOverLoopbackPortAndAnswersTheReadinessProbe()
    {
        var port = FreePort();
        await using var app = HandlerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = AzuriteFixture.UniqueName("hh")[..12],
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        // The host polls GET / until any answer; then it forwards requests on the same loopback port.
        using var readiness = await client.GetAsync(string.Empty, Ct);
        using var health = await client.GetAsync("api/health", Ct);
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Ct)).RootElement;
        await app.StopAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("FunctionsHost", body.GetProperty("mode").GetString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
