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

    [Fact]
    public async Task DeliverAsync_MailRejected_FailsThenRetryLooksInSentItemsAndSendsTheCardOnce()
    {
        // Catches: a failed mail recorded as sent; the card posted although the mail failed; the retry not marked as a
        // possible resend (Attempts > 1), so Graph is not asked whether the first mail went out after all.
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.Enqueue(ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":{"code":"ErrorInvalidRecipients","message":"bad recipient"}}"""));
        graph.DefaultResponse = r => GraphTestServer.IsSentItemsQuery(r) ? GraphTestServer.SentItems() : GraphTestServer.Accepted;
        await using var teams = await RecordingHttpServer.StartAsync(ct);
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        var brand = Contoso with { TeamsWebhookUrl = new Uri(teams.BaseAddress, "hook?sig=s").AbsoluteUri };
        var service = await ServiceAsync(brand, GraphTestServer.Sender(graph), ct);

        var failed = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Failed, failed.Outcome);
        Assert.Equal((DigestRunStatus.Failed, false, false), (failed.Run!.Status, failed.Run.MailDone, failed.Run.CardDone));
        Assert.Contains("ErrorInvalidRecipients", failed.Run.FailureReason, StringComparison.Ordinal); // Graph's own reason, kept
        Assert.Empty(teams.Requests);
        Assert.DoesNotContain(graph.Requests, GraphTestServer.IsSentItemsQuery);
        Assert.Equal(W44, await service.DueAsync(brand, ct)); // one failure of three: still due

        var retried = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Sent, retried.Outcome);
        Assert.Equal((DigestRunStatus.Sent, 2, true, true), (retried.Run!.Status, retried.Run.Attempts, retried.Run.MailDone, retried.Run.CardDone));
        Assert.Null(retried.Run.FailureReason);
        Assert.Equal("graph, teams", retried.Run.Delivery);
        Assert.Equal(_time.GetUtcNow(), retried.Run.SentAt);
        Assert.Contains(graph.Requests, GraphTestServer.IsSentItemsQuery);
        Assert.Equal(2, graph.Requests.Count(GraphTestServer.IsSendMail));
        Assert.Single(teams.Requests);
        Assert.Null(await service.DueAsync(brand, ct));
    }

    [Fact]
    public async Task DeliverAsync_CardRejectedAfterTheMail_RetryPostsOnlyTheCard()
    {
        // Catches: the mail step not recorded (MailDone) before the card, so a retry after a failed card mails again.
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.DefaultResponse = r => GraphTestServer.IsSentItemsQuery(r) ? GraphTestServer.SentItems() : GraphTestServer.Accepted;
        await using var teams = await RecordingHttpServer.StartAsync(ct);
        teams.Enqueue(ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":"card rejected"}"""));
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        var brand = Contoso with { TeamsWebhookUrl = new Uri(teams.BaseAddress, "hook?sig=s").AbsoluteUri };
        var service = await ServiceAsync(brand, GraphTestServer.Sender(graph), ct);

        var failed = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Failed, failed.Outcome);
        Assert.Equal((DigestRunStatus.Failed, true, false), (failed.Run!.Status, failed.Run.MailDone, failed.Run.CardDone));
        Assert.Contains("400", failed.Run.FailureReason, StringComparison.Ordinal);
        Assert.Single(graph.Requests, GraphTestServer.IsSendMail);

        var retried = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Sent, retried.Outcome);
        Assert.Equal("teams", retried.Run!.Delivery);
        Assert.Single(graph.Requests, GraphTestServer.IsSendMail);
        Assert.Equal(2, teams.Requests.Count);
    }

    [Fact]
    public async Task DeliverAsync_WebhookOnly_PostsTheCardAndMailsNobody()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        await using var teams = await RecordingHttpServer.StartAsync(ct);
        teams.DefaultResponse = _ => ScriptedResponse.Empty(HttpStatusCode.Accepted);
        var brand = Contoso with { TeamRecipients = [], TeamsWebhookUrl = new Uri(teams.BaseAddress, "hook?sig=s").AbsoluteUri };
        var service = await ServiceAsync(brand, GraphTestServer.Sender(graph), ct);

        var result = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Sent, result.Outcome);
        Assert.Equal("teams", result.Run!.Delivery);
        Assert.Empty(graph.Requests);
        Assert.Single(teams.Requests);
        Assert.False(Directory.Exists(_outbox) && Directory.EnumerateFiles(_outbox).Any());
    }

    [Fact]
    public async Task DeliverAsync_NobodyToTell_CardToTheOutboxAndWeekSkipped()
    {
        // Catches: a brand with neither recipients nor webhook mailed or left due forever (Skipped counts as delivered).
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var brand = Contoso with { TeamRecipients = [] };
        var service = await ServiceAsync(brand, GraphTestServer.Sender(graph), ct);

        var result = await service.DeliverAsync(ContosoName, null, ct);

        Assert.Equal(DigestOutcome.Skipped, result.Outcome);
        Assert.Equal((DigestRunStatus.Skipped, true), (result.Run!.Status, result.Run.CardDone));
        Assert.Empty(graph.Requests);
        var file = Assert.Single(Directory.EnumerateFiles(_outbox));
        Assert.Contains("contoso-digest-2026-W44", Path.GetFileName(file), StringComparison.Ordinal);
        Assert.Equal(file, result.Run.Delivery);
        Assert.Null(await service.DueAsync(brand, ct));
        Assert.Equal(DigestOutcome.AlreadyDelivered, (await service.DeliverAsync(ContosoName, null, ct)).Outcome);
    }

    [Fact]
    public async Task DeliverAsync_GivenWeek_DeliversThatWeekNotTheLatest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.DefaultResponse = _ => GraphTestServer.Accepted;
        var service = await ServiceAsync(Contoso, GraphTestServer.Sender(graph), ct);

        var result = await service.DeliverAsync(ContosoName, W44.Previous, ct);

        Assert.Equal((DigestOutcome.Sent, W44.Previous), (result.Outcome, result.Week));
        Assert.NotNull(await new DigestRunTableStore(_storage).GetAsync(ContosoName, W44.Previous, ct));
        Assert.Null(await new DigestRunTableStore(_storage).GetAsync(ContosoName, W44, ct));
    }

    [Fact]
    public async Task DueAsync_DueUnlessTurnedOffOrBeingSent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var service = await ServiceAsync(Contoso, GraphTestServer.Sender(graph), ct);

        Assert.Equal(W44, await service.DueAsync(Contoso, ct));
        Assert.Null(await service.DueAsync(Contoso with { WeeklyDigest = false }, ct));
        var claimed = DigestRun.Claim(ContosoName, W44, "other", _time.GetUtcNow().AddMinutes(-1));
        Assert.NotNull(await new DigestRunTableStore(_storage).TryCreateAsync(claimed, ct));
        Assert.Null(await service.DueAsync(Contoso, ct)); // being sent right now
    }

    [Fact]
    public async Task DeliverAsync_SenderSet_MailsFromTheSenderElseFromTheFirstRecipient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.DefaultResponse = _ => GraphTestServer.Accepted;

        Assert.Equal(DigestOutcome.Sent, (await (await ServiceAsync(Contoso, GraphTestServer.Sender(graph), ct)).DeliverAsync(ContosoName, W44, ct)).Outcome);
        Assert.Equal(DigestOutcome.Sent, (await (await ServiceAsync(Contoso with { Sender = null }, GraphTestServer.Sender(graph), ct)).DeliverAsync(ContosoName, W44.Previous, ct)).Outcome);

        Assert.Equal(
            ["/users/reports@contoso.example/sendMail", "/users/social@contoso.example/sendMail"],
            graph.Requests.Where(GraphTestServer.IsSendMail).Select(r => Uri.UnescapeDataString(r.PathAndQuery)[Uri.UnescapeDataString(r.PathAndQuery).IndexOf("/users/", StringComparison.Ordinal)..]).ToArray());
    }

    [Fact]
    public async Task BuildAsync_StoredPostsAndUploads_TheWeeksDigestWithTheBrandsPage()
    {
        // One Instagram post in week 44 (Wednesday 28 October), one the week before; an Instagram range export ending on
        // 20 October: 12 days uncovered on Sunday 1 November, past the 7-day threshold.
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var service = await ServiceAsync(Contoso, GraphTestServer.Sender(graph), ct);
        await using (var writer = new TableRecordStore(_storage, Options.Create(new StorageOptions())).OpenWriter())
        {
            await writer.WriteAsync(DigestPost("i1", new DateTimeOffset(2026, 10, 28, 10, 0, 0, TimeSpan.Zero)), ct);
            await writer.WriteAsync(DigestPost("i0", new DateTimeOffset(2026, 10, 21, 10, 0, 0, TimeSpan.Zero)), ct);
            await writer.CompleteAsync(ct);
        }

        await new UploadTableLog(_storage).SaveAsync(
            new UploadRecord
            {
                Brand = "contoso", UploadId = "u1", FileName = "instagram.csv", ReceivedAt = _time.GetUtcNow(), Status = UploadStatus.Accepted,
                Channel = Channels.Instagram, Kind = ExportKind.Range, Format = "instagram-posts", From = new DateOnly(2026, 10, 1), To = new DateOnly(2026, 10, 20),
            },
            ct);

        var digest = await service.BuildAsync(Contoso, W44, ct);

        Assert.Equal([new DigestChannel(Channels.Instagram, 1, null)], digest.Channels);
        Assert.Equal("i1", digest.BestPost!.PostId);
        Assert.Equal([new OverdueExport(Channels.Instagram, new DateOnly(2026, 10, 20), 12)], digest.OverdueExports);
        Assert.Equal("http://localhost:7071/?brand=contoso", digest.PageUrl);
    }

    [Fact]
    public async Task DueAsyncAndBuildAsync_NoSettings_Refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var service = await ServiceAsync(Contoso, GraphTestServer.Sender(graph), ct);

        await Assert.ThrowsAsync<ArgumentNullException>(() => service.DueAsync(null!, ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => service.BuildAsync(null!, W44, ct));
    }

    private static CanonicalPost DigestPost(string id, DateTimeOffset at) => new()
    {
        Brand = "contoso", Channel = Channels.Instagram, PostId = id, PublishedAt = at, Impressions = 1000, Reactions = 50,
    };

    [Fact]
    public async Task DeliverAsync_OutboxCannotBeWritten_WeekFailedWithTheCauseAndStillDue()
    {
        // Nobody to tell, so the card goes to the outbox, but its folder's path is taken by a file: the week is failed (not
        // skipped, not thrown at the caller) with the exception's type and message, and stays due for a retry.
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        var brand = Contoso with { TeamRecipients = [] };
        var service = await ServiceAsync(brand, GraphTestServer.Sender(graph), ct);
        await File.WriteAllTextAsync(_outbox, "not a folder", ct);
        try
        {
            var result = await service.DeliverAsync(ContosoName, null, ct);

            Assert.Equal((DigestOutcome.Failed, DigestRunStatus.Failed, false), (result.Outcome, result.Run!.Status, result.Run.CardDone));
            Assert.StartsWith("IOException: ", result.Run.FailureReason, StringComparison.Ordinal);
            Assert.Equal(W44, await service.DueAsync(brand, ct));
        }
        finally
        {
            File.Delete(_outbox);
        }
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
