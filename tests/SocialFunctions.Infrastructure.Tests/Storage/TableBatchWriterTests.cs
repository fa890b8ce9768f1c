using Azure;
using Azure.Data.Tables;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>
/// The conditional writes behind "the newer export wins, whatever the order the writes land in": versioned rows over
/// Azurite, and the plan that decides per row. (Batching and back-pressure: <see cref="TableRecordStoreTests"/>.)
/// </summary>
public sealed class TableBatchWriterTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ETag Stored = new("W/\"stored\"");

    private static TableEntity Row(string row, string? version, long impressions)
    {
        var entity = new TableEntity("p", row) { ["Impressions"] = impressions };
        if (version is not null)
        {
            entity[RecordVersion.Property] = version;
        }

        return entity;
    }

    [Theory]
    [InlineData(null, null, "UpsertReplace")] // an unversioned row is simply upserted
    [InlineData("v2", null, "Add")] // nothing stored: insert
    [InlineData("v2", "", "UpdateReplace")] // stored without a version (before versions existed): replace it
    [InlineData("v2", "v1", "UpdateReplace")] // stored from an older export: replace it, if it is still that row
    [InlineData("v2", "v2", null)] // stored is this very write (a retry whose answer was lost): skip
    [InlineData("v2", "v3", null)] // stored from a newer export: skip
    public void Plan_EachRowAgainstWhatIsStored(string? version, string? stored, string? action)
    {
        var versions = new Dictionary<string, TableBatchWriter.StoredVersion>(StringComparer.Ordinal);
        if (stored is not null)
        {
            versions["r"] = new TableBatchWriter.StoredVersion(stored.Length == 0 ? null : stored, Stored);
        }

        var plan = TableBatchWriter.Plan([Row("r", version, 1)], versions);

        if (action is null)
        {
            Assert.Empty(plan);
            return;
        }

        var only = Assert.Single(plan);
        Assert.Equal(Enum.Parse<TableTransactionActionType>(action), only.ActionType);
        Assert.Equal(only.ActionType == TableTransactionActionType.UpdateReplace ? Stored : default, only.ETag);
    }

    [Fact]
    public void Plan_VersionsCompareOrdinally_NotByCulture()
    {
        // Versions are fixed-width digits then an upload hash: ordinal order is their order ('a' sorts after 'B').
        var versions = new Dictionary<string, TableBatchWriter.StoredVersion>(StringComparer.Ordinal) { ["r"] = new("0001|B", Stored) };

        Assert.Single(TableBatchWriter.Plan([Row("r", "0001|a", 1)], versions));
        Assert.Empty(TableBatchWriter.Plan([Row("r", "0001|A", 1)], versions));
    }

    private async Task<TableClient> TableAsync(TableClientOptions? options = null)
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("bw")[..20], options ?? new TableClientOptions());
        await table.CreateIfNotExistsAsync(Ct);
        return table;
    }

    private static async Task WriteAsync(TableClient table, params TableEntity[] rows)
    {
        using var writer = new TableBatchWriter(table, maxParallelBatches: 4);
        foreach (var row in rows)
        {
            await writer.AddAsync(row, Ct);
        }

        await writer.CompleteAsync(Ct);
    }

    private static async Task<long?> ImpressionsAsync(TableClient table, string row)
    {
        var stored = await table.GetEntityIfExistsAsync<TableEntity>("p", row, cancellationToken: Ct);
        return stored.HasValue ? stored.Value!.GetInt64("Impressions") : null;
    }

    [Fact]
    public async Task Write_OneBatchOverRowsStoredOlderNewerAndNot_NewerExportWinsPerRow()
    {
        var table = await TableAsync();
        await WriteAsync(table, Row("older", "2025-01", 1), Row("newer", "2025-09", 2), Row("same", "2025-05", 3), Row("plain", null, 4));

        // One batch of an export taken in May: the insert round fails on the existing rows, the second round settles each.
        await WriteAsync(table, Row("older", "2025-05", 10), Row("newer", "2025-05", 20), Row("same", "2025-05", 30), Row("plain", "2025-05", 40), Row("new", "2025-05", 50));

        Assert.Equal(
            [10L, 2L, 3L, 40L, 50L],
            [await ImpressionsAsync(table, "older"), await ImpressionsAsync(table, "newer"), await ImpressionsAsync(table, "same"), await ImpressionsAsync(table, "plain"), await ImpressionsAsync(table, "new")]);
    }

    [Fact]
    public async Task Write_TheSameVersionedBatchTwice_SecondIsRecognisedAsDoneAndChangesNothing()
    {
        // What the SDK's retry of a write whose answer was lost looks like: the same rows, their insert refused (409).
        var table = await TableAsync();
        var rows = Enumerable.Range(0, 40).Select(i => Row("r" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), "2025-05", i)).ToArray();
        await WriteAsync(table, rows);
        var etag = (await table.GetEntityAsync<TableEntity>("p", "r07", cancellationToken: Ct)).Value.ETag;

        await WriteAsync(table, rows);

        Assert.Equal(etag, (await table.GetEntityAsync<TableEntity>("p", "r07", cancellationToken: Ct)).Value.ETag);
    }

    [Fact]
    public async Task Write_RowChangedUnderEveryRound_GivesUpAfterFiveRoundsWithContention()
    {
        // Before every batch another writer stores an older export of the row again: each replace-if-match finds a new ETag.
        var rival = new RivalBeforeEachBatch(azurite.ConnectionString);
        var options = new TableClientOptions();
        options.AddPolicy(rival, Azure.Core.HttpPipelinePosition.PerCall);
        var table = await TableAsync(options);
        rival.Table = table.Name;
        await table.AddEntityAsync(Row("r", "2025-01", 1), Ct);

        var error = await Assert.ThrowsAsync<StorageContentionException>(() => WriteAsync(table, Row("r", "2025-05", 2)));

        Assert.Contains("'p'", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, rival.Batches);
        Assert.Equal(1, await ImpressionsAsync(table, "r"));
    }

    private sealed class RivalBeforeEachBatch(string connectionString) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private int _batches;

        public string Table { get; set; } = string.Empty;

        public int Batches => _batches;

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _batches);
                var other = new TableClient(connectionString, Table);
                await other.UpsertEntityAsync(Row("r", "2025-01", 1), TableUpdateMode.Replace, message.CancellationToken);
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
