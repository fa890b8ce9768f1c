using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Health;

/// <summary><c>GET /api/health</c> on the local server when storage does not answer as it should.</summary>
public sealed class HealthStorageDownTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_StorageUnreachable_Answers503NamingEachService()
    {
        // A loopback port nobody listens on: connections are refused at once.
        var port = ClosedPort();
        var connection = azurite.ConnectionString
            .Replace($":{azurite.BlobPort}/", $":{port}/", StringComparison.Ordinal)
            .Replace($":{azurite.QueuePort}/", $":{port}/", StringComparison.Ordinal)
            .Replace($":{azurite.TablePort}/", $":{port}/", StringComparison.Ordinal);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));
        await using var server = await FunctionsServer.StartAsync(azurite, time, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }, Ct);

        // The SDK retries a refused connection for about half a minute; the probes give up after StorageHealth.ProbeTimeout of (fake) time.
        using var response = await FakeClock.RunAsync(time, () => server.Client.GetAsync("api/health", Ct), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal(["blobs", "queues", "tables"], body.GetProperty("storage").EnumerateObject().Select(p => p.Name).Order());
        Assert.All(body.GetProperty("storage").EnumerateObject(), p => Assert.StartsWith("unreachable: ", p.Value.GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_OnlyTablesRefuseUs_Answers503NamingTablesAndTheOthersOk()
    {
        // The table endpoint answers 403 to everything, as Table Storage does to an identity without its role.
        await using var tables = await RecordingHttpServer.StartAsync(Ct);
        tables.DefaultResponse = _ => ScriptedResponse.Json(
            HttpStatusCode.Forbidden,
            """{"odata.error":{"code":"AuthorizationFailure","message":{"lang":"en-US","value":"This request is not authorized."}}}""",
            new Dictionary<string, string> { ["x-ms-error-code"] = "AuthorizationFailure" });
        var connection = azurite.ConnectionString.Replace(
            $"TableEndpoint=http://127.0.0.1:{azurite.TablePort}/", $"TableEndpoint={tables.BaseAddress}", StringComparison.Ordinal);
        await using var server = await FunctionsServer.StartAsync(azurite, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }, Ct);

        using var response = await server.Client.GetAsync("api/health", Ct);
        var storage = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("storage");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("failed: 403 AuthorizationFailure", storage.GetProperty("tables").GetString());
        Assert.Equal(("ok", "ok"), (storage.GetProperty("blobs").GetString(), storage.GetProperty("queues").GetString()));
        Assert.NotEmpty(tables.Requests);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
