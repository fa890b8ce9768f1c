using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Digest;

/// <summary>The run record of a brand-week: what a claim may do, the mail's dedupe tag, a re-claim.</summary>
public sealed class DigestRunTests
{
    private static readonly BrandName Acme = BrandName.Parse("acme");
    private static readonly DigestWeek W44 = new(new DateOnly(2026, 10, 26));
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(15);

    private static DigestRun Run(DigestRunStatus status, DateTimeOffset claimedAt, int attempts = 1) =>
        DigestRun.Claim(Acme, W44, "r1", claimedAt) with { Status = status, Attempts = attempts };

    [Fact]
    public void Decide_NoRun_Create()
    {
        Assert.Equal(ReportRunClaimDecision.Create, DigestRun.Decide(null, Now, Stale, 3));
    }

    [Fact]
    public void Decide_ClaimYoungerThanTheLease_Busy_ExactlyAsOld_TakenOver()
    {
        Assert.Equal(ReportRunClaimDecision.Busy, DigestRun.Decide(Run(DigestRunStatus.Claimed, Now - Stale + TimeSpan.FromSeconds(1)), Now, Stale, 3));
        Assert.Equal(ReportRunClaimDecision.Reclaim, DigestRun.Decide(Run(DigestRunStatus.Claimed, Now - Stale), Now, Stale, 3));
    }

    [Theory]
    [InlineData(DigestRunStatus.Sent)]
    [InlineData(DigestRunStatus.Skipped)]
    public void Decide_SentOrSkipped_AlreadyDeliveredEvenWhenRecent(DigestRunStatus status)
    {
        Assert.Equal(ReportRunClaimDecision.AlreadyDelivered, DigestRun.Decide(Run(status, Now), Now, Stale, 3));
        Assert.True(Run(status, Now).IsDelivered);
    }

    [Fact]
    public void Decide_Failed_RetriedUntilMaxAttemptsThenGivenUp()
    {
        Assert.Equal(ReportRunClaimDecision.Reclaim, DigestRun.Decide(Run(DigestRunStatus.Failed, Now, attempts: 2), Now, Stale, 3));
        Assert.Equal(ReportRunClaimDecision.GaveUp, DigestRun.Decide(Run(DigestRunStatus.Failed, Now, attempts: 3), Now, Stale, 3));
        Assert.False(Run(DigestRunStatus.Failed, Now).IsDelivered);
        Assert.False(Run(DigestRunStatus.Claimed, Now).IsDelivered);
    }

    [Fact]
    public void Claim_And_Reclaim_CountAttemptsAndClearTheLastFailure()
    {
        var claimed = DigestRun.Claim(Acme, W44, "r1", Now);
        Assert.Equal((DigestRunStatus.Claimed, "r1", 1, Now, false, false), (claimed.Status, claimed.RunId, claimed.Attempts, claimed.ClaimedAt, claimed.MailDone, claimed.CardDone));

        var failed = claimed with { Status = DigestRunStatus.Failed, FailureReason = "HTTP 400", MailDone = true };
        var later = Now.AddHours(1);
        var again = failed.Reclaim("r2", later);

        Assert.Equal((DigestRunStatus.Claimed, "r2", 2, later, (string?)null), (again.Status, again.RunId, again.Attempts, again.ClaimedAt, again.FailureReason));
        Assert.True(again.MailDone); // a step done stays done
    }

    [Fact]
    public void MailTag_BrandAndIsoWeek()
    {
        Assert.Equal("digest/acme/2026-W44", Run(DigestRunStatus.Claimed, Now).MailTag);
    }
}
