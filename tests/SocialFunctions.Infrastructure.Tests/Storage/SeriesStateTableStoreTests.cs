using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Infrastructure.Tests.Mail;
using SocialFunctions.Infrastructure.Tests.Teams;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class SeriesStateTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly StorageClients _storage = TestStorage.Create(azurite);

    private SeriesStateTableStore Store => new(_storage);

    [Fact]
    public async Task TrySaveAsync_NewThenStaleVersion_SecondWriterLoses()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = State("Behind the Scenes: #1/2?");

        var created = await Store.TrySaveAsync(state, null, ct);
        var duplicate = await Store.TrySaveAsync(state, null, ct);
        var updated = await Store.TrySaveAsync(state with { Status = EpisodeStatus.Recovered }, created, ct);
        var stale = await Store.TrySaveAsync(state with { Status = EpisodeStatus.Healthy }, created, ct);
        var read = await Store.GetAsync(Acme, "instagram", "Behind the Scenes: #1/2?", ct);

        Assert.NotNull(created);
        Assert.Null(duplicate);
        Assert.NotNull(updated);
        Assert.Null(stale);
        Assert.Equal(EpisodeStatus.Recovered, read!.State.Status);
        Assert.Equal(updated, read.Version);
        Assert.Equal(Now.AddDays(-2), read.State.EpisodeStart);
        Assert.Equal("Behind the Scenes: #1/2?", read.State.Series);
    }

    [Fact]
    public async Task CheckAsync_TenConcurrentChecks_PostExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var teams = await RecordingHttpServer.StartAsync(ct);

        // Posting takes time: the window in which a naive check would post again.
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted) with { Delay = TimeSpan.FromMilliseconds(50) };
        // The brand alerts by Teams: Graph stands by to show that no mail goes out instead.
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var brand = BrandSettings.CreateDefault(Acme) with { TeamsWebhookUrl = new Uri(teams.BaseAddress, "hook?sig=s").AbsoluteUri };
        var brands = new BrandSettingsTableStore(_storage);
        await brands.SaveAsync(brand, ct);
        var records = new TableRecordStore(_storage, Microsoft.Extensions.Options.Options.Create(new StorageOptions()));
        await SeriesPosts.WriteAsync(records, SeriesPosts.Instagram("acme", Now), ct);

        var router = new SeriesAlertRouter(
            TestTeams.Client(new FakeTimeProvider(Now), new TeamsOptions { MaxPostsPerSecond = 100 }),
            GraphTestServer.Sender(graph),
            new AlertOutboxWriter(Microsoft.Extensions.Options.Options.Create(new AlertOutboxOptions()), new FakeTimeProvider(Now)),
            new SeriesAlertMessages(),
            NullLogger<SeriesAlertRouter>.Instance);
        var service = new SeriesCheckService(
            records,
            brands,
            Store,
            router,
            new SeriesDetector(new SeriesDetectionOptions()),
            new SeriesAlertOptions(),
            new FakeTimeProvider(Now));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => service.CheckAsync(Acme, ct), ct)));
        var again = await service.CheckAsync(Acme, ct);

        Assert.Single(teams.Requests);
        Assert.Empty(graph.Requests);
        Assert.Equal(1, results.Sum(r => r.Sent.Count));
        Assert.Empty(again.Sent);
        var state = await Store.GetAsync(Acme, "instagram", "Tips", ct);
        Assert.Equal(EpisodeStatus.Underperforming, state!.State.Status);
        Assert.False(state.State.DeliveryPending);
    }

    [Fact]
    public async Task GetAsync_AfterSave_EveryFieldAsSaved()
    {
        var ct = TestContext.Current.CancellationToken;
        var state = State("Tips") with { DeliveryPending = true, RetriedAt = Now.AddHours(3), LastNotification = AlertKind.Reminder, UpdatedAt = Now.AddHours(4) };

        var version = await Store.TrySaveAsync(state, null, ct);
        var read = await Store.GetAsync(Acme, "instagram", "Tips", ct);

        Assert.NotNull(read);
        Assert.Equal(version, read.Version);
        Assert.Equal(state, read.State);
        Assert.Null(await Store.GetAsync(Acme, "tiktok", "Tips", ct));
        Assert.Null(await Store.GetAsync(BrandName.Parse("other"), "instagram", "Tips", ct));
    }

    [Fact]
    public async Task TrySaveAsync_RecordDeletedSinceRead_NullNotAnError()
    {
        var ct = TestContext.Current.CancellationToken;
        var version = await Store.TrySaveAsync(State("Tips"), null, ct);
        var table = await _storage.TableAsync(SeriesStateTableStore.TableName, ct);
        await table.DeleteEntityAsync("acme", SeriesStateTableStore.RowKey("instagram", "Tips"), cancellationToken: ct);

        Assert.Null(await Store.TrySaveAsync(State("Tips") with { Status = EpisodeStatus.Recovered }, version, ct));
    }

    [Fact]
    public async Task ListAsync_OnlyTheBrandsSeries()
    {
        var ct = TestContext.Current.CancellationToken;
        await Store.TrySaveAsync(State("Tips"), null, ct);
        await Store.TrySaveAsync(State("Reels/Weekly"), null, ct);
        await Store.TrySaveAsync(State("Tips") with { Brand = "other" }, null, ct);

        var listed = new List<string>();
        await foreach (var state in Store.ListAsync(Acme, ct))
        {
            listed.Add($"{state.Brand}:{state.Series}");
        }

        Assert.Equal(["acme:Reels/Weekly", "acme:Tips"], listed.Order(StringComparer.Ordinal));
    }

    private static SeriesEpisodeState State(string series) => new()
    {
        Brand = "acme",
        Channel = "instagram",
        Series = series,
        Status = EpisodeStatus.Underperforming,
        EpisodeStart = Now.AddDays(-2),
        LastNotifiedAt = Now,
        LastNotification = AlertKind.Started,
        UpdatedAt = Now,
    };

    private static readonly BrandName Acme = BrandName.Parse("acme");
}
