using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class ReportRunTableStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly ReportRunTableStore _store = new(TestStorage.Create(azurite));

    private static ReportRun Claim(string month = "2026-10", string runId = "run-1") =>
        ReportRun.Claim(BrandName.Parse("contoso"), ReportMonth.Parse(month), runId, Now);

    [Fact]
    public async Task TryCreateAsync_NewPeriod_StoresRunWithETag()
    {
        var ct = TestContext.Current.CancellationToken;

        var created = await _store.TryCreateAsync(Claim(), ct);
        var read = await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct);

        Assert.NotNull(created?.ETag);
        Assert.NotNull(read);
        Assert.Equal(created.ETag, read.ETag);
        Assert.Equal(ReportRunStatus.Claimed, read.Status);
        Assert.Equal("run-1", read.RunId);
        Assert.Equal("contoso/2026-10/0", read.MailTag);
        Assert.Equal(Now, read.ClaimedAt);
    }

    [Fact]
    public async Task TryCreateAsync_PeriodAlreadyClaimed_ReturnsNullAndKeepsFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryCreateAsync(Claim(runId: "first"), ct);

        var second = await _store.TryCreateAsync(Claim(runId: "second"), ct);

        Assert.Null(second);
        Assert.Equal("first", (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!.RunId);
    }

    [Fact]
    public async Task TryUpdateAsync_StaleETag_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = (await _store.TryCreateAsync(Claim(), ct))!;
        var winner = await _store.TryUpdateAsync(created.MarkRendered("\"pdf\"", Now), ct);

        var loser = await _store.TryUpdateAsync(created.MarkFailed("late", Now), ct);

        Assert.NotNull(winner);
        Assert.Null(loser);
        Assert.Equal(ReportRunStatus.Rendered, (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!.Status);
    }

    [Fact]
    public async Task TryUpdateAsync_FullLifecycle_RoundTripsEveryField()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = (await _store.TryCreateAsync(Claim(), ct))!;
        run = (await _store.TryUpdateAsync(run.MarkRendered("\"0x1\"", Now.AddMinutes(1)), ct))!;
        run = (await _store.TryUpdateAsync(run.MarkSent("graph", [ReportMonth.Parse("2026-08"), ReportMonth.Parse("2026-09")], Now.AddMinutes(2)), ct))!;

        var read = (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!;

        Assert.Equal(ReportRunStatus.Sent, read.Status);
        Assert.Equal("\"0x1\"", read.PdfETag);
        Assert.Equal(Now.AddMinutes(1), read.RenderedAt);
        Assert.Equal(Now.AddMinutes(2), read.SentAt);
        Assert.Equal("graph", read.Delivery);
        Assert.Equal([ReportMonth.Parse("2026-08"), ReportMonth.Parse("2026-09")], read.ListedPeriods);
        Assert.True(read.IsDelivered);
    }

    [Fact]
    public async Task ListAsync_SeveralPeriods_ReturnsThemOldestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryCreateAsync(Claim("2026-10"), ct);
        await _store.TryCreateAsync(Claim("2026-08"), ct);
        await _store.TryCreateAsync(ReportRun.Claim(BrandName.Parse("other"), ReportMonth.Parse("2026-09"), "x", Now), ct);

        var months = new List<string>();
        await foreach (var run in _store.ListAsync(BrandName.Parse("contoso"), ct))
        {
            months.Add(run.Month.ToString());
        }

        Assert.Equal(["2026-08", "2026-10"], months);
    }
    [Fact]
    public async Task TryUpdateAsync_ResentAndFailed_GenerationRecipientsListedInAndReasonRoundTrip()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = (await _store.TryCreateAsync(Claim(), ct))!;
        run = (await _store.TryUpdateAsync(run.MarkSent("graph", [], Now.AddMinutes(1), ["cmo@contoso.com", "ceo@contoso.com"]), ct))!;
        run = (await _store.TryUpdateAsync(run.Reclaim("run-2", Now.AddDays(1), force: true), ct))!;
        run = (await _store.TryUpdateAsync(run.MarkListedIn(ReportMonth.Parse("2026-11")), ct))!;

        var read = (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!;

        Assert.Equal(1, read.Generation);
        Assert.Equal("contoso/2026-10/1", read.MailTag);
        Assert.Equal("run-2", read.RunId);
        Assert.Equal(ReportMonth.Parse("2026-11"), read.ListedIn);
        Assert.Equal(["cmo@contoso.com", "ceo@contoso.com"], read.Recipients);
        Assert.Empty(read.ListedPeriods);
        Assert.True(read.IsDelivered);

        var failed = (await _store.TryUpdateAsync(read.MarkFailed(new string('g', 4000) + "more", Now.AddDays(2)), ct))!;
        var again = (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!;

        Assert.Equal(failed.ETag, again.ETag);
        Assert.Equal(ReportRunStatus.Failed, again.Status);
        Assert.Equal(Now.AddDays(2), again.FailedAt);
        Assert.Equal(new string('g', 4000) + "…", again.FailureReason);
    }

    [Fact]
    public async Task GetAsync_FreshClaim_NoRecipientsListedInOrPeriods()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.TryCreateAsync(Claim(), ct);

        var read = (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!;

        Assert.Empty(read.Recipients);
        Assert.Null(read.ListedIn);
        Assert.Empty(read.ListedPeriods);
        Assert.Equal(0, read.Generation);
        Assert.Equal(1, read.Attempts);
        Assert.Null(read.FailureReason);
        Assert.Null(read.FailedAt);
    }

    [Fact]
    public async Task TryUpdateAsync_ReasonOfExactly4000Characters_KeptWhole()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = (await _store.TryCreateAsync(Claim(), ct))!;

        await _store.TryUpdateAsync(run.MarkFailed(new string('g', 4000), Now), ct);

        Assert.Equal(new string('g', 4000), (await _store.GetAsync(BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), ct))!.FailureReason);
    }
}
