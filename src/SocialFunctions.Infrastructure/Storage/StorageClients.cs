using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// The service clients of the storage account, created once; tables, containers and queues are created on first use
/// (with the configured prefix) and cached, so adapters never pay a create call per request.
/// </summary>
public sealed class StorageClients
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);
    private readonly string _prefix;

    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        _prefix = o.Prefix;
        var tableOptions = WithRetry(new TableClientOptions(), o);
        var blobOptions = WithRetry(new BlobClientOptions(), o);
        var queueOptions = WithRetry(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }, o);
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            Tables = new TableServiceClient(o.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(o.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(o.ConnectionString, queueOptions);
        }
        else if (!string.IsNullOrWhiteSpace(o.AccountName) || o.TableServiceUri is not null)
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(o.ClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ClientId));
            Tables = new TableServiceClient(o.TableServiceUri ?? new Uri($"https://{o.AccountName}.table.core.windows.net"), credential, tableOptions);
            Blobs = new BlobServiceClient(o.BlobServiceUri ?? new Uri($"https://{o.AccountName}.blob.core.windows.net"), credential, blobOptions);
            Queues = new QueueServiceClient(o.QueueServiceUri ?? new Uri($"https://{o.AccountName}.queue.core.windows.net"), credential, queueOptions);
        }
        else
        {
            throw new OptionsValidationException(
                nameof(StorageOptions),
                typeof(StorageOptions),
                ["No storage configured: set AzureWebJobsStorage to a connection string (locally: UseDevelopmentStorage=true with Azurite) or AzureWebJobsStorage__accountName for managed identity."]);
        }
    }

    /// <summary>
    /// One retry policy for every storage call: the Azure SDK's own (retries 408, 429, 5xx, timeouts and broken
    /// connections, honours Retry-After), bounded by <see cref="StorageOptions"/> so a failing request ends in time.
    /// </summary>
    private static T WithRetry<T>(T options, StorageOptions o)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = o.MaxRetries;
        options.Retry.Delay = o.RetryDelay;
        options.Retry.MaxDelay = o.MaxRetryDelay;
        options.Retry.NetworkTimeout = o.NetworkTimeout;
        return options;
    }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    /// <summary>The table <paramref name="name"/> (prefix applied), created if it does not exist yet.</summary>
    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        GetOrCreateAsync(_tables, name, async n =>
        {
            var client = Tables.GetTableClient(_prefix + n);
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }).WaitAsync(cancellationToken);

    /// <summary>The blob container <paramref name="name"/> (prefix applied), created if it does not exist yet.</summary>
    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        GetOrCreateAsync(_containers, name, async n =>
        {
            var client = Blobs.GetBlobContainerClient(_prefix + n);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }).WaitAsync(cancellationToken);

    /// <summary>The queue <paramref name="name"/> (prefix applied), created if it does not exist yet.</summary>
    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        GetOrCreateAsync(_queues, name, async n =>
        {
            var client = Queues.GetQueueClient(QueueName(n));
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }).WaitAsync(cancellationToken);

    /// <summary>
    /// Creates each resource once and shares the task. The create ignores the first caller's cancellation (callers
    /// stop waiting instead), and a failed create is forgotten so the next call tries again.
    /// </summary>
    private static async Task<T> GetOrCreateAsync<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create)
    {
        var lazy = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }

    /// <summary>The real queue name (queues allow hyphens; a prefix is joined with one).</summary>
    public string QueueName(string name) => string.IsNullOrEmpty(_prefix) ? name : _prefix + "-" + name;
}
