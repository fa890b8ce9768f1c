using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Moves posts and daily values stored under an earlier key layout to the current one (<see cref="PostEntityMapper"/>):
/// the first layout (posts <c>{brand}|{channel}|{yyyy-MM}</c>, daily <c>{brand}|{channel}|{metric}</c>) and the second
/// (posts <c>{brand}|{yyyy-MM}|{bucket}</c> with 16 buckets a month; its row keys stay as they are).
/// <para>
/// Idempotent and safe next to a running app: each row is copied to its new key, then its old row is deleted only if
/// it is still the version that was copied (ETag). Where the new key already holds a row: a copy from an earlier
/// (interrupted) run is refreshed if the old row changed since; a row the app wrote there is kept unless the old row was
/// written later (the later write wins, as two uploads do in place). A re-run finds nothing left to move.
/// </para>
/// </summary>
public sealed class TableKeyMigration(StorageClients clients)
{
    private const int MaxAttempts = 5;

    /// <summary>Set on rows this migration wrote; an upload's upsert replaces the row and so drops it.</summary>
    private const string MigratedFrom = "MigratedFrom";

    /// <summary>Moves every row of the old layout; <paramref name="dryRun"/> only counts them.</summary>
    public async Task<KeyMigrationSummary> RunAsync(bool dryRun, IProgress<KeyMigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var posts = await MigrateTableAsync(StorageDefaults.PostsTable, PostTarget, dryRun, progress, cancellationToken);
        var daily = await MigrateTableAsync(StorageDefaults.DailyTable, DailyTarget, dryRun, progress, cancellationToken);
        return new KeyMigrationSummary(posts, daily, dryRun);
    }

    /// <summary>Rows read per page of the scan (and moved before the next page is read); smaller in tests.</summary>
    internal int PageSize { get; init; } = 1000;

    /// <summary>
    /// True for a key of an earlier layout: three components whose second is a channel (first layout; the current one
    /// has a year there in daily keys) or a bare month <c>yyyy-MM</c> (second layout; the current one tags it <c>m</c>).
    /// </summary>
    internal static bool IsLegacyPartition(string partitionKey)
    {
        var parts = partitionKey.Split(TableKeys.Separator);
        return parts.Length == 3 && (Channels.IsKnown(parts[1]) || IsBareMonth(parts[1]));
    }

    private static bool IsBareMonth(string value) =>
        value.Length == 7 && DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private async Task<KeyMigrationProgress> MigrateTableAsync(
        string name, Func<TableEntity, (string Partition, string Row)?> target, bool dryRun, IProgress<KeyMigrationProgress>? progress, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(name, cancellationToken);
        var tally = new KeyMigrationProgress(name);
        string? token = null;
        do
        {
            // A whole-table scan: old keys cannot be told apart by range. Rows this run writes have new keys and are skipped.
            var page = await ReadPageAsync(table, token, PageSize, cancellationToken);
            token = page.ContinuationToken;
            var legacy = new List<(TableEntity Old, TableEntity New)>();
            foreach (var entity in page.Values)
            {
                tally = tally with { Scanned = tally.Scanned + 1 };
                if (!IsLegacyPartition(entity.PartitionKey))
                {
                    continue;
                }

                if (target(entity) is not { } key)
                {
                    tally = tally with { Unreadable = tally.Unreadable + 1 };
                    continue;
                }

                legacy.Add((entity, CopyTo(entity, key.Partition, key.Row)));
            }

            tally = dryRun ? tally with { Moved = tally.Moved + legacy.Count } : await MoveAsync(table, legacy, tally, cancellationToken);
            progress?.Report(tally);
        }
        while (token is not null);

        return tally;
    }

    private static async Task<Page<TableEntity>> ReadPageAsync(TableClient table, string? token, int pageSize, CancellationToken cancellationToken)
    {
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(token))
        {
            return page;
        }

