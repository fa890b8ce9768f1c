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
}

/// <summary>Defaults of <see cref="StorageOptions"/> and the names of our tables, containers and queues.</summary>
public static class StorageDefaults
{
    public const string Prefix = "";

    /// <summary>Enough to keep Azurite and the Table service busy without thrashing a 2-core instance.</summary>
    public const int MaxParallelBatches = 8;

    public const string PostsTable = "posts";
    public const string DailyTable = "daily";
    public const string UploadsTable = "uploads";
    public const string RawExportsContainer = "raw-exports";
}
