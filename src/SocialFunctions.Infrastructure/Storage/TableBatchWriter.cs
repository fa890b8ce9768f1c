using Azure.Data.Tables;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Groups upserts by partition into entity-group transactions (≤ 100 entities, well under 4 MiB, each entity once)
/// and submits them with bounded parallelism while the caller keeps producing rows. Only the open batch of each
/// partition is held in memory.
/// </summary>
internal sealed class TableBatchWriter : IDisposable
{
    private const int MaxBatchEntities = 100;

    // The service limit is 4 MiB; stay clear of it since our size estimate is rough.
    private const int MaxBatchBytes = 3 * 1024 * 1024;

    private readonly TableClient _table;
    private readonly SemaphoreSlim _inFlight;
    private readonly Dictionary<string, PendingBatch> _open = new(StringComparer.Ordinal);
    private readonly List<Task> _submitted = [];

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

        batch.Entities[entity.RowKey] = entity;
        batch.Bytes += size;
        if (batch.Entities.Count >= MaxBatchEntities || batch.Bytes >= MaxBatchBytes)
        {
            _open.Remove(entity.PartitionKey);
            await SubmitAsync(batch, cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in _open.Values)
        {
            await SubmitAsync(batch, cancellationToken);
        }

        _open.Clear();
        await Task.WhenAll(_submitted);
        _submitted.Clear();
    }

    private async Task SubmitAsync(PendingBatch batch, CancellationToken cancellationToken)
    {
        // Waiting here is the back-pressure that keeps memory bounded when storage is slower than parsing.
        await _inFlight.WaitAsync(cancellationToken);
        ThrowIfAnyFailed();
        var actions = batch.Entities.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        _submitted.Add(SubmitCoreAsync(actions, cancellationToken));
    }

    private async Task SubmitCoreAsync(List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
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
        var failed = _submitted.FirstOrDefault(t => t.IsFaulted);
        if (failed is not null)
        {
            failed.GetAwaiter().GetResult();
        }

        _submitted.RemoveAll(t => t.IsCompletedSuccessfully);
    }

    private sealed class PendingBatch
    {
        public Dictionary<string, TableEntity> Entities { get; } = new(StringComparer.Ordinal);

        public int Bytes { get; set; }
    }
}
