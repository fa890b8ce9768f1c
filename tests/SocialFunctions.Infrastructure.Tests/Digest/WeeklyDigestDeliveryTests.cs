using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Infrastructure.Tests.Mail;
using SocialFunctions.Infrastructure.Tests.Reporting;
using SocialFunctions.Infrastructure.Tests.Storage;
using SocialFunctions.Infrastructure.Tests.Teams;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Digest;

/// <summary>Core's weekly digest over Azurite (the run claim), Graph and a Teams webhook on recording servers, the real words.</summary>
public sealed class WeeklyDigestDeliveryTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly BrandName ContosoName = BrandName.Parse("contoso");
    private static readonly DigestWeek W44 = new(new DateOnly(2026, 10, 26));

    // Monday 2 November 2026, 09:00 in Paris: the digest of week 44 is due.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("digest-outbox"));
    private readonly StorageClients _storage = TestStorage.Create(azurite);

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    [Fact]
    public async Task DeliverAsync_TenSimultaneousRunsSameWeek_OneMailAndOneCard()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.DefaultResponse = _ => GraphTestServer.Accepted with { Delay = TimeSpan.FromMilliseconds(200) };
        await using var teams = await RecordingHttpServer.StartAsync(ct);
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted) with { Delay = TimeSpan.FromMilliseconds(100) };
        var brand = Contoso with { TeamsWebhookUrl = new Uri(teams.BaseAddress, "hook?sig=s").AbsoluteUri };
        var service = await ServiceAsync(brand, GraphTestServer.Sender(graph), ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => service.DeliverAsync(ContosoName, null, ct), ct)));

        var mail = Assert.Single(graph.Requests, GraphTestServer.IsSendMail);
        Assert.Contains("social@contoso.example", mail.BodyText, StringComparison.Ordinal);
        var card = Assert.Single(teams.Requests);
        Assert.Contains("\"type\":\"AdaptiveCard\"", card.BodyText, StringComparison.Ordinal);
        Assert.Single(results, r => r.Outcome == DigestOutcome.Sent);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { DigestOutcome.Sent, DigestOutcome.Busy, DigestOutcome.AlreadyDelivered }));
        Assert.All(results, r => Assert.Equal(W44, r.Week));
        var stored = await new DigestRunTableStore(_storage).GetAsync(ContosoName, W44, ct);
        Assert.Equal((DigestRunStatus.Sent, 1), (stored!.Status, stored.Attempts));

        // The same week again: nothing more.
        var again = await service.DeliverAsync(ContosoName, null, ct);
        Assert.Equal(DigestOutcome.AlreadyDelivered, again.Outcome);
        Assert.Single(graph.Requests, GraphTestServer.IsSendMail);
    }

    [Theory]
    [InlineData(DigestRunStatus.Sent, 1, false)]
    [InlineData(DigestRunStatus.Failed, 3, false)] // given up: MaxAttempts failures
    [InlineData(DigestRunStatus.Failed, 1, true)]  // one failure: retried
    public async Task DueAsync_WeekAlreadyRun_DueOnlyWhenADeliveryCouldStillAct(DigestRunStatus status, int attempts, bool due)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var service = await ServiceAsync(Contoso, GraphTestServer.Sender(graph), ct);
        var run = DigestRun.Claim(ContosoName, W44, "earlier", _time.GetUtcNow().AddHours(-2)) with { Status = status, Attempts = attempts };
        Assert.NotNull(await new DigestRunTableStore(_storage).TryCreateAsync(run, ct));

        var week = await service.DueAsync(Contoso, ct);

        Assert.Equal(due ? W44 : null, week);
    }

    [Fact]
    public async Task DeliverAsync_DigestTurnedOff_SendsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var service = await ServiceAsync(Contoso with { WeeklyDigest = false }, GraphTestServer.Sender(graph), ct);

        var result = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Disabled, result.Outcome);
        Assert.Empty(graph.Requests);
        Assert.Null(await new DigestRunTableStore(_storage).GetAsync(ContosoName, W44, ct));
    }

    private static BrandSettings Contoso => BrandSettings.CreateDefault(ContosoName) with
    {
        DisplayName = "Contoso",
        Clock = BrandClock.Find("Europe/Paris"),
        Sender = "reports@contoso.example",
        TeamRecipients = ["social@contoso.example"],
    };

    /// <summary>The service over the real stores: the brand's settings saved to Azurite first.</summary>
    private async Task<WeeklyDigestService> ServiceAsync(BrandSettings brand, IMailSender mail, CancellationToken ct)
    {
        var brands = new BrandSettingsTableStore(_storage);
        await brands.SaveAsync(brand, ct);
        return new(
            brands,
            new TableRecordStore(_storage, Options.Create(new StorageOptions())),
            new UploadTableLog(_storage),
            new DigestRunTableStore(_storage),
            new SeriesDetector(new SeriesDetectionOptions()),
            new WeeklyDigestMessages(),
            mail,
            TestTeams.Client(_time),
            new AlertOutboxWriter(Options.Create(new AlertOutboxOptions { Path = _outbox }), _time),
            Options.Create(new DigestOptions()),
            Options.Create(new SeriesAlertOptions()),
            _time,
            NullLogger<WeeklyDigestService>.Instance);
    }
}
