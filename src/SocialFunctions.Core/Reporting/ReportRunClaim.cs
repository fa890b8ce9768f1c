namespace SocialFunctions.Core.Reporting;

/// <summary>What an invocation may do with a period, given its run record.</summary>
public enum ReportRunClaimDecision
{
    /// <summary>No record yet: create one (insert-if-absent).</summary>
    Create,

    /// <summary>Take over the record (failed, stale, or forced): replace it if its ETag is unchanged.</summary>
    Reclaim,

    /// <summary>Already sent (or listed in a later mail): nothing to do.</summary>
    AlreadyDelivered,

    /// <summary>Another invocation holds a fresh claim.</summary>
    Busy,

    /// <summary>Failed too often; only a forced send tries again.</summary>
    GaveUp,
}

/// <summary>The claim rules, pure so they can be tested without storage.</summary>
public static class ReportRunClaim
{
    /// <summary>How long a claim protects a period before another invocation may assume its holder crashed.</summary>
    public static readonly TimeSpan DefaultStaleAfter = TimeSpan.FromMinutes(15);

    public const int DefaultMaxAttempts = 3;

    public static ReportRunClaimDecision Decide(ReportRun? existing, DateTimeOffset now, bool force, TimeSpan staleAfter, int maxAttempts)
    {
        if (existing is null)
        {
            return ReportRunClaimDecision.Create;
        }

        var inProgress = existing.Status == ReportRunStatus.Claimed
            || (existing.Status == ReportRunStatus.Rendered && existing.ListedIn is null);
        if (inProgress && now - existing.ClaimedAt < staleAfter)
        {
            // Even force waits: two invocations on one period at once is exactly what the claim prevents.
            return ReportRunClaimDecision.Busy;
        }

        if (force)
        {
            return ReportRunClaimDecision.Reclaim;
        }

        if (existing.IsDelivered)
        {
            return ReportRunClaimDecision.AlreadyDelivered;
        }

        return existing.Status == ReportRunStatus.Failed && existing.Attempts >= maxAttempts
            ? ReportRunClaimDecision.GaveUp
            : ReportRunClaimDecision.Reclaim;
    }
}
