using System.Globalization;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Reporting;

/// <summary>Where a brand-month's report run stands.</summary>
public enum ReportRunStatus
{
    /// <summary>An invocation holds the period and is working on it.</summary>
    Claimed,

    /// <summary>The PDF is rendered and archived; not mailed (yet, or because a later period's mail lists it).</summary>
    Rendered,

    /// <summary>The mail was accepted (or found in Sent Items). Never mailed again unless forced.</summary>
    Sent,

    /// <summary>The last attempt failed; <see cref="ReportRun.FailureReason"/> says why.</summary>
    Failed,
}

/// <summary>
/// The run record of one brand and period: claimed → rendered → sent, or failed (with reason and attempts).
/// Immutable; each transition returns the next state. <see cref="ETag"/> is the store's concurrency token of the version
/// this instance was read as, so every write is conditional and at most one invocation works on a period.
/// </summary>
public sealed record ReportRun
{
    public required BrandName Brand { get; init; }

    public required ReportMonth Month { get; init; }

    public required ReportRunStatus Status { get; init; }

    /// <summary>Identifies the current claim (one invocation); a new one per claim.</summary>
    public required string RunId { get; init; }

    /// <summary>
    /// The mail's <c>x-socialfunctions-run</c> tag. Kept across re-claims of a crashed run so its mail can be found in Sent
    /// Items; only a forced resend starts a new generation (and so a new tag).
    /// </summary>
    public required string MailTag { get; init; }

    /// <summary>How many claims this period has had since its last forced resend (1 for the first).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>How many times the period was deliberately resent (<c>force</c>).</summary>
    public int Generation { get; init; }

    public required DateTimeOffset ClaimedAt { get; init; }

    public DateTimeOffset? RenderedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>ETag of the archived PDF.</summary>
    public string? PdfETag { get; init; }

    /// <summary>Where the mail went (<c>graph</c> or the outbox file) and any note from the sender.</summary>
    public string? Delivery { get; init; }

    /// <summary>The addresses the mail went to (the brand's recipients when it was sent).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    /// <summary>For a missed period rendered during a catch-up: the period whose mail lists it.</summary>
    public ReportMonth? ListedIn { get; init; }

    /// <summary>Earlier periods this period's mail listed (missed while the host was down).</summary>
    public IReadOnlyList<ReportMonth> ListedPeriods { get; init; } = [];

    /// <summary>The store's concurrency token; null for a run not stored yet.</summary>
    public string? ETag { get; init; }

    /// <summary>True when the period needs no further mail: sent, or listed in a later period's mail.</summary>
    public bool IsDelivered => Status == ReportRunStatus.Sent || (Status == ReportRunStatus.Rendered && ListedIn is not null);

    public static ReportRun Claim(BrandName brand, ReportMonth period, string runId, DateTimeOffset now) => new()
    {
        Brand = brand,
        Month = period,
        Status = ReportRunStatus.Claimed,
        RunId = runId,
        MailTag = TagFor(brand, period, 0),
        ClaimedAt = now,
    };

    /// <summary>A new claim of an existing record (stale, failed, or forced); keeps the ETag for the conditional write.</summary>
    public ReportRun Reclaim(string runId, DateTimeOffset now, bool force)
    {
        var generation = force && IsDelivered ? Generation + 1 : Generation;
        return this with
        {
            Status = ReportRunStatus.Claimed,
            RunId = runId,
            Generation = generation,
            MailTag = TagFor(Brand, Month, generation),
            Attempts = generation == Generation ? Attempts + 1 : 1,
            ClaimedAt = now,
            FailedAt = null,
            FailureReason = null,
            ListedIn = generation == Generation ? ListedIn : null,
        };
    }

    public ReportRun MarkRendered(string pdfETag, DateTimeOffset now) =>
        this with { Status = ReportRunStatus.Rendered, PdfETag = pdfETag, RenderedAt = now };

    /// <summary>Rendered and archived during a catch-up; the mail of <paramref name="latest"/> lists it.</summary>
    public ReportRun MarkListedIn(ReportMonth latest) => this with { Status = ReportRunStatus.Rendered, ListedIn = latest };

    public ReportRun MarkSent(string delivery, IReadOnlyList<ReportMonth> listedPeriods, DateTimeOffset now, IReadOnlyList<string>? recipients = null) =>
        this with { Status = ReportRunStatus.Sent, Delivery = delivery, ListedPeriods = listedPeriods, SentAt = now, Recipients = recipients ?? [] };

    public ReportRun MarkFailed(string reason, DateTimeOffset now) =>
        this with { Status = ReportRunStatus.Failed, FailureReason = reason, FailedAt = now };

    /// <summary>The mail tag of a brand, period and resend generation, e.g. <c>contoso/2026-10/0</c>.</summary>
    public static string TagFor(BrandName brand, ReportMonth period, int generation) =>
        string.Create(CultureInfo.InvariantCulture, $"{brand}/{period}/{generation}");
}
