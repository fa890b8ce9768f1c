namespace SocialFunctions.LocalServer;

/// <summary>What the local server runs besides HTTP (section <c>Scheduling</c>).</summary>
internal sealed class LocalServerOptions
{
    public const string Section = "Scheduling";

    /// <summary>Fire timer functions on their schedules; off for deterministic runs (the demo, most tests).</summary>
    public bool TimersEnabled { get; set; } = true;

    /// <summary>Drain the queues of queue functions.</summary>
    public bool QueuesEnabled { get; set; } = true;

    /// <summary>How often an empty queue is polled again (the host backs off up to 1 minute; locally we stay quick).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
