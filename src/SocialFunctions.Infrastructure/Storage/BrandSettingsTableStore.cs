using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// The <c>brands</c> table: one entity per brand in a single partition (so the monthly fan-out lists every brand with
/// one partition query), the settings as a camelCase JSON property so new settings need no schema change.
/// A save replaces the whole settings (PUT semantics); the last writer wins.
/// </summary>
public sealed class BrandSettingsTableStore(StorageClients clients) : IBrandSettingsStore
{
    public const string TableName = "brands";
    internal const string Partition = "brand";
    internal const string SettingsProperty = "Settings";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<BrandSettings?> GetAsync(BrandName brand, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var result = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(brand), cancellationToken: cancellationToken);
        return result.HasValue && result.Value is { } entity ? ToSettings(entity) : null;
    }

    public async Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var entity = new TableEntity(Partition, TableKeys.Escape(settings.Brand))
        {
            [SettingsProperty] = JsonSerializer.Serialize(settings, Json),
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<BrandSettings> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: [SettingsProperty], cancellationToken: cancellationToken))
        {
            yield return ToSettings(entity);
        }
    }

    private static BrandSettings ToSettings(TableEntity entity) =>
        JsonSerializer.Deserialize<BrandSettings>(entity.GetString(SettingsProperty) ?? "null", Json)
        ?? throw new InvalidDataException($"Brand entity '{entity.RowKey}' has no settings.");
}
