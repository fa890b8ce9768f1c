using System.Globalization;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Digest;

/// <summary>Where a brand-week's digest stands.</summary>
public enum DigestRunStatus
{
    Claimed,

    /// <summary>Mail and card went out (each step is recorded as it succeeds, so a retry never repeats one).</summary>
    Sent,

    /// <summary>Nothing to send: the brand has neither team recipients nor a Teams webhook. Not retried.</summary>
    Skipped,

    Failed,
}

/// <summary>
/// The run record of one brand and week, claimed exactly like a monthly report's (<see cref="ReportRun"/>): insert-if-absent,
/// then replace-if-ETag-unchanged for every step, a stale claim (crashed holder) taken over, failures retried up to a limit.
/// </summary>
public sealed record DigestRun
{
    public required BrandName Brand { get; init; }

    public required DigestWeek Week { get; init; }

    public required DigestRunStatus Status { get; init; }

    public required string RunId { get; init; }

    public int Attempts { get; init; } = 1;

    public required DateTimeOffset ClaimedAt { get; init; }

    /// <summary>The mail went out (or there was none to send).</summary>
    public bool MailDone { get; init; }

    /// <summary>The Teams card went out (or there was none to send).</summary>
    public bool CardDone { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>Where the mail and the card went.</summary>
    public string? Delivery { get; init; }

    public string? ETag { get; init; }

    public bool IsDelivered => Status is DigestRunStatus.Sent or DigestRunStatus.Skipped;

    /// <summary>The mail's tag: a re-claim after a crash looks for it before mailing again.</summary>
    public string MailTag => string.Create(CultureInfo.InvariantCulture, $"digest/{Brand}/{Week.Key}");

    public static DigestRun Claim(BrandName brand, DigestWeek week, string runId, DateTimeOffset now) =>
        new() { Brand = brand, Week = week, Status = DigestRunStatus.Claimed, RunId = runId, ClaimedAt = now };

    public DigestRun Reclaim(string runId, DateTimeOffset now) =>
        this with { Status = DigestRunStatus.Claimed, RunId = runId, ClaimedAt = now, Attempts = Attempts + 1, FailureReason = null };

    /// <summary>What a claim may do: the monthly report's rules (<see cref="ReportRunClaim"/>), never forced.</summary>
    public static ReportRunClaimDecision Decide(DigestRun? existing, DateTimeOffset now, TimeSpan staleAfter, int maxAttempts) =>
        ReportRunClaim.Decide(
            existing is null
                ? null
                : new RunClaimState(existing.Status == DigestRunStatus.Claimed, existing.ClaimedAt, existing.IsDelivered, existing.Status == DigestRunStatus.Failed, existing.Attempts),
            now,
            force: false,
            staleAfter,
            maxAttempts);
}
