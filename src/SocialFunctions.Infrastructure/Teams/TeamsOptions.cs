using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Infrastructure.Teams;

/// <summary>Teams webhook delivery (configuration section <c>Teams</c>).</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>Posts per second per webhook (Teams throttles above 4). <value>Default 4.</value></summary>
    [Range(0.1, 100)]
    public double MaxPostsPerSecond { get; set; } = TeamsDefaults.MaxPostsPerSecond;

    /// <summary>Attempts per post, the first included (429, 408, 5xx, transport errors and timeouts are retried). <value>Default 5.</value></summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = TeamsDefaults.MaxAttempts;

    /// <summary>First back-off delay, doubled per retry, when the answer gives no Retry-After. <value>Default 2 s.</value></summary>
    public TimeSpan BaseDelay { get; set; } = TeamsDefaults.BaseDelay;

    /// <summary>Longest wait honoured from a Retry-After header. <value>Default 60 s.</value></summary>
    public TimeSpan MaxRetryAfter { get; set; } = TeamsDefaults.MaxRetryAfter;

    /// <summary>Timeout of one HTTP attempt. <value>Default 30 s.</value></summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TeamsDefaults.Timeout;

    /// <summary>Posts that may wait for their turn on one webhook; beyond that a post fails at once. <value>Default 100.</value></summary>
    [Range(0, 10_000)]
    public int MaxQueuedPosts { get; set; } = TeamsDefaults.MaxQueuedPosts;
}

/// <summary>Folder of the local outbox (configuration section <c>Outbox</c>, shared with mail).</summary>
public sealed class AlertOutboxOptions
{
    /// <summary>Relative to the working directory. <value>Default <c>out/outbox</c>.</value></summary>
    [Required]
    public string Path { get; set; } = TeamsDefaults.OutboxPath;
}

/// <summary>Defaults of <see cref="TeamsOptions"/> and <see cref="AlertOutboxOptions"/>.</summary>
public static class TeamsDefaults
{
    public const double MaxPostsPerSecond = 4;
    public const int MaxAttempts = 5;
    public const int MaxQueuedPosts = 100;
    public const string OutboxPath = "out/outbox";
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
}
