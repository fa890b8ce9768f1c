using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// The <c>brands</c> table: one entity per brand in a single partition (so the monthly fan-out lists every brand with
/// one partition query), the settings as a camelCase JSON property so new settings need no schema change.
/// A save replaces the whole settings (PUT semantics); the last writer wins.
/// </summary>
public sealed partial class BrandSettingsTableStore(StorageClients clients, ILogger<BrandSettingsTableStore>? logger = null) : IBrandSettingsStore
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

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
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["RowKey", SettingsProperty], cancellationToken: cancellationToken))
        {
            BrandSettings settings;
            try
            {
                settings = ToSettings(entity);
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                // One brand's row that no longer parses (edited by hand, written by an older version) must not stop the
                // monthly fan-out of every other brand: skip it, say which and why.
                SkippedUnreadable(_logger, LogText.Safe(entity.RowKey), ex.GetType().Name, LogText.Safe(ex.Message));
                continue;
            }

            yield return settings;
        }
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is JsonException or InvalidDataException or FormatException or ArgumentException or NotSupportedException
            or TimeZoneNotFoundException or InvalidTimeZoneException or KeyNotFoundException;

    [LoggerMessage(2201, LogLevel.Error, "Brand settings row '{RowKey}' cannot be read ({Exception}: {Message}); skipped in the listing. PUT the brand's settings again to repair it")]
    private static partial void SkippedUnreadable(ILogger logger, string rowKey, string exception, string message);

    private static BrandSettings ToSettings(TableEntity entity) =>
        JsonSerializer.Deserialize<BrandSettings>(entity.GetString(SettingsProperty) ?? "null", Json)
        ?? throw new InvalidDataException($"Brand entity '{entity.RowKey}' has no settings.");
}