        throw new InvalidOperationException("The table query returned no page.");
    }

    /// <summary>The fast path: insert-only and ETag-guarded delete transactions; any group that fails goes row by row.</summary>
    private static async Task<KeyMigrationProgress> MoveAsync(
        TableClient table, List<(TableEntity Old, TableEntity New)> rows, KeyMigrationProgress tally, CancellationToken cancellationToken)
    {
        var slow = new List<(TableEntity Old, TableEntity New)>();
        var copied = new List<(TableEntity Old, TableEntity New)>();
        foreach (var group in rows.GroupBy(r => r.New.PartitionKey).SelectMany(g => g.Chunk(100)))
        {
            if (await TrySubmitAsync(table, group.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r.New)), cancellationToken))
            {
                copied.AddRange(group);
            }
            else
            {
                slow.AddRange(group);
            }
        }

        foreach (var group in copied.GroupBy(r => r.Old.PartitionKey).SelectMany(g => g.Chunk(100)))
        {
            if (await TrySubmitAsync(table, group.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r.Old, r.Old.ETag)), cancellationToken))
            {
                tally = tally with { Moved = tally.Moved + group.Length };
            }
            else
            {
                // Some old row changed or vanished since it was read: settle each one on its own.
                slow.AddRange(group);
            }
        }

        foreach (var row in slow)
        {
            tally = await MoveOneAsync(table, row.Old, row.New, tally, cancellationToken);
        }

        return tally;
    }

    private static async Task<bool> TrySubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    private static async Task<KeyMigrationProgress> MoveOneAsync(
        TableClient table, TableEntity old, TableEntity copy, KeyMigrationProgress tally, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(copy.PartitionKey, copy.RowKey, cancellationToken: cancellationToken);
            var superseded = false;
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(copy, cancellationToken);
                }
                else if (existing.Value!.GetString(MigratedFrom) is { } source)
                {
                    // A copy made by a run (possibly interrupted): current if it came from this very version of the old row.
                    if (source != old.ETag.ToString())
                    {
                        await table.UpdateEntityAsync(copy, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    }
                }
                else if (existing.Value.Timestamp < old.Timestamp)
                {
                    // Written by the app, but the old row was written later still (an old instance during a deploy).
                    await table.UpdateEntityAsync(copy, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    // Uploaded after the old row was written: the later upload wins, as it would have in place.
                    superseded = true;
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                continue; // the new key changed meanwhile: look again
            }

            try
            {
                await table.DeleteEntityAsync(old.PartitionKey, old.RowKey, old.ETag, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // The old row changed since it was read: move its current version.
                var current = await table.GetEntityIfExistsAsync<TableEntity>(old.PartitionKey, old.RowKey, cancellationToken: cancellationToken);
                if (current.HasValue)
                {
                    old = current.Value!;
                    copy = CopyTo(old, copy.PartitionKey, copy.RowKey);
                    continue;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Another run removed it after copying: nothing left to do.
            }

            return superseded ? tally with { Superseded = tally.Superseded + 1 } : tally with { Moved = tally.Moved + 1 };
        }

        return tally with { Failed = tally.Failed + 1 };
    }

    private static (string, string)? PostTarget(TableEntity entity)
    {
        if (entity.GetString("Brand") is null || entity.GetString("Channel") is null || entity.GetString("PostId") is null || entity.GetDateTimeOffset("PublishedAt") is null)
        {
            return null;
        }

        var post = PostEntityMapper.ToPost(entity);
        return (PostEntityMapper.PostPartition(post), PostEntityMapper.PostRow(post));
    }

    private static (string, string)? DailyTarget(TableEntity entity)
    {
        var value = PostEntityMapper.ToDaily(entity);
        if (value.Brand is null || value.Channel is null || value.Metric is null || value.Date == DateOnly.MinValue)
        {
            return null;
        }

        return (PostEntityMapper.DailyPartition(value.Brand, value.Channel, value.Metric, value.Date), PostEntityMapper.DailyRow(value.Date));
    }

    /// <summary>The new row, marked with the ETag of the old row it was copied from (so a re-run can tell it is current).</summary>
    private static TableEntity CopyTo(TableEntity source, string partition, string row)
    {
        var copy = new TableEntity(partition, row) { [MigratedFrom] = source.ETag.ToString() };
        foreach (var (key, value) in source)
        {
            if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" or MigratedFrom))
            {
                copy[key] = value;
            }
        }

        return copy;
    }
}

/// <summary>Counts for one table: rows read, rows moved to new keys, old rows dropped because the new key held a later row.</summary>
public sealed record KeyMigrationProgress(string Table, long Scanned = 0, long Moved = 0, long Superseded = 0, long Unreadable = 0, long Failed = 0);

public sealed record KeyMigrationSummary(KeyMigrationProgress Posts, KeyMigrationProgress Daily, bool DryRun)
{
    /// <summary>True when nothing of the old layout is left behind (rows that could not be read or settled remain).</summary>
    public bool Complete => !DryRun && Posts.Unreadable + Posts.Failed + Daily.Unreadable + Daily.Failed == 0;
}
