using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Where the data lives. Follows the Functions convention: <c>AzureWebJobsStorage</c> is a connection string locally
/// (Azurite) and <c>AzureWebJobsStorage__accountName</c> (+ managed identity) in Azure.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>A connection string (<c>UseDevelopmentStorage=true</c> or a full one); wins over <see cref="AccountName"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The storage account name, used with a token credential (managed identity).</summary>
    public string? AccountName { get; set; }

    /// <summary>The client id of a user-assigned managed identity; null = the default credential chain.</summary>
    public string? ClientId { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table, container and queue name (letters and digits; tests isolate themselves with it).</summary>
    [RegularExpression("^[a-z0-9]{0,20}$", ErrorMessage = "Storage:Prefix must be up to 20 lower-case letters or digits.")]
    public string Prefix { get; set; } = StorageDefaults.Prefix;

    /// <summary>How many table batches one upload may have in flight at once.</summary>
    [Range(1, 64)]
    public int MaxParallelBatches { get; set; } = StorageDefaults.MaxParallelBatches;

    /// <summary>
    /// Retries of one storage request after a 408/429/5xx answer, a timeout or a broken connection (the Azure SDK's own
    /// retry policy, exponential with jitter). Past them the request fails and an HTTP caller gets 503 with Retry-After.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = StorageDefaults.MaxRetries;

    /// <summary>First retry delay, doubled per retry up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = StorageDefaults.RetryDelay;

    public TimeSpan MaxRetryDelay { get; set; } = StorageDefaults.MaxRetryDelay;

    /// <summary>How long one storage request may take before it counts as failed (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan NetworkTimeout { get; set; } = StorageDefaults.NetworkTimeout;

    /// <summary>What a 503 tells the caller to wait before trying again when storage stays unavailable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryAfter { get; set; } = StorageDefaults.RetryAfter;
}

/// <summary>Defaults of <see cref="StorageOptions"/> and the names of our tables, containers and queues.</summary>
public static class StorageDefaults
{
    public const string Prefix = "";

    /// <summary>Enough to keep Azurite and the Table service busy without thrashing a 2-core instance.</summary>
    public const int MaxParallelBatches = 8;

    /// <summary>The Azure SDK's default: 3 retries, 0.8 s doubling up to 1 min; a request may take 100 s.</summary>
    public const int MaxRetries = 3;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(0.8);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(100);
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public const string PostsTable = "posts";
    public const string DailyTable = "daily";
    public const string UploadsTable = "uploads";
    public const string RawExportsContainer = "raw-exports";
}
