using Azure;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Checks that tables, blobs and queues answer (one cheap list call each), within <see cref="ProbeTimeout"/>: a health
/// check must answer while storage does not, and the SDK alone retries a refused connection for half a minute.
/// </summary>
public sealed class StorageHealth(StorageClients clients, TimeProvider timeProvider)
{
    /// <summary>How long one probe may take before its service counts as unreachable (a first managed-identity token included).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyDictionary<string, string>> CheckAsync(CancellationToken cancellationToken)
    {
        // The three at once, so an unreachable account costs one timeout, not three.
        var tables = ProbeAsync(async ct =>
        {
            await foreach (var _ in clients.Tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        var blobs = ProbeAsync(async ct =>
        {
            await foreach (var _ in clients.Blobs.GetBlobContainersAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        var queues = ProbeAsync(async ct =>
        {
            await foreach (var _ in clients.Queues.GetQueuesAsync(cancellationToken: ct).AsPages(pageSizeHint: 1))
            {
                break;
            }
        }, cancellationToken);
        return new Dictionary<string, string>
        {
            ["tables"] = await tables,
            ["blobs"] = await blobs,
            ["queues"] = await queues,
        };
    }

    private async Task<string> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await probe(linked.Token);
            return "ok";
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return $"unreachable: no answer within {ProbeTimeout.TotalSeconds:0} s";
        }
        catch (RequestFailedException ex)
        {
            return $"failed: {ex.Status} {ex.ErrorCode}";
        }
        catch (HttpRequestException ex)
        {
            return $"unreachable: {ex.Message}";
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            // The SDK's retry policy gives up on a refused connection with every attempt's failure.
            return $"unreachable: {ex.InnerExceptions[^1].Message}";
        }
    }
}
