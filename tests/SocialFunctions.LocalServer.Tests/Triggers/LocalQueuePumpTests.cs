using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
}
