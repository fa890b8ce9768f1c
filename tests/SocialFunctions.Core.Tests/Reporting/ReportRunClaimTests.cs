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
}
