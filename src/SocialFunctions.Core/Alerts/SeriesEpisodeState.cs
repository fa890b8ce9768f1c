namespace SocialFunctions.Core.Alerts;

/// <summary>The stored episode of one brand + channel + series.</summary>
public sealed record SeriesEpisodeState
{
    public required string Brand { get; init; }

    public required string Channel { get; init; }

    public required string Series { get; init; }

    /// <summary>One of <see cref="EpisodeStatus"/>.</summary>
    public required string Status { get; init; }

    /// <summary>When the current (or last) underperformance episode began, as the detector dates it.</summary>
    public DateTimeOffset? EpisodeStart { get; init; }

    /// <summary>When the last notification of this series was claimed.</summary>
    public DateTimeOffset? LastNotifiedAt { get; init; }

    /// <summary>The kind of the last notification (<see cref="AlertKind"/>).</summary>
    public string? LastNotification { get; init; }

    /// <summary>True while a claimed notification has not been confirmed delivered (a later check retries it).</summary>
    public bool DeliveryPending { get; init; }

    /// <summary>
    /// When a later check last retried the pending notification. Kept apart from <see cref="LastNotifiedAt"/> so the
    /// notification keeps its id across retries (a retried mail is found in Sent Items by that id).
    /// </summary>
    public DateTimeOffset? RetriedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Episode states: healthy → underperforming → recovered (→ underperforming again on a new episode).</summary>
public static class EpisodeStatus
{
    public const string Healthy = "healthy";
    public const string Underperforming = "underperforming";
    public const string Recovered = "recovered";
}

/// <summary>What a notification announces.</summary>
public static class AlertKind
{
    public const string Started = "started";
    public const string Reminder = "reminder";
    public const string Recovered = "recovered";
}
