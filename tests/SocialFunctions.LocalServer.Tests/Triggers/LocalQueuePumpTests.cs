using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.LocalServer.Triggers;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests.Triggers;

public sealed class LocalQueuePumpTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pump_Running_DeliversQueuedMessagesToTheirFunctionAndDeletesThem()
    {
        await using var app = LocalServer.Build(
            azurite, new Dictionary<string, string?> { ["Scheduling:QueuesEnabled"] = "true", ["Scheduling:QueuePollInterval"] = "00:00:00.200" });
        await app.StartAsync(Ct);
        var storage = app.Services.GetRequiredService<StorageClients>();
        var queue = await storage.QueueAsync(WorkQueues.SeriesChecks, Ct);

        await queue.SendMessageAsync("""{"brand":"acme"}""", Ct);
        var drained = false;
        for (var attempt = 0; attempt < 100 && !drained; attempt++)
        {
            await Task.Delay(200, Ct);
            drained = (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0;
        }

        await app.StopAsync(Ct);
        Assert.True(drained, "The series-checks message was not processed and deleted within 20 s.");
        var poison = await storage.QueueAsync(WorkQueues.SeriesChecks + "-poison", Ct);
        Assert.Equal(0, (await poison.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task DrainOnce_MessageFailingEveryDelivery_MovesToPoisonQueueAfterHostJsonMaxDequeueCount()
    {
        await using var app = LocalServer.Build(azurite);
        var pump = app.Services.GetRequiredService<LocalQueuePump>();
        var function = pump.QueueFunctions.Single(f => f.QueueName == WorkQueues.ReportRequests);
        var storage = app.Services.GetRequiredService<StorageClients>();
        var queue = await storage.QueueAsync(WorkQueues.ReportRequests, Ct);
        var poison = await storage.QueueAsync(WorkQueues.ReportRequests + "-poison", Ct);
        var maxDequeueCount = HostJson.Load().MaxDequeueCount;
        await queue.SendMessageAsync("not a work item", Ct);

        // The host's visibilityTimeout is 0: a failed message is visible again at once, so each drain redelivers it.
        for (var delivery = 1; delivery < maxDequeueCount; delivery++)
        {
            Assert.Equal(1, await pump.DrainOnceAsync(function, Ct));
        }

        var beforeLast = (await poison.PeekMessagesAsync(10, Ct)).Value;
        Assert.Equal(1, await pump.DrainOnceAsync(function, Ct));

        Assert.Empty(beforeLast);
        Assert.Equal(0, await pump.DrainOnceAsync(function, Ct));
        var parked = Assert.Single((await poison.PeekMessagesAsync(10, Ct)).Value);
        Assert.Equal("not a work item", parked.MessageText);
    }
}
