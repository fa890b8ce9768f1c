using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.LocalServer.Triggers;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests.Triggers;

public sealed class LocalTimerSchedulerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void ParseSchedule_AppSettingConfigured_ResolvesItLikeTheHost()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["REPORT_SCHEDULE"] = "0 0 6 1 * *" })
            .Build();

        var next = LocalTimerScheduler.ParseSchedule("%REPORT_SCHEDULE%", configuration)
            .GetNextOccurrence(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void ParseSchedule_FiveFieldsLiteral_ParsesWithoutSeconds()
    {
        var next = LocalTimerScheduler.ParseSchedule("30 4 * * 1", new ConfigurationBuilder().Build())
            .GetNextOccurrence(new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 30, 4, 30, 0, DateTimeKind.Utc), next);
    }

    [Fact]
    public void ParseSchedule_UnknownAppSetting_SaysWhichSettingIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => LocalTimerScheduler.ParseSchedule("%NIGHTLY_SCHEDULE%", new ConfigurationBuilder().Build()));

        Assert.Contains("app setting NIGHTLY_SCHEDULE, which is not configured", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ScheduleSettingMissing_StopsAtStartNamingIt()
    {
        using var app = LocalServer.Build(azurite, new Dictionary<string, string?> { ["SERIES_CHECK_SCHEDULE"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<LocalTimerScheduler>());

        Assert.Contains("SERIES_CHECK_SCHEDULE", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scheduler_TimeReachesTheSchedule_RunsTheTimerFunction()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 4, 30, 0, TimeSpan.Zero));
        await using var app = LocalServer.Build(
            azurite,
            new Dictionary<string, string?> { ["Scheduling:TimersEnabled"] = "true", ["SERIES_CHECK_SCHEDULE"] = "0 0 5 * * *", ["REPORT_SCHEDULE"] = "0 0 0 1 1 *" },
            builder => builder.Services.AddSingleton<TimeProvider>(time));
        await app.Services.GetRequiredService<IBrandSettingsStore>().SaveAsync(BrandSettings.CreateDefault(BrandName.Parse("acme")), Ct);
        var queue = await app.Services.GetRequiredService<StorageClients>().QueueAsync(WorkQueues.SeriesChecks, Ct);
        await app.StartAsync(Ct);

        var before = (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount;
        var queued = 0;
        // One fake minute per step: the scheduler's wait ends when the fake clock passes 05:00, whenever it started waiting.
        for (var step = 0; step < 60 && queued == 0; step++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(50, Ct);
            queued = (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount;
        }

        await app.StopAsync(Ct);
        Assert.Equal(0, before);
        Assert.Equal(1, queued);
    }
}
