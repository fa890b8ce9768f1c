using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Infrastructure.Tests.Mail;
using SocialFunctions.Infrastructure.Tests.Reporting;
using SocialFunctions.Infrastructure.Tests.Storage;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Teams;

/// <summary>
/// One card (or alert mail) per episode change, whatever runs at once or fails half-way: Core's series check over the real
/// episode table (Azurite, ETag claims), the real Teams client and Graph sender against recording servers, the real wording.
/// </summary>
public sealed partial class SeriesCheckExactlyOnceTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly StorageClients _storage = TestStorage.Create(azurite);
    private readonly BrandName _brand = BrandName.Parse(AzuriteFixture.UniqueName("b")[..12]);
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("alerts"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    [Fact]
    public async Task CheckAsync_TenChecksAtOnce_OneCard()
    {
        await using var teams = await RecordingHttpServer.StartAsync(Ct);
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted) with { Delay = TimeSpan.FromMilliseconds(200) };
        await SeedDecliningSeriesAsync();
        var service = await ServiceAsync(Settings(webhook: new Uri(teams.BaseAddress, "workflows/hook?sig=s")), new SeriesStateTableStore(_storage), mail: null);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => service.CheckAsync(_brand, Ct), Ct)));

        Assert.Single(teams.Requests);
        var sent = Assert.Single(results.SelectMany(r => r.Sent));
        Assert.Equal((AlertKind.Started, true, "teams"), (sent.Kind, sent.Delivered, sent.Via));
    }

    [Fact]
    public async Task CheckAsync_CardDelivered_EpisodeConfirmedAndCardLinksToTheApi()
    {
        // Catches: a delivered alert left unconfirmed (DeliveryPending: the next check would resend after the lease), the
        // base URL's trailing slash kept ("…//api"), a wrong report month, or the sent alert misreported to the caller.
        await using var teams = await RecordingHttpServer.StartAsync(Ct);
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        await SeedDecliningSeriesAsync();
        var states = new SeriesStateTableStore(_storage);
        var service = await ServiceAsync(
            Settings(webhook: new Uri(teams.BaseAddress, "workflows/hook?sig=s")), states, mail: null, new SeriesAlertOptions { PublicBaseUrl = "https://social.example.com/" });

        var result = await service.CheckAsync(_brand, Ct);

        Assert.Equal((_brand, Now), (result.Brand, result.CheckedAt));
        Assert.Equal(SeriesStatus.Underperforming, Assert.Single(result.Series, s => s.Series == "Tips").Status);
        var sent = Assert.Single(result.Sent);
        Assert.Equal((Channels.Instagram, "Tips", AlertKind.Started, SeriesStatus.Underperforming, true, "teams"), (sent.Channel, sent.Series, sent.Kind, sent.Status, sent.Delivered, sent.Via));
        var state = Assert.Single(await ListAsync(states), s => s.Series == "Tips");
        Assert.Equal((EpisodeStatus.Underperforming, AlertKind.Started, Now, false), (state.Status, state.LastNotification, state.LastNotifiedAt, state.DeliveryPending));
        var card = Assert.Single(teams.Requests).BodyText;
        Assert.Contains($"https://social.example.com/api/brands/{_brand}/series", card, StringComparison.Ordinal);
        Assert.Contains($"https://social.example.com/api/brands/{_brand}/reports/2026-10.pdf", card, StringComparison.Ordinal);

        // Confirmed: a later check, past the retry lease, sends nothing.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Empty((await service.CheckAsync(_brand, Ct)).Sent);
        Assert.Single(teams.Requests);
    }

    [Fact]
    public async Task CheckAsync_EveryClaimLost_GivesUpAfterThreeAttemptsWithoutPosting()
    {
        // Catches: an unbounded or longer claim loop (a check that keeps losing the ETag race must stop, not spin).
        await using var teams = await RecordingHttpServer.StartAsync(Ct);
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        await SeedDecliningSeriesAsync();
        var states = new AlwaysLosesTheClaim(new SeriesStateTableStore(_storage));
        var service = await ServiceAsync(Settings(webhook: new Uri(teams.BaseAddress, "workflows/hook?sig=s")), states, mail: null);

        var result = await service.CheckAsync(_brand, Ct);

        Assert.Empty(result.Sent);
        Assert.Empty(teams.Requests);
        var tips = Assert.Single(states.Claims, c => c.Series == "Tips");
        Assert.Equal(3, tips.Count);
    }

    [Fact]
    public async Task EvaluateAsync_SeriesLastPostedFourMonthsAgo_StillJudgedOverTheDetectorsHistory()
    {
        // The check reads the detector's history and baseline window (182 + 90 days back), not just the last three months.
        await using var writer = new TableRecordStore(_storage, Options.Create(new StorageOptions())).OpenWriter();
        for (var k = 0; k < 4; k++)
        {
            await writer.WriteAsync(Post($"old-{k}", "Archive", Now.AddDays(-130 + (7 * k)), 0.03), Ct);
        }

        await writer.CompleteAsync(Ct);
        var service = await ServiceAsync(Settings(webhook: null), new SeriesStateTableStore(_storage), mail: null);

        var verdicts = await service.EvaluateAsync(_brand, Now, Ct);

        Assert.Contains(verdicts, v => v.Series == "Archive" && v.Channel == Channels.Instagram);
    }

    [Fact]
    public async Task CheckAsync_TeamsAnswers504AfterTakingTheCard_NoSecondCardNowOrLater()
    {
        await using var teams = await RecordingHttpServer.StartAsync(Ct);
        teams.Enqueue(ScriptedResponse.Empty(HttpStatusCode.GatewayTimeout));
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        await SeedDecliningSeriesAsync();
        var states = new SeriesStateTableStore(_storage);
        var service = await ServiceAsync(Settings(webhook: new Uri(teams.BaseAddress, "workflows/hook?sig=s")), states, mail: null);

        var first = await service.CheckAsync(_brand, Ct);
        _time.Advance(TimeSpan.FromHours(1));
        var later = await service.CheckAsync(_brand, Ct);

        Assert.Single(teams.Requests);
        Assert.Contains("outcome unknown", Assert.Single(first.Sent).Detail, StringComparison.Ordinal);
        Assert.Empty(later.Sent);
        var state = Assert.Single(await ListAsync(states));
        Assert.False(state.DeliveryPending);
    }

    [Fact]
    public async Task CheckAsync_CrashAfterGraphAcceptedTheAlertMail_NextCheckFindsItInSentItemsAndSendsNothing()
    {
        await using var graph = await RecordingHttpServer.StartAsync(Ct);
        string? tag = null;
        graph.DefaultResponse = request =>
        {
            if (GraphTestServer.IsSendMail(request))
            {
                tag = RunHeader().Match(request.BodyText).Groups["tag"].Value;
                return GraphTestServer.Accepted;
            }

            // Sent Items holds the mail under its tag: found only if the retry asks for the same tag.
            return tag is not null && Uri.UnescapeDataString(request.PathAndQuery).Contains($"'{tag}'", StringComparison.Ordinal)
                ? GraphTestServer.SentItems("AAMk-sent-1")
                : GraphTestServer.SentItems();
        };
        await SeedDecliningSeriesAsync();
        var settings = Settings(webhook: null) with { TeamRecipients = ["social@acme.example"], Sender = "reports@acme.example" };
        var states = new SeriesStateTableStore(_storage);
        var mail = GraphTestServer.Sender(graph);

        // The process dies right after Graph's 202, before the episode is confirmed.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await (await ServiceAsync(settings, new CrashOnConfirm(states), mail)).CheckAsync(_brand, Ct));
        Assert.True(Assert.Single(await ListAsync(states)).DeliveryPending);

        _time.Advance(TimeSpan.FromMinutes(10));
        var retry = await (await ServiceAsync(settings, states, mail)).CheckAsync(_brand, Ct);

        Assert.Single(graph.Requests, GraphTestServer.IsSendMail);
        Assert.Single(graph.Requests, GraphTestServer.IsSentItemsQuery);
        var sent = Assert.Single(retry.Sent);
        Assert.True(sent.Delivered);
        Assert.Contains("found in Sent Items", sent.Detail, StringComparison.Ordinal);
        Assert.False(Assert.Single(await ListAsync(states)).DeliveryPending);
    }

    private BrandSettings Settings(Uri? webhook) => new()
    {
        Brand = _brand,
        DisplayName = "Acme",
        Clock = BrandClock.Find("UTC"),
        TeamsWebhookUrl = webhook?.ToString(),
    };

    private async Task<SeriesCheckService> ServiceAsync(BrandSettings settings, ISeriesStateStore states, IMailSender? mail, SeriesAlertOptions? options = null)
    {
        var brands = new BrandSettingsTableStore(_storage);
        await brands.SaveAsync(settings, Ct);
        return new(
            new TableRecordStore(_storage, Options.Create(new StorageOptions())),
            brands,
            states,
            new SeriesAlertRouter(
                TestTeams.Client(_time, new TeamsOptions { MaxPostsPerSecond = 100 }),
                mail ?? new Infrastructure.Mail.OutboxMailSender(Options.Create(new Infrastructure.Mail.MailOutboxOptions { Path = _outbox })),
                new AlertOutboxWriter(Options.Create(new AlertOutboxOptions { Path = _outbox }), _time),
                new SeriesAlertMessages(),
                NullLogger<SeriesAlertRouter>.Instance),
            new SeriesDetector(new SeriesDetectionOptions()),
            options ?? new SeriesAlertOptions(),
            _time);
    }

    /// <summary>Eight weeks of an Instagram channel: other posts at ~3 %, the weekly "Tips" series at 1.2 %.</summary>
    private async Task SeedDecliningSeriesAsync()
    {
        var start = Now.AddDays(-57);
        await using var writer = new TableRecordStore(_storage, Options.Create(new StorageOptions())).OpenWriter();
        for (var w = 0; w < 8; w++)
        {
            for (var k = 0; k < 10; k++)
            {
                await writer.WriteAsync(Post($"o-{w}-{k}", null, start.AddDays((7 * w) + (k * 0.7)), k % 2 == 0 ? 0.027 : 0.033), Ct);
            }

            await writer.WriteAsync(Post($"t-{w}", "Tips", start.AddDays((7 * w) + 1), 0.012), Ct);
        }

        await writer.CompleteAsync(Ct);
    }

    private CanonicalPost Post(string id, string? series, DateTimeOffset at, double rate) => new()
    {
        Brand = _brand,
        Channel = Channels.Instagram,
        PostId = id,
        PublishedAt = at,
        Series = series,
        ContentType = ContentTypes.Image,
        Impressions = 10_000,
        Reactions = (long)Math.Round(10_000 * rate),
        Text = series is null ? "Other post" : $"{series}: episode {id}",
    };

    private async Task<List<SeriesEpisodeState>> ListAsync(SeriesStateTableStore states)
    {
        var list = new List<SeriesEpisodeState>();
        await foreach (var state in states.ListAsync(_brand, Ct))
        {
            list.Add(state);
        }

        return list;
    }

    [GeneratedRegex("\"x-socialfunctions-run\",\\s*\"value\"\\s*:\\s*\"(?<tag>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex RunHeader();

    /// <summary>The real episode store, except that every claim loses (another check always wrote first); counts the claims per series.</summary>
    private sealed class AlwaysLosesTheClaim(ISeriesStateStore inner) : ISeriesStateStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _claims = new(StringComparer.Ordinal);

        public IEnumerable<(string Series, int Count)> Claims => _claims.Select(kv => (kv.Key, kv.Value));

        public Task<VersionedSeriesState?> GetAsync(BrandName brand, string channel, string series, CancellationToken cancellationToken) =>
            inner.GetAsync(brand, channel, series, cancellationToken);

        public Task<string?> TrySaveAsync(SeriesEpisodeState state, string? expectedVersion, CancellationToken cancellationToken)
        {
            _claims.AddOrUpdate(state.Series, 1, (_, n) => n + 1);
            return Task.FromResult<string?>(null);
        }

        public IAsyncEnumerable<SeriesEpisodeState> ListAsync(BrandName brand, CancellationToken cancellationToken) => inner.ListAsync(brand, cancellationToken);
    }

    /// <summary>The real episode store, except that the confirming write never happens: the process "died" there.</summary>
    private sealed class CrashOnConfirm(ISeriesStateStore inner) : ISeriesStateStore
    {
        public Task<VersionedSeriesState?> GetAsync(BrandName brand, string channel, string series, CancellationToken cancellationToken) =>
            inner.GetAsync(brand, channel, series, cancellationToken);

        public Task<string?> TrySaveAsync(SeriesEpisodeState state, string? expectedVersion, CancellationToken cancellationToken) =>
            state.DeliveryPending ? inner.TrySaveAsync(state, expectedVersion, cancellationToken) : throw new InvalidOperationException("crashed before confirming");

        public IAsyncEnumerable<SeriesEpisodeState> ListAsync(BrandName brand, CancellationToken cancellationToken) => inner.ListAsync(brand, cancellationToken);
    }
}
