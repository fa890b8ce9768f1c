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

    private static readonly string[] Fillable = ["Impressions", "Reach"];

    // The stored row of the tests that are not about filling holds every value the written one has.
    private static readonly Dictionary<string, object> StoredImpressions = new(StringComparer.Ordinal) { ["Impressions"] = 1L };

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
            versions["r"] = new TableBatchWriter.StoredVersion(stored.Length == 0 ? null : stored, Stored, StoredImpressions);
        }

        var plan = TableBatchWriter.Plan([Row("r", version, 1)], versions, Fillable);

        if (action is null)
        {
            Assert.Empty(plan);
            return;
        }

        var only = Assert.Single(plan);
        Assert.Equal(Enum.Parse<TableTransactionActionType>(action), only.ActionType);
        Assert.Equal(only.ActionType == TableTransactionActionType.UpdateReplace ? Stored : default, only.ETag);
    }

    private static TableEntity Snapshot(string version, long? impressions, long? reach)
    {
        var entity = new TableEntity("p", "r") { [RecordVersion.Property] = version };
        if (impressions is { } i)
        {
            entity["Impressions"] = i;
        }

        if (reach is { } r)
        {
            entity["Reach"] = r;
        }

        return entity;
    }

    private static Dictionary<string, TableBatchWriter.StoredVersion> StoredRow(string version, long? impressions, long? reach)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        if (impressions is { } i)
        {
            values["Impressions"] = i;
        }

        if (reach is { } r)
        {
            values["Reach"] = r;
        }

        return new(StringComparer.Ordinal) { ["r"] = new TableBatchWriter.StoredVersion(version, Stored, values) };
    }

    private static TableEntity Written(TableTransactionAction action) => Assert.IsType<TableEntity>(action.Entity);

    [Fact]
    public void Plan_NewerRowLackingAValue_ReplacesButKeepsTheStoredValue()
    {
        var only = Assert.Single(TableBatchWriter.Plan([Snapshot("v2", impressions: null, reach: 20)], StoredRow("v1", impressions: 38, reach: 22), Fillable));

        Assert.Equal((TableTransactionActionType.UpdateReplace, Stored), (only.ActionType, only.ETag));
        Assert.Equal((38L, 20L), (Written(only).GetInt64("Impressions"), Written(only).GetInt64("Reach")));
    }

    [Fact]
    public void Plan_NewerRowWithAValue_ItsValueWins()
    {
        var only = Assert.Single(TableBatchWriter.Plan([Snapshot("v2", impressions: 40, reach: 20)], StoredRow("v1", impressions: 38, reach: 22), Fillable));

        Assert.Equal((40L, 20L), (Written(only).GetInt64("Impressions"), Written(only).GetInt64("Reach")));
    }

    [Fact]
    public void Plan_NewerRowLackingAValueNotFillable_StaysWithout()
    {
        var stored = new Dictionary<string, TableBatchWriter.StoredVersion>(StringComparer.Ordinal)
        {
            ["r"] = new("v1", Stored, new Dictionary<string, object>(StringComparer.Ordinal) { ["Series"] = "Tips" }),
        };

        var only = Assert.Single(TableBatchWriter.Plan([Snapshot("v2", impressions: 40, reach: 20)], stored, Fillable));

        Assert.False(Written(only).ContainsKey("Series"));
    }

    [Fact]
    public void Plan_OlderRowWithAValueTheStoredNewerLacks_FillsOnlyThatValue()
    {
        var only = Assert.Single(TableBatchWriter.Plan([Snapshot("v1", impressions: 38, reach: 22)], StoredRow("v2", impressions: null, reach: 20), Fillable));

        Assert.Equal((TableTransactionActionType.UpdateMerge, Stored), (only.ActionType, only.ETag));
        Assert.Equal(38L, Written(only).GetInt64("Impressions"));
        Assert.False(Written(only).ContainsKey("Reach"));
        Assert.False(Written(only).ContainsKey(RecordVersion.Property));
    }

    [Theory]
    [InlineData("v1", 38L)] // an older row: the stored newer one lacks nothing it has
    [InlineData("v2", null)] // this very write again (a retry), even where the stored row lacks a value
    public void Plan_NothingToFill_Skips(string version, long? storedImpressions)
    {
        Assert.Empty(TableBatchWriter.Plan([Snapshot(version, impressions: storedImpressions is null ? null : 38, reach: 22)], StoredRow("v2", storedImpressions, reach: 20), Fillable));
    }

    [Fact]
    public void Plan_VersionsCompareOrdinally_NotByCulture()
    {
        // Versions are fixed-width digits then an upload hash: ordinal order is their order ('a' sorts after 'B').
        var versions = new Dictionary<string, TableBatchWriter.StoredVersion>(StringComparer.Ordinal) { ["r"] = new("0001|B", Stored, StoredImpressions) };

        Assert.Single(TableBatchWriter.Plan([Row("r", "0001|a", 1)], versions, Fillable));
        Assert.Empty(TableBatchWriter.Plan([Row("r", "0001|A", 1)], versions, Fillable));
    }

    private async Task<TableClient> TableAsync(TableClientOptions? options = null)
    {
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("bw")[..20], options ?? new TableClientOptions());
        await table.CreateIfNotExistsAsync(Ct);
        return table;
    }

    private static async Task WriteAsync(TableClient table, params TableEntity[] rows)
    {
        using var writer = new TableBatchWriter(table, maxParallelBatches: 4, Fillable);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_TwoExportsEachLackingAValue_EveryKnownValueIsKeptAndTheNewerWinsTheRest(bool newerFirst)
    {
        // Meta's second download of the same posts left views out (reach kept): neither order may lose the views.
        var table = await TableAsync();
        var older = Snapshot("2025-04-14|a", impressions: 38, reach: 22);
        var newer = Snapshot("2025-04-15|b", impressions: null, reach: 23);

        await WriteAsync(table, newerFirst ? newer : older);
        await WriteAsync(table, newerFirst ? older : newer);

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct)).Value;
        Assert.Equal((38L, 23L, "2025-04-15|b"), (stored.GetInt64("Impressions"), stored.GetInt64("Reach"), RecordVersion.Of(stored)));
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
