using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>What /api/health reports per storage service: ok, the service's refusal, or no answer in time.</summary>
public sealed class StorageHealthTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckAsync_AllAnswer_OkForEach()
    {
        var health = new StorageHealth(TestStorage.Create(azurite), new FakeTimeProvider());

        var report = await health.CheckAsync(Ct);

        Assert.Equal(new Dictionary<string, string> { ["tables"] = "ok", ["blobs"] = "ok", ["queues"] = "ok" }, report);
    }

    [Fact]
    public async Task CheckAsync_TablesRefuse_FailedWithStatusOthersOk()
    {
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        proxy.Rule = _ => new ProxyFault(ProxyFaultKind.Status) { Status = 403 };
        var health = new StorageHealth(Clients(azurite.ConnectionStringVia(table: proxy.Address)), new FakeTimeProvider());

        var report = await health.CheckAsync(Ct);

        Assert.StartsWith("failed: 403", report["tables"], StringComparison.Ordinal);
        Assert.Equal(("ok", "ok"), (report["blobs"], report["queues"]));
    }

    [Fact]
    public async Task CheckAsync_BlobsNeverAnswer_UnreachableAfterTheProbeTimeoutOfTheClock()
    {
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Blob), Ct);
        proxy.Rule = _ => ProxyFault.Timeout(TimeSpan.FromMinutes(5));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var health = new StorageHealth(Clients(azurite.ConnectionStringVia(blob: proxy.Address)), time);

        // The clock moves only once the blob probe is on its way, in small steps, so the answering services answer in time.
        var check = health.CheckAsync(Ct);
        for (var i = 0; i < 3000 && proxy.Requests.Count == 0; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), Ct);
        }

        var report = await FakeClock.RunAsync(time, () => check, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));

        Assert.Equal("unreachable: no answer within 10 s", report["blobs"]);
        Assert.Equal(("ok", "ok"), (report["tables"], report["queues"]));
        Assert.Equal(TimeSpan.FromSeconds(10), StorageHealth.ProbeTimeout);
    }

    [Fact]
    public async Task CheckAsync_ConnectionRefusedAfterRetries_Unreachable()
    {
        var closed = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        var health = new StorageHealth(Clients(azurite.ConnectionStringVia(queue: closed), maxRetries: 1), new FakeTimeProvider());

        var report = await health.CheckAsync(Ct);

        Assert.StartsWith("unreachable: ", report["queues"], StringComparison.Ordinal);
        Assert.Equal(("ok", "ok"), (report["tables"], report["blobs"]));
    }

    [Fact]
    public async Task CheckAsync_CallerGivesUp_CancelledNotReportedAsAnOutage()
    {
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // The caller goes away while the table service has not answered yet.
        proxy.Rule = _ =>
        {
            caller.Cancel();
            return ProxyFault.Timeout(TimeSpan.FromMinutes(5));
        };
        var health = new StorageHealth(Clients(azurite.ConnectionStringVia(table: proxy.Address)), new FakeTimeProvider());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => health.CheckAsync(caller.Token));
    }

    private static StorageClients Clients(string connectionString, int maxRetries = 0) =>
        new(Options.Create(new StorageOptions
        {
            ConnectionString = connectionString,
            MaxRetries = maxRetries,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        }));

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
