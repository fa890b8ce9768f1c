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

    public static ReportRunClaimDecision Decide(ReportRun? existing, DateTimeOffset now, bool force, TimeSpan staleAfter, int maxAttempts) =>
        Decide(
            existing is null
                ? null
                : new RunClaimState(
                    // A rendered report not yet listed in a mail is still its holder's work.
                    existing.Status == ReportRunStatus.Claimed || (existing.Status == ReportRunStatus.Rendered && existing.ListedIn is null),
                    existing.ClaimedAt,
                    existing.IsDelivered,
                    existing.Status == ReportRunStatus.Failed,
                    existing.Attempts),
            now,
            force,
            staleAfter,
            maxAttempts);

    /// <summary>The rules over what a run record says, shared by the monthly report and the weekly digest.</summary>
    public static ReportRunClaimDecision Decide(RunClaimState? existing, DateTimeOffset now, bool force, TimeSpan staleAfter, int maxAttempts)
    {
        if (existing is not { } run)
        {
            return ReportRunClaimDecision.Create;
        }

        if (run.InProgress && now - run.ClaimedAt < staleAfter)
        {
            // Even force waits: two invocations on one period at once is exactly what the claim prevents.
            return ReportRunClaimDecision.Busy;
        }

        if (force)
        {
            return ReportRunClaimDecision.Reclaim;
        }

        if (run.Delivered)
        {
            return ReportRunClaimDecision.AlreadyDelivered;
        }

        return run.Failed && run.Attempts >= maxAttempts
            ? ReportRunClaimDecision.GaveUp
            : ReportRunClaimDecision.Reclaim;
    }
}

/// <summary>What the claim rules need of a run record (a monthly report's or a weekly digest's).</summary>
/// <param name="InProgress">A holder is at work on it (until <paramref name="ClaimedAt"/> is stale).</param>
/// <param name="ClaimedAt">When it was last claimed.</param>
/// <param name="Delivered">Nothing is left to send.</param>
/// <param name="Failed">Its last attempt failed.</param>
/// <param name="Attempts">How many attempts were made.</param>
public readonly record struct RunClaimState(bool InProgress, DateTimeOffset ClaimedAt, bool Delivered, bool Failed, int Attempts);
