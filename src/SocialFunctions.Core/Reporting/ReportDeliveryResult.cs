namespace SocialFunctions.Core.Reporting;

/// <summary>What happened to one period in one invocation.</summary>
public enum ReportDeliveryState
{
    /// <summary>Rendered, archived and mailed now.</summary>
    Sent,

    /// <summary>Rendered and archived; listed in the mail of a later period (catch-up).</summary>
    Archived,

    /// <summary>Nothing done: already sent (or listed in a later mail).</summary>
    AlreadyDelivered,

    /// <summary>Nothing done: another invocation holds the period.</summary>
    Busy,

    /// <summary>Nothing done: failed too often before; a forced send retries.</summary>
    GaveUp,

    /// <summary>This attempt failed; the run record carries the reason.</summary>
    Failed,
}

/// <param name="Month">The period.</param>
/// <param name="State">What happened.</param>
/// <param name="Run">The run record as stored after this invocation (null only if it could not be read).</param>
public sealed record ReportDeliveryResult(ReportMonth Month, ReportDeliveryState State, ReportRun? Run);
