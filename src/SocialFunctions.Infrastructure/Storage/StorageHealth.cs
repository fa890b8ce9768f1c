using Azure;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>Checks that tables, blobs and queues answer (one cheap list call each).</summary>
public sealed class StorageHealth(StorageClients clients)
{
    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, string>();
        results["tables"] = await ProbeAsync(async ct =>
        {
            await foreach (var _ in clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        results["blobs"] = await ProbeAsync(async ct =>
        {
            await foreach (var _ in clients.Blobs.GetBlobContainersAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        results["queues"] = await ProbeAsync(async ct =>
        {
            await foreach (var _ in clients.Queues.GetQueuesAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        return results;
    }

    private static async Task<string> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe(cancellationToken);
            return "ok";
        }
        catch (RequestFailedException ex)
        {
            return $"failed: {ex.Status} {ex.ErrorCode}";
        }
        catch (HttpRequestException ex)
        {
            return $"unreachable: {ex.Message}";
        }
    }
}
