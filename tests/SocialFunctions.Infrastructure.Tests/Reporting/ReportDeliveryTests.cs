using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Infrastructure.Tests.Mail;
using SocialFunctions.Infrastructure.Tests.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Reporting;

/// <summary>Core's report delivery over the real storage and mail adapters (Azurite, the .eml outbox, Graph on a recording server) and the real mail wording.</summary>
public sealed class ReportDeliveryTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly ReportMonth October = ReportMonth.Parse("2026-10");
    private static readonly BrandName ContosoName = BrandName.Parse("contoso");

    private FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), AzuriteFixture.UniqueName("outbox"));
    private readonly StorageClients _storage = TestStorage.Create(azurite);

    private static BrandSettings Contoso => new()
    {
        Brand = ContosoName,
        DisplayName = "Contoso",
        Clock = BrandClock.Find("Europe/Paris"),
        Sender = "reports@contoso.com",
        Recipients = ["cmo@contoso.com"],
    };

    public void Dispose()
    {
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }

    private ReportRunTableStore Runs => new(_storage);

    private ReportBlobArchive Archive => new(_storage);

    /// <summary>Delivery over the real stores, with <paramref name="brand"/> (default Contoso) saved in the brands table first.</summary>
    private ReportDelivery Delivery(IMailSender mail, BrandSettings? brand = null, IReportRenderer? renderer = null) =>
        Delivery(mail, SaveBrand(brand ?? Contoso), renderer);

    private CountingBrandSettingsStore SaveBrand(BrandSettings brand)
    {
        var store = new BrandSettingsTableStore(_storage);
        store.SaveAsync(brand, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return new CountingBrandSettingsStore(store);
    }

    private ReportDelivery Delivery(IMailSender mail, IBrandSettingsStore brands, IReportRenderer? renderer = null) => new(
        brands,
        new ReportModelSource(
            brands,
            new TableRecordStore(_storage, Options.Create(new StorageOptions())),
            new UploadTableLog(_storage),
            new CommentaryTableStore(_storage),
            new TrendReportBuilder(_time),
            new SeriesDetector(new SeriesDetectionOptions()),
            new InsightSentences(),
            new SeriesWords()),
        renderer ?? new StubReportRenderer(),
        Archive,
        Runs,
        mail,
        new ReportMailWriter(),
        _time,
        Options.Create(new ReportDeliveryOptions()),
        NullLogger<ReportDelivery>.Instance);

    private OutboxMailSender Outbox => new(Options.Create(new MailOutboxOptions { Path = _outbox }));

    [Fact]
    public async Task SendAsync_TenSimultaneousRunsSamePeriod_OneMail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.DefaultResponse = _ => GraphTestServer.Accepted with { Delay = TimeSpan.FromMilliseconds(200) };
        var delivery = Delivery(GraphTestServer.Sender(graph));

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => delivery.SendAsync(ContosoName, October, force: false, ct), ct)));

        Assert.Single(graph.Requests, GraphTestServer.IsSendMail);
        Assert.Single(results, r => r.State == ReportDeliveryState.Sent);
        Assert.All(results, r => Assert.Contains(r.State, new[] { ReportDeliveryState.Sent, ReportDeliveryState.Busy, ReportDeliveryState.AlreadyDelivered }));
        var stored = await Runs.GetAsync(ContosoName, October, ct);
        Assert.Equal(ReportRunStatus.Sent, stored!.Status);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task SendAsync_AlreadySent_NotMailedAgainUnlessForced()
    {
        var ct = TestContext.Current.CancellationToken;
        var delivery = Delivery(Outbox);

        var first = await delivery.SendAsync(ContosoName, October, force: false, ct);
        var again = await delivery.SendAsync(ContosoName, October, force: false, ct);

        Assert.Equal(ReportDeliveryState.Sent, first.State);
        Assert.Equal(ReportDeliveryState.AlreadyDelivered, again.State);
        Assert.Single(Directory.GetFiles(_outbox));

        var forced = await delivery.SendAsync(ContosoName, October, force: true, ct);

        Assert.Equal(ReportDeliveryState.Sent, forced.State);
        Assert.Equal(1, forced.Run!.Generation);
        Assert.Equal("contoso/2026-10/1", forced.Run.MailTag);
        Assert.Equal(["contoso_2026-10_0.eml", "contoso_2026-10_1.eml"], Directory.GetFiles(_outbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendAsync_Sent_MailHasEscapedWordsPdfAndRunRecordAndSettingsWereReadOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var brands = SaveBrand(Contoso with { DisplayName = "Contoso <b>&</b>", Locale = ReportLocale.French });

        var result = await Delivery(Outbox, brands).SendAsync(ContosoName, October, force: false, ct);

        var run = result.Run!;
        Assert.Equal(ReportRunStatus.Sent, run.Status);
        Assert.Equal(_time.GetUtcNow(), run.SentAt);
        Assert.StartsWith(Path.Combine(_outbox, "contoso_2026-10_0.eml"), run.Delivery, StringComparison.Ordinal);
        var archived = await Archive.GetInfoAsync(ContosoName, October, ct);
        Assert.Equal(archived!.ETag, run.PdfETag);

        using var message = await MimeMessage.LoadAsync(Path.Combine(_outbox, "contoso_2026-10_0.eml"), ct);
        Assert.Equal("Contoso <b>&</b> : rapport réseaux sociaux, octobre 2026", message.Subject);
        Assert.Equal("contoso/2026-10/0", message.Headers[MailDefaults.RunHeader]);
        Assert.Contains("<h2>Contoso &lt;b&gt;&amp;&lt;/b&gt; : rapport r&#233;seaux sociaux de octobre 2026</h2>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(1, brands.Reads);
        var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content, ct);
        Assert.Equal("%PDF-1.7 contoso 2026-10"u8.ToArray(), content.ToArray());
    }

    [Fact]
    public async Task DeliverDueAsync_HostDownThreeMonths_ArchivesAllAndMailsLatestListingOthers()
    {
        var ct = TestContext.Current.CancellationToken;
        var july = (await Runs.TryCreateAsync(ReportRun.Claim(ContosoName, ReportMonth.Parse("2026-07"), "old", _time.GetUtcNow().AddMonths(-3)), ct))!;
        await Runs.TryUpdateAsync(july.MarkSent("graph", [], _time.GetUtcNow().AddMonths(-3)), ct);
        var delivery = Delivery(Outbox);

        var results = await delivery.DeliverDueAsync(ContosoName, ct);

        Assert.Equal(
            [("2026-08", ReportDeliveryState.Archived), ("2026-09", ReportDeliveryState.Archived), ("2026-10", ReportDeliveryState.Sent)],
            results.Select(r => (r.Month.ToString(), r.State)));
        foreach (var month in new[] { "2026-08", "2026-09", "2026-10" })
        {
            Assert.NotNull(await Archive.GetInfoAsync(ContosoName, ReportMonth.Parse(month), ct));
        }

        Assert.Equal(October, (await Runs.GetAsync(ContosoName, ReportMonth.Parse("2026-08"), ct))!.ListedIn);
        Assert.Equal([ReportMonth.Parse("2026-08"), ReportMonth.Parse("2026-09")], (await Runs.GetAsync(ContosoName, October, ct))!.ListedPeriods);
        var mail = Assert.Single(Directory.GetFiles(_outbox));
        using var message = await MimeMessage.LoadAsync(mail, ct);
        Assert.Contains("<li>August 2026 (2026-08)</li><li>September 2026 (2026-09)</li>", message.HtmlBody, StringComparison.Ordinal);

        Assert.Empty(await delivery.DeliverDueAsync(ContosoName, ct));
        Assert.Single(Directory.GetFiles(_outbox));
    }

    [Fact]
    public async Task DeliverDueAsync_BeforeLocalDueTime_NothingDue()
    {
        var ct = TestContext.Current.CancellationToken;
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 5, 59, 0, TimeSpan.Zero));
        var previous = (await Runs.TryCreateAsync(ReportRun.Claim(ContosoName, ReportMonth.Parse("2026-09"), "old", _time.GetUtcNow().AddMonths(-1)), ct))!;
        await Runs.TryUpdateAsync(previous.MarkSent("graph", [], _time.GetUtcNow().AddMonths(-1)), ct);

        // 05:59 UTC is 06:59 in Paris: the 07:00 report is not due yet.
        Assert.Empty(await Delivery(Outbox).DeliverDueAsync(ContosoName, ct));

        _time.Advance(TimeSpan.FromMinutes(1));
        var results = await Delivery(Outbox).DeliverDueAsync(ContosoName, ct);

        Assert.Equal([("2026-10", ReportDeliveryState.Sent)], results.Select(r => (r.Month.ToString(), r.State)));
    }

    [Fact]
    public async Task SendAsync_Graph400_RunFailedWithReasonAfterOneAttempt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.Enqueue(ScriptedResponse.Json(HttpStatusCode.BadRequest, """{"error":{"code":"ErrorInvalidRecipients","message":"Recipient not valid."}}"""));

        var result = await Delivery(GraphTestServer.Sender(graph)).SendAsync(ContosoName, October, force: false, ct);

        Assert.Equal(ReportDeliveryState.Failed, result.State);
        var stored = (await Runs.GetAsync(ContosoName, October, ct))!;
        Assert.Equal(ReportRunStatus.Failed, stored.Status);
        Assert.Equal("Graph 400 ErrorInvalidRecipients: Recipient not valid.", stored.FailureReason);
        Assert.Equal(1, stored.Attempts);
        Assert.Single(graph.Requests);
    }

    [Fact]
    public async Task SendAsync_GraphNeverAcceptsNorShowsTheMail_RunFailedNotSentAndNoMailClaimed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        graph.DefaultResponse = r => GraphTestServer.IsSentItemsQuery(r) ? GraphTestServer.SentItems() : ScriptedResponse.Empty(HttpStatusCode.ServiceUnavailable);

        var result = await Delivery(GraphTestServer.Sender(graph)).SendAsync(ContosoName, October, force: false, ct);

        Assert.Equal(ReportDeliveryState.Failed, result.State);
        var stored = (await Runs.GetAsync(ContosoName, October, ct))!;
        Assert.Equal(ReportRunStatus.Failed, stored.Status);
        Assert.False(stored.IsDelivered);
        Assert.Null(stored.SentAt);
        Assert.StartsWith("not sent after 3 attempts: Graph 503", stored.FailureReason, StringComparison.Ordinal);
        Assert.Equal(3, graph.Requests.Count(GraphTestServer.IsSendMail));
    }

    [Fact]
    public async Task SendAsync_StaleClaimOfCrashedRun_ReclaimsAndFindsEarlierMailInSentItems()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var graph = await RecordingHttpServer.StartAsync(ct);
        await Runs.TryCreateAsync(ReportRun.Claim(ContosoName, October, "crashed", _time.GetUtcNow()), ct);
        var delivery = Delivery(GraphTestServer.Sender(graph));

        _time.Advance(TimeSpan.FromMinutes(5));
        var whileFresh = await delivery.SendAsync(ContosoName, October, force: false, ct);
        _time.Advance(TimeSpan.FromMinutes(11));
        graph.Enqueue(GraphTestServer.SentItems("AAMkFromCrashedRun"));
        var afterStale = await delivery.SendAsync(ContosoName, October, force: false, ct);

        Assert.Equal(ReportDeliveryState.Busy, whileFresh.State);
        Assert.Equal(ReportDeliveryState.Sent, afterStale.State);
        Assert.Equal(2, afterStale.Run!.Attempts);
        Assert.Contains("AAMkFromCrashedRun", afterStale.Run.Delivery, StringComparison.Ordinal);
        Assert.DoesNotContain(graph.Requests, GraphTestServer.IsSendMail);
    }

    [Fact]
    public async Task SendAsync_RendererThrows_RunFailedWithReason()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await Delivery(Outbox, renderer: new FailingReportRenderer()).SendAsync(ContosoName, October, force: false, ct);

        Assert.Equal(ReportDeliveryState.Failed, result.State);
        Assert.Equal("InvalidOperationException: font missing", result.Run!.FailureReason);
        Assert.False(Directory.Exists(_outbox) && Directory.GetFiles(_outbox).Length > 0);
    }

    [Fact]
    public async Task SendAsync_BrandWithoutSender_FailsNamingSetting()
    {
        var ct = TestContext.Current.CancellationToken;

        var result = await Delivery(Outbox, Contoso with { Sender = null }).SendAsync(ContosoName, October, force: false, ct);

        Assert.Equal(ReportDeliveryState.Failed, result.State);
        Assert.Equal("the brand has no sender mailbox (brand settings 'sender')", result.Run!.FailureReason);
        Assert.NotNull(await Archive.GetInfoAsync(ContosoName, October, ct));
    }

    [Fact]
    public async Task GetOrRenderPdfAsync_NotArchived_RendersArchivesThenServesArchivedCopy()
    {
        var ct = TestContext.Current.CancellationToken;
        var delivery = Delivery(Outbox);

        var first = await delivery.GetOrRenderPdfAsync(ContosoName, October, ct);
        var second = await delivery.GetOrRenderPdfAsync(ContosoName, October, ct);

        Assert.Equal("%PDF-1.7 contoso 2026-10"u8.ToArray(), first.Content);
        Assert.Equal(first.Info.ETag, second.Info.ETag);
        Assert.Equal(first.Content, second.Content);
    }
}
