namespace SocialFunctions.Host.Scheduling;

/// <summary>The standalone scheduler and queue pump (they run only when no Functions host is present).</summary>
public sealed class SchedulingOptions
{
    /// <summary>Folder with host.json and the function folders; default: found upwards from the working directory.</summary>
    public string? AppRoot { get; set; }

    /// <summary>Fire timer functions on their schedules (standalone only).</summary>
    public bool TimersEnabled { get; set; } = SchedulingDefaults.TimersEnabled;

    /// <summary>Drain the queues of queue functions (standalone only).</summary>
    public bool QueuesEnabled { get; set; } = SchedulingDefaults.QueuesEnabled;

    /// <summary>How often an idle queue is polled.</summary>
    public TimeSpan QueuePollInterval { get; set; } = SchedulingDefaults.QueuePollInterval;

    /// <summary>Deliveries before a message goes to the poison queue (as host.json's queues.maxDequeueCount).</summary>
    public int MaxDequeueCount { get; set; } = SchedulingDefaults.MaxDequeueCount;
}

public static class SchedulingDefaults
{
    public const bool TimersEnabled = true;
    public const bool QueuesEnabled = true;
    public const int MaxDequeueCount = 5;
    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Every 15 minutes: each brand's own schedule then decides whether its report is due.</summary>
    public const string ReportSchedule = "0 */15 * * * *";

    /// <summary>Daily at 05:00 UTC.</summary>
    public const string SeriesCheckSchedule = "0 0 5 * * *";
}
