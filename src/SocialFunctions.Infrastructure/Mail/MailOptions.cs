using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Infrastructure.Mail;

/// <summary>Which mail path is active.</summary>
public enum MailMode
{
    /// <summary>Write each mail as an <c>.eml</c> file into the outbox folder (local runs, demo, tests).</summary>
    Outbox,

    /// <summary>Send through Microsoft Graph <c>users/{sender}/sendMail</c>.</summary>
    Graph,
}

/// <summary>Configuration section <c>Mail</c>.</summary>
public sealed class MailOptions
{
    /// <summary>
    /// <c>Outbox</c> or <c>Graph</c>. Default: <c>Graph</c> when <c>Mail:Graph:TenantId</c> is set, else <c>Outbox</c>
    /// (<see cref="MailDefaults.Mode(string?)"/>).
    /// </summary>
    public MailMode? Mode { get; set; }
}

/// <summary>Configuration section <c>Mail:Graph</c>: app-only access to Microsoft Graph.</summary>
public sealed class GraphMailOptions
{
    /// <summary>Entra tenant id. With <see cref="ClientSecret"/> or <see cref="CertificatePath"/> it selects an app registration.</summary>
    public string? TenantId { get; set; }

    /// <summary>App registration client id, or the client id of a user-assigned managed identity when no secret/certificate is set.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>PFX/PEM certificate file of the app registration.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Graph root, default <c>https://graph.microsoft.com/v1.0</c>; tests point it at a local server.</summary>
    [Required]
    public string BaseUrl { get; set; } = MailDefaults.GraphBaseUrl;

    /// <summary>Per-request timeout; past it the outcome of a send is unknown (checked in Sent Items). Default 100 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = MailDefaults.RequestTimeout;

    /// <summary>Attachments up to this many bytes in total go inline in sendMail; larger ones by upload session. Default 3 MB.</summary>
    [Range(1, 150 * 1024 * 1024)]
    public int InlineAttachmentLimitBytes { get; set; } = MailDefaults.InlineAttachmentLimitBytes;

    /// <summary>Upload-session chunk size: a multiple of 320 KiB under 4 MiB as Graph asks. Default 3,276,800 (10 × 320 KiB).</summary>
    [Range(320 * 1024, (4 * 1024 * 1024) - 1)]
    public int UploadChunkBytes { get; set; } = MailDefaults.UploadChunkBytes;

    /// <summary>Send attempts for one mail when outcomes are unknown and Sent Items does not show it. Default 3.</summary>
    [Range(1, 10)]
    public int MaxSendAttempts { get; set; } = MailDefaults.MaxSendAttempts;

    /// <summary>
    /// Retries of one HTTP request: 429 on any request, 408/5xx/transport errors on GET and PUT (Sent Items queries,
    /// upload chunks); 0 turns them off. Default 5.
    /// </summary>
    [Range(0, 10)]
    public int MaxThrottleRetries { get; set; } = MailDefaults.MaxThrottleRetries;

    /// <summary>First back-off of an HTTP retry when the answer has no Retry-After (doubled per retry, with jitter). Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = MailDefaults.RetryDelay;

    /// <summary>Longest wait honoured from a Retry-After header. Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = MailDefaults.MaxRetryAfter;

    /// <summary>Wait before looking in Sent Items after an unknown outcome (the copy appears shortly after sending). Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SentItemsCheckDelay { get; set; } = MailDefaults.SentItemsCheckDelay;
}

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class MailOutboxOptions
{
    /// <summary>Folder the <c>.eml</c> files go to, relative to the working directory. Default <c>out/outbox</c>.</summary>
    [Required]
    public string Path { get; set; } = MailDefaults.OutboxPath;
}

/// <summary>Every mail default, in one place.</summary>
public static class MailDefaults
{
    public const string GraphBaseUrl = "https://graph.microsoft.com/v1.0";
    public const string OutboxPath = "out/outbox";
    public const int InlineAttachmentLimitBytes = 3 * 1000 * 1000;
    public const int UploadChunkBytes = 10 * 320 * 1024;
    public const int MaxSendAttempts = 3;
    public const int MaxThrottleRetries = 5;
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(100);
    public static readonly TimeSpan SentItemsCheckDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>The internet header every mail carries, with <see cref="Core.Ports.OutgoingMail.Tag"/> as value.</summary>
    public const string RunHeader = "x-socialfunctions-run";

    /// <summary>The mode when none is configured: Graph only once a tenant is configured.</summary>
    public static MailMode Mode(string? tenantId) => string.IsNullOrWhiteSpace(tenantId) ? MailMode.Outbox : MailMode.Graph;
}
