using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Reporting;

public sealed class ReportRunClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(15);

    private static ReportRun Claimed(DateTimeOffset at) => ReportRun.Claim(SocialFunctions.Core.Records.BrandName.Parse("contoso"), ReportMonth.Parse("2026-10"), "run-1", at);

    private static ReportRunClaimDecision Decide(ReportRun? run, bool force = false) => ReportRunClaim.Decide(run, Now, force, Stale, maxAttempts: 3);

    [Fact]
    public void Decide_NoRecord_Create() => Assert.Equal(ReportRunClaimDecision.Create, Decide(null));

    [Fact]
    public void Decide_FreshClaim_Busy() => Assert.Equal(ReportRunClaimDecision.Busy, Decide(Claimed(Now.AddMinutes(-14))));

    [Fact]
    public void Decide_FreshClaimEvenForced_Busy() => Assert.Equal(ReportRunClaimDecision.Busy, Decide(Claimed(Now.AddMinutes(-1)), force: true));

    [Fact]
    public void Decide_StaleClaim_Reclaim() => Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(Claimed(Now.AddMinutes(-15))));

    [Fact]
    public void Decide_RenderedNotListedAndStale_Reclaim() =>
        Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(Claimed(Now.AddHours(-1)).MarkRendered("\"e\"", Now.AddHours(-1))));

    [Fact]
    public void Decide_Sent_AlreadyDelivered() =>
        Assert.Equal(ReportRunClaimDecision.AlreadyDelivered, Decide(Claimed(Now.AddDays(-1)).MarkSent("graph", [], Now.AddDays(-1))));

    [Fact]
    public void Decide_ListedInLaterMail_AlreadyDelivered() =>
        Assert.Equal(ReportRunClaimDecision.AlreadyDelivered, Decide(Claimed(Now.AddDays(-1)).MarkListedIn(ReportMonth.Parse("2026-11"))));

    [Fact]
    public void Decide_SentAndForced_Reclaim() =>
        Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(Claimed(Now.AddDays(-1)).MarkSent("graph", [], Now.AddDays(-1)), force: true));

    [Fact]
    public void Decide_FailedBelowMaxAttempts_Reclaim() =>
        Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(Claimed(Now.AddMinutes(-1)).MarkFailed("400 bad", Now.AddMinutes(-1))));

    [Fact]
    public void Decide_FailedAtMaxAttempts_GaveUp()
    {
        var failed = Claimed(Now) with { Attempts = 3 };

        Assert.Equal(ReportRunClaimDecision.GaveUp, Decide(failed.MarkFailed("400 bad", Now)));
        Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(failed.MarkFailed("400 bad", Now), force: true));
    }

    [Fact]
    public void Reclaim_StaleRun_KeepsMailTagAndCountsAttempt()
    {
        var first = Claimed(Now.AddHours(-1));

        var second = first.Reclaim("run-2", Now, force: false);

        Assert.Equal(ReportRunStatus.Claimed, second.Status);
        Assert.Equal("contoso/2026-10/0", second.MailTag);
        Assert.Equal(first.MailTag, second.MailTag);
        Assert.Equal(2, second.Attempts);
        Assert.Equal("run-2", second.RunId);
        Assert.Equal(Now, second.ClaimedAt);
    }

    [Fact]
    public void Reclaim_ForcedAfterSent_NewGenerationAndTag()
    {
        var sent = Claimed(Now.AddDays(-1)).MarkSent("graph", [], Now.AddDays(-1)) with { Attempts = 2 };

        var resend = sent.Reclaim("run-3", Now, force: true);

        Assert.Equal(1, resend.Generation);
        Assert.Equal("contoso/2026-10/1", resend.MailTag);
        Assert.Equal(1, resend.Attempts);
        Assert.False(resend.IsDelivered);
    }

    [Fact]
    public void Decide_ListedInLaterMailJustNow_AlreadyDeliveredNotBusy()
    {
        // A period rendered during a catch-up is done as soon as it is listed: it is not a claim in progress.
        var listed = Claimed(Now.AddMinutes(-1)).MarkRendered("\"e\"", Now.AddMinutes(-1)).MarkListedIn(ReportMonth.Parse("2026-11"));

        Assert.Equal(ReportRunClaimDecision.AlreadyDelivered, Decide(listed));
    }

    [Fact]
    public void Decide_RenderedNotListedJustNow_Busy()
    {
        // Rendered but not mailed yet: the holder is about to mail it.
        Assert.Equal(ReportRunClaimDecision.Busy, Decide(Claimed(Now.AddMinutes(-1)).MarkRendered("\"e\"", Now)));
    }

    [Fact]
    public void Decide_FailedRecently_ReclaimedAtOnce_OneBelowMaxAttempts()
    {
        // A failure is not a claim in progress: it is retried without waiting for the lease, until the attempts run out.
        var failed = (Claimed(Now) with { Attempts = 2 }).MarkFailed("503", Now);

        Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(failed));
    }

    [Fact]
    public void Decide_SentJustNowAndForced_ReclaimNotBusy()
    {
        Assert.Equal(ReportRunClaimDecision.Reclaim, Decide(Claimed(Now).MarkSent("graph", [], Now), force: true));
    }

    [Fact]
    public void Reclaim_FailedRun_ClearsTheFailureAndKeepsItsGeneration()
    {
        var failed = Claimed(Now.AddHours(-1)).MarkFailed("HTTP 400", Now.AddHours(-1));
        Assert.Equal((ReportRunStatus.Failed, "HTTP 400", Now.AddHours(-1)), (failed.Status, failed.FailureReason, failed.FailedAt));

        var again = failed.Reclaim("run-2", Now, force: true); // forced, but nothing was delivered: not a resend

        Assert.Equal((ReportRunStatus.Claimed, 0, "contoso/2026-10/0", 2), (again.Status, again.Generation, again.MailTag, again.Attempts));
        Assert.Null(again.FailureReason);
        Assert.Null(again.FailedAt);
    }

    [Fact]
    public void Reclaim_ForcedResendOfAListedPeriod_NoLongerListed()
    {
        var listed = Claimed(Now.AddDays(-1)).MarkListedIn(ReportMonth.Parse("2026-11"));

        var resend = listed.Reclaim("run-2", Now, force: true);
        var retry = (listed with { Status = ReportRunStatus.Claimed, ClaimedAt = Now.AddHours(-1) }).Reclaim("run-3", Now, force: false);

        Assert.Null(resend.ListedIn);
        Assert.Equal(1, resend.Generation);
        Assert.Equal(ReportMonth.Parse("2026-11"), retry.ListedIn);
    }

    [Fact]
    public void MarkRenderedAndSent_RecordWhatHappenedAndWhen()
    {
        var rendered = Claimed(Now).MarkRendered("\"pdf-1\"", Now.AddMinutes(1));
        var sent = rendered.MarkSent("graph", [ReportMonth.Parse("2026-09")], Now.AddMinutes(2), ["cmo@contoso.example"]);

        Assert.Equal((ReportRunStatus.Rendered, "\"pdf-1\"", Now.AddMinutes(1)), (rendered.Status, rendered.PdfETag, rendered.RenderedAt));
        Assert.False(rendered.IsDelivered);
        Assert.Equal((ReportRunStatus.Sent, "graph", Now.AddMinutes(2)), (sent.Status, sent.Delivery, sent.SentAt));
        Assert.Equal([ReportMonth.Parse("2026-09")], sent.ListedPeriods);
        Assert.Equal(["cmo@contoso.example"], sent.Recipients);
        Assert.Empty(rendered.MarkSent("outbox", [], Now).Recipients);
        Assert.True(sent.IsDelivered);
    }
}
