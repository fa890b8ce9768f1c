using Azure;
using Azure.Data.Tables;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Groups writes by partition into entity-group transactions (≤ 100 entities, well under 4 MiB, each entity once)
/// and submits them with bounded parallelism while the caller keeps producing rows. Only the open batch of each
/// partition is held in memory. A row key that is still in flight in an earlier batch of the same partition makes the
/// later batch wait for it, so when a file lists a post twice the later row wins even across batches.
/// <para>
/// Entities that carry a <see cref="RecordVersion"/> are written conditionally, so concurrent uploads never lose an update
/// and the newer export wins whatever the order the writes land in: a batch is first sent as inserts (one round trip for
/// new rows); if any row exists (409) or changed under us (412), the batch's stored versions are read and each row is
/// inserted, replaced if-match its stored ETag when the stored version is older, or skipped when the stored version is
/// newer or is this very write. The last case is how a write whose answer was lost (the SDK retries it and gets 409/412)
/// is recognised as our own instead of failing the upload. Entities without a version are upserted as before.
/// </para>
/// <para>
/// The newer export wins per value, not per row: a <em>fillable</em> property (a metric, the text) that one snapshot has
/// and the other lacks is kept. Real exports lack values another export of the same posts has — Meta leaves views out
/// (MetaMissingViews), and users pick different columns each time — and a replace would erase a value we knew. So a
/// newer row replacing a stored one carries over the stored fillable values it lacks, and an older row that loses to a
/// stored newer one still fills the stored row's missing values (a merge, if-match its ETag).
/// </para>
/// </summary>
internal sealed class TableBatchWriter : IDisposable
{
    private const int MaxBatchEntities = 100;

    // Conditional rounds per batch before giving up (each round loses only to a write that happened meanwhile).
    private const int MaxConflictRounds = 5;

    // The service limit is 4 MiB; stay clear of it since our size estimate is rough.
    private const int MaxBatchBytes = 3 * 1024 * 1024;

    // Open batches of all partitions together. A year-long file touches ~200 partitions and each keeps a part-filled
    // batch until the end; past this the least recently used one is sent early, so memory stays flat for any file.
    private const long MaxOpenBytes = 16 * 1024 * 1024;

    private readonly TableClient _table;
    private readonly IReadOnlyList<string> _fillable;
    private readonly SemaphoreSlim _inFlight;
    private readonly Dictionary<string, PendingBatch> _open = new(StringComparer.Ordinal);
    private readonly List<Submitted> _submitted = [];
    private long _openBytes;
    private long _clock;

    /// <param name="table">The table written.</param>
    /// <param name="maxParallelBatches">Transactions in flight at once.</param>
    /// <param name="fillable">Properties a snapshot that lacks them takes from the other snapshot of the same row (see the class remarks).</param>
    public TableBatchWriter(TableClient table, int maxParallelBatches, IReadOnlyList<string>? fillable = null)
    {
        _table = table;
        _fillable = fillable ?? [];
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
        _submitted.Add(new Submitted(partition, batch, SubmitCoreAsync(partition, [.. batch.Entities.Values], earlier, cancellationToken)));
    }

    private async Task SubmitCoreAsync(string partition, List<TableEntity> entities, List<Task> earlier, CancellationToken cancellationToken)
    {
        try
        {
            // Each earlier batch holds a slot of its own and is already on its way, so this wait cannot starve it.
            if (earlier.Count > 0)
            {
                await Task.WhenAll(earlier);
            }

            await WriteBatchAsync(partition, entities, cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task WriteBatchAsync(string partition, List<TableEntity> entities, CancellationToken cancellationToken)
    {
        // First round: insert the versioned rows (new rows cost one round trip), upsert the others.
        var actions = entities.Select(e => new TableTransactionAction(
            RecordVersion.Of(e) is null ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.Add, e)).ToList();
        for (var round = 1; ; round++)
        {
            if (actions.Count == 0)
            {
                return;
            }

            try
            {
                await _table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A row exists or changed since we read it: another upload, or our own earlier try whose answer was lost.
                if (round >= MaxConflictRounds)
                {
                    throw new StorageContentionException(
                        $"Rows of partition '{partition}' kept changing under {MaxConflictRounds} conditional writes; try the upload again.", ex);
                }
            }

            var stored = await ReadVersionsAsync(partition, entities, cancellationToken);
            actions = Plan(entities, stored, _fillable);
        }
    }

    /// <summary>
    /// Insert, replace-if-match, fill-if-match or skip each row, given what is stored (see the class remarks).
    /// </summary>
    internal static List<TableTransactionAction> Plan(IEnumerable<TableEntity> entities, IReadOnlyDictionary<string, StoredVersion> stored, IReadOnlyList<string> fillable)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var entity in entities)
        {
            var version = RecordVersion.Of(entity);
            if (version is null)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            }
            else if (!stored.TryGetValue(entity.RowKey, out var current))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
            }
            else if (current.Version is null || string.CompareOrdinal(current.Version, version) < 0)
            {
                // A copy: the caller's entity is written again, unchanged, if this round loses to a concurrent write.
                var replacement = new TableEntity(entity);
                foreach (var name in fillable)
                {
                    if (current.Values.TryGetValue(name, out var value))
                    {
                        replacement.TryAdd(name, value);
                    }
                }

                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, replacement, current.ETag));
            }
            else if (current.Version != version && Missing(entity, current, fillable) is { Count: > 0 } missing)
            {
                // An older export still knows values the newer stored row lacks: fill them in, nothing else.
                var fill = new TableEntity(entity.PartitionKey, entity.RowKey);
                foreach (var name in missing)
                {
                    fill[name] = entity[name];
                }

                actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, fill, current.ETag));
            }

            // Else the stored row is this very write (a retry whose first answer was lost), or a newer export's row
            // that lacks nothing this one has.
        }

        return actions;
    }

    private static List<string> Missing(TableEntity older, StoredVersion stored, IReadOnlyList<string> fillable) =>
        [.. fillable.Where(name => older.TryGetValue(name, out var value) && value is not null && !stored.Values.ContainsKey(name))];

    /// <summary>The stored version and ETag of the batch's rows: one range query over the partition, two columns.</summary>
    private async Task<Dictionary<string, StoredVersion>> ReadVersionsAsync(string partition, List<TableEntity> entities, CancellationToken cancellationToken)
    {
        var wanted = entities.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
        var first = wanted.Min(StringComparer.Ordinal)!;
        var last = wanted.Max(StringComparer.Ordinal)!;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {first} and RowKey le {last}");
        var stored = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["RowKey", RecordVersion.Property, .. _fillable], cancellationToken: cancellationToken))
        {
            if (wanted.Contains(row.RowKey))
            {
                var values = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var name in _fillable)
                {
                    if (row.TryGetValue(name, out var value) && value is not null)
                    {
                        values[name] = value;
                    }
                }

                stored[row.RowKey] = new StoredVersion(row.GetString(RecordVersion.Property), row.ETag, values);
            }
        }

        return stored;
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

    /// <summary>A stored row's version and ETag, and the fillable values it holds.</summary>
    internal sealed record StoredVersion(string? Version, ETag ETag, IReadOnlyDictionary<string, object> Values);

    private sealed record Submitted(string Partition, PendingBatch Batch, Task Task);

    private sealed class PendingBatch
    {
        public Dictionary<string, TableEntity> Entities { get; } = new(StringComparer.Ordinal);

        public int Bytes { get; set; }

        public long LastUsed { get; set; }
    }
}
