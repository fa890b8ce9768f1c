using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Core.Reporting;

/// <summary>Configuration section <c>Reports:Delivery</c>.</summary>
public sealed class ReportDeliveryOptions
{
    /// <summary>How long a claim protects a period before it is presumed crashed and may be re-claimed. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleClaimAfter { get; set; } = ReportDeliveryDefaults.StaleClaimAfter;

    /// <summary>Failed attempts after which a period is left alone until a forced send. Default 3.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = ReportDeliveryDefaults.MaxAttempts;

    /// <summary>Missed periods rendered at most in one catch-up run. Default 12.</summary>
    [Range(1, 36)]
    public int MaxMissedPeriods { get; set; } = ReportDeliveryDefaults.MaxMissedPeriods;

    /// <summary>Sender used when a brand has none (e.g. the demo in outbox mode). Default none: such a brand's run fails with the reason.</summary>
    public string? DefaultSender { get; set; }
}

/// <summary>Defaults of <see cref="ReportDeliveryOptions"/>.</summary>
public static class ReportDeliveryDefaults
{
    public static readonly TimeSpan StaleClaimAfter = ReportRunClaim.DefaultStaleAfter;
    public const int MaxAttempts = ReportRunClaim.DefaultMaxAttempts;
    public const int MaxMissedPeriods = ReportSchedule.MaxMissedPeriods;
}
