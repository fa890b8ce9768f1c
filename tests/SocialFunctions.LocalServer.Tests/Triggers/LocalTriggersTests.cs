using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Host.Scheduling;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests.Scheduling;

public sealed class StandaloneSchedulingTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ParseSchedule_AppSettingNotConfigured_UsesTheDocumentedDefault()
    {
        var expression = StandaloneTimerScheduler.ParseSchedule("%REPORT_SCHEDULE%", new ConfigurationBuilder().Build());

        var next = expression.GetNextOccurrence(new DateTime(2026, 11, 23, 10, 7, 30, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 23, 10, 15, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void ParseSchedule_AppSettingConfigured_ResolvesItLikeTheHost()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["REPORT_SCHEDULE"] = "0 0 6 1 * *" })
            .Build();

        var next = StandaloneTimerScheduler.ParseSchedule("%REPORT_SCHEDULE%", configuration)
            .GetNextOccurrence(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void ParseSchedule_UnknownAppSetting_SaysWhichSettingIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StandaloneTimerScheduler.ParseSchedule("%NIGHTLY_SCHEDULE%", new ConfigurationBuilder().Build()));

        Assert.Contains("NIGHTLY_SCHEDULE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAll_RepositoryFunctionFolders_ListsEveryTimerWithItsSchedule()
    {
        var functions = FunctionManifest.ReadAll(RepositoryPaths.Root);

        var timers = functions.Where(f => f.TriggerType == "timerTrigger").ToDictionary(f => f.Name, f => f.Schedule);
        Assert.Equal("%REPORT_SCHEDULE%", timers["PlanMonthlyReports"]);
        Assert.Equal("%SERIES_CHECK_SCHEDULE%", timers["PlanSeriesChecks"]);
        Assert.Equal("series-checks", functions.Single(f => f.Name == "CheckBrandSeries").QueueName);
    }

    [Theory]
    [InlineData("""{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":null,"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"PlanSeriesChecks","UtcNow":"2026-11-23T05:00:00Z","RandGuid":"0f8fad5b-d9cb-469f-a165-70867728950e"}}}""")]
    [InlineData("""{"Data":{"timer":"{\"Schedule\":{\"AdjustForDST\":true},\"IsPastDue\":true}"},"Metadata":{}}""")]
    public async Task TimerFunction_HostPayloadObjectOrString_AnswersTheHostResponseShape(string payload)
    {
        await using var server = await HandlerServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.PostAsync(
            "PlanSeriesChecks", new StringContent(payload, Encoding.UTF8, "application/json"), Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
    }

    [Fact]
    public async Task QueuePump_Standalone_DeliversQueuedMessagesToTheirFunctionAndDeletesThem()
    {
        await using var server = await HandlerServer.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["Scheduling:QueuesEnabled"] = "true", ["Scheduling:QueuePollInterval"] = "00:00:00.200" },
            Ct);
        var queue = server.Services.GetRequiredService<IWorkQueue>();
        var storage = server.Services.GetRequiredService<StorageClients>();
        var client = await storage.QueueAsync(WorkQueues.SeriesChecks, Ct);

        await queue.EnqueueAsync(WorkQueues.SeriesChecks, "acme", Ct);
        var drained = false;
        for (var attempt = 0; attempt < 100 && !drained; attempt++)
        {
            await Task.Delay(200, Ct);
            var properties = await client.GetPropertiesAsync(Ct);
            drained = properties.Value.ApproximateMessagesCount == 0;
        }

        Assert.True(drained, "The series-checks message was not processed and deleted within 20 s.");
        var poison = await storage.QueueAsync(WorkQueues.SeriesChecks + "-poison", Ct);
        Assert.Equal(0, (await poison.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
    }
}
