using Azure.Data.Tables;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Groups upserts by partition into entity-group transactions (≤ 100 entities, well under 4 MiB, each entity once)
/// and submits them with bounded parallelism while the caller keeps producing rows. Only the open batch of each
/// partition is held in memory. A row key that is still in flight in an earlier batch of the same partition makes the
/// later batch wait for it, so when a file lists a post twice the later row wins even across batches.
/// </summary>
internal sealed class TableBatchWriter : IDisposable
{
    private const int MaxBatchEntities = 100;

    // The service limit is 4 MiB; stay clear of it since our size estimate is rough.
    private const int MaxBatchBytes = 3 * 1024 * 1024;

    // Open batches of all partitions together. A year-long file touches ~200 partitions and each keeps a part-filled
    // batch until the end; past this the least recently used one is sent early, so memory stays flat for any file.
    private const long MaxOpenBytes = 16 * 1024 * 1024;

    private readonly TableClient _table;
    private readonly SemaphoreSlim _inFlight;
    private readonly Dictionary<string, PendingBatch> _open = new(StringComparer.Ordinal);
    private readonly List<Submitted> _submitted = [];
    private long _openBytes;
    private long _clock;

    public TableBatchWriter(TableClient table, int maxParallelBatches)
    {
        _table = table;
        _inFlight = new SemaphoreSlim(maxParallelBatches, maxParallelBatches);
    }

    public async ValueTask AddAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (!_open.TryGetValue(entity.PartitionKey, out var batch))
        {
            batch = new PendingBatch();
            _open[entity.PartitionKey] = batch;
        }

        // A file may list the same post twice; a transaction may hold an entity only once, and the later row wins.
        var size = PostEntityMapper.EstimateSize(entity);
        if (batch.Entities.TryGetValue(entity.RowKey, out var previous))
        {
            batch.Bytes -= PostEntityMapper.EstimateSize(previous);
        }

        var before = batch.Bytes;
        batch.Entities[entity.RowKey] = entity;
        batch.Bytes += size;
        batch.LastUsed = ++_clock;
        _openBytes += batch.Bytes - before;
        if (batch.Entities.Count >= MaxBatchEntities || batch.Bytes >= MaxBatchBytes)
        {
            await SubmitOpenAsync(entity.PartitionKey, batch, cancellationToken);
        }

        while (_openBytes > MaxOpenBytes)
        {
            var (partition, stalest) = _open.MinBy(kv => kv.Value.LastUsed);
            await SubmitOpenAsync(partition, stalest, cancellationToken);
        }
    }

    private Task SubmitOpenAsync(string partition, PendingBatch batch, CancellationToken cancellationToken)
    {
        _open.Remove(partition);
        _openBytes -= batch.Bytes;
        return SubmitAsync(partition, batch, cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var (partition, batch) in _open)
        {
            await SubmitAsync(partition, batch, cancellationToken);
        }

        _open.Clear();
        _openBytes = 0;
        await Task.WhenAll(_submitted.Select(s => s.Task));
        _submitted.Clear();
    }

    private async Task SubmitAsync(string partition, PendingBatch batch, CancellationToken cancellationToken)
    {
        // Waiting here is the back-pressure that keeps memory bounded when storage is slower than parsing.
        await _inFlight.WaitAsync(cancellationToken);
        ThrowIfAnyFailed();
        var earlier = _submitted
            .Where(s => s.Partition == partition && !s.Task.IsCompleted && batch.Entities.Keys.Any(s.Batch.Entities.ContainsKey))
            .Select(s => s.Task)
            .ToList();
        var actions = batch.Entities.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        _submitted.Add(new Submitted(partition, batch, SubmitCoreAsync(actions, earlier, cancellationToken)));
    }

    private async Task SubmitCoreAsync(List<TableTransactionAction> actions, List<Task> earlier, CancellationToken cancellationToken)
    {
        try
        {
            // Each earlier batch holds a slot of its own and is already on its way, so this wait cannot starve it.
            if (earlier.Count > 0)
            {
                await Task.WhenAll(earlier);
            }

            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public void Dispose() => _inFlight.Dispose();

    private void ThrowIfAnyFailed()
    {
        var failed = _submitted.FirstOrDefault(s => s.Task.IsFaulted);
        if (failed is not null)
        {
            failed.Task.GetAwaiter().GetResult();
        }

        _submitted.RemoveAll(s => s.Task.IsCompletedSuccessfully);
    }

    private sealed record Submitted(string Partition, PendingBatch Batch, Task Task);

    private sealed class PendingBatch
    {
        public Dictionary<string, TableEntity> Entities { get; } = new(StringComparer.Ordinal);

        public int Bytes { get; set; }

        public long LastUsed { get; set; }
    }
}
