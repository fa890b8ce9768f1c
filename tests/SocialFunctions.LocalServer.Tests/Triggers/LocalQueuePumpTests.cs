using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.LocalServer.Catalog;
using SocialFunctions.LocalServer.Invocation;
using SocialFunctions.LocalServer.Tests.Catalog;
using SocialFunctions.LocalServer.Triggers;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests.Triggers;

public sealed class LocalQueuePumpTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pump_Running_DeliversQueuedMessagesToTheirFunctionAndDeletesThem()
    {
        var outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("pump"));
        var time = new FakeTimeProvider(Now);
        await using var app = LocalServer.Build(
            azurite,
            new Dictionary<string, string?> { ["Scheduling:QueuesEnabled"] = "true", ["Outbox:Path"] = outbox },
            builder => builder.Services.AddSingleton<TimeProvider>(time));
        await SeedWeakSeriesAsync(app.Services);
        var storage = app.Services.GetRequiredService<StorageClients>();
        var queue = await storage.QueueAsync(WorkQueues.SeriesChecks, Ct);
        await queue.SendMessageAsync("""{"brand":"acme"}""", Ct);

        try
        {
            await app.StartAsync(Ct);

            // The pump takes the message as soon as the app has started; the wait is bounded, its length never asserted.
            var card = await EventuallyAsync(() => Task.FromResult(Directory.Exists(outbox) ? Directory.GetFiles(outbox, "teams-*.json").SingleOrDefault() : null));
            var left = await EventuallyAsync(async () => (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0 ? "empty" : null);
            await app.StopAsync(Ct);

            Assert.Contains("Underperforming: Tips on Instagram", await File.ReadAllTextAsync(card, Ct), StringComparison.Ordinal);
            Assert.Equal("empty", left);
            var poison = await storage.QueueAsync(WorkQueues.SeriesChecks + "-poison", Ct);
            Assert.Equal(0, (await poison.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    [Fact]
    public async Task DrainOnce_ValidMessage_RunsItsFunctionWithTheMessageAndThenDeletesIt()
    {
        var outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("pump"));
        await using var app = LocalServer.Build(
            azurite,
            new Dictionary<string, string?> { ["Outbox:Path"] = outbox },
            builder => builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        await SeedWeakSeriesAsync(app.Services);
        var pump = app.Services.GetRequiredService<LocalQueuePump>();
        var function = pump.QueueFunctions.Single(f => f.QueueName == WorkQueues.SeriesChecks);
        var queue = await app.Services.GetRequiredService<StorageClients>().QueueAsync(WorkQueues.SeriesChecks, Ct);
        await queue.SendMessageAsync("""{"brand":"acme"}""", Ct);
        try
        {
            var handled = await pump.DrainOnceAsync(function, Ct);

            // The check ran for the brand the message names: its card is in the outbox, and the message is gone.
            Assert.Equal(1, handled);
            var card = Assert.Single(Directory.GetFiles(outbox, "teams-*.json"));
            Assert.Contains("Underperforming: Tips on Instagram", await File.ReadAllTextAsync(card, Ct), StringComparison.Ordinal);
            Assert.Empty((await queue.PeekMessagesAsync(10, Ct)).Value);
            Assert.Equal(0, await pump.DrainOnceAsync(function, Ct));
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
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

    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    private static Task SeedWeakSeriesAsync(IServiceProvider services) =>
        SeriesPosts.WriteAsync(services.GetRequiredService<IRecordStore>(), SeriesPosts.Instagram("acme", Now), Ct);

    /// <summary>Waits for a background effect (the pump runs on its own task); fails after 30 s without it.</summary>
    private static async Task<string> EventuallyAsync(Func<Task<string?>> probe)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(50, deadline.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail("The pump did not handle the message within 30 s.");
            }
        }
    }

    [Fact]
    public async Task Pump_SlowMessages_RunsBatchSizePlusNewBatchThresholdAtOnceAndNoMore()
    {
        // batchSize 2, newBatchThreshold 1: the next batch is fetched only once at most 1 message is still running, so at
        // most 2 + 1 run at once, as under the host's queue listener.
        GatedQueueFunctions.Reset();
        await using var app = LocalServer.Build(azurite);
        await app.StartAsync(Ct);
        var storage = app.Services.GetRequiredService<StorageClients>();
        var queue = await storage.QueueAsync(GatedQueueFunctions.Queue, Ct);
        const int messages = 7;
        for (var i = 0; i < messages; i++)
        {
            await queue.SendMessageAsync($"m{i}", Ct);
        }

        var host = new HostJson("api", 5, TimeSpan.Zero, BatchSize: 2, NewBatchThreshold: 1);
        using var pump = new LocalQueuePump(
            FunctionCatalog.Read([typeof(GatedQueueFunctions)]),
            app.Services.GetRequiredService<FunctionInvoker>(),
            host,
            storage,
            Options.Create(new LocalServerOptions { QueuePollInterval = TimeSpan.FromMilliseconds(50) }),
            TimeProvider.System,
            app.Services.GetRequiredService<IHostApplicationLifetime>(),
            NullLogger<LocalQueuePump>.Instance);
        await pump.StartAsync(Ct);

        // The first batch (2) runs, then none finishes: 2 > threshold 1, so no second batch is fetched yet.
        Assert.True(await UntilAsync(() => GatedQueueFunctions.Running == 2), "The first batch of 2 did not start.");
        Assert.Equal(messages - 2, await VisibleAsync(queue));

        // One finishes: 1 ≤ threshold, so the next batch of 2 starts — 3 at once, the most the settings allow.
        GatedQueueFunctions.Gate.Release();
        Assert.True(await UntilAsync(() => GatedQueueFunctions.Running == 3), "The second batch did not start after one message finished.");
        Assert.Equal(messages - 4, await VisibleAsync(queue));

        GatedQueueFunctions.Gate.Release(messages);
        Assert.True(await UntilAsync(() => GatedQueueFunctions.Completed == messages), "Not every message was handled.");
        Assert.True(await UntilAsync(async () => (await queue.PeekMessagesAsync(1, Ct)).Value.Length == 0 && (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0), "Handled messages were not deleted.");
        await pump.StopAsync(Ct);
        await app.StopAsync(Ct);

        Assert.Equal(3, GatedQueueFunctions.MaxRunning);
    }

    private static async Task<int> VisibleAsync(Azure.Storage.Queues.QueueClient queue) =>
        (await queue.PeekMessagesAsync(32, Ct)).Value.Length;

    private static Task<bool> UntilAsync(Func<bool> condition) => UntilAsync(() => Task.FromResult(condition()));

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100, Ct);
        }

        return false;
    }
}
