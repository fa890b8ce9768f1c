using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Series alert episodes in table <c>seriesstate</c>: PartitionKey = brand, RowKey = escaped channel | escaped series
/// (series names are user text). Adds are add-if-absent (409 = another check created it first) and updates are
/// replace-if-ETag-matches (412 = another check changed it): the claim that keeps concurrent checks from posting twice.
/// </summary>
public sealed class SeriesStateTableStore(StorageClients clients) : ISeriesStateStore
{
    public const string TableName = "seriesstate";

    public async Task<VersionedSeriesState?> GetAsync(BrandName brand, string channel, string series, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(brand.Value, RowKey(channel, series), cancellationToken: cancellationToken);
        return response.HasValue ? new VersionedSeriesState(FromEntity(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<string?> TrySaveAsync(SeriesEpisodeState state, string? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var entity = ToEntity(state);
        try
        {
            var response = expectedVersion is null
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(expectedVersion), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table Storage returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<SeriesEpisodeState> ListAsync(BrandName brand, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var partition = brand.Value;
        // Stryker disable once all : any mutant in this LINQ expression, even inactive, makes Azure Tables refuse the query
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    internal static string RowKey(string channel, string series) => TableKeys.Join(TableKeys.Escape(channel), TableKeys.Escape(series));

    internal static TableEntity ToEntity(SeriesEpisodeState state) => new(state.Brand, RowKey(state.Channel, state.Series))
    {
        ["Channel"] = state.Channel,
        ["Series"] = state.Series,
        ["Status"] = state.Status,
        ["EpisodeStart"] = state.EpisodeStart,
        ["LastNotifiedAt"] = state.LastNotifiedAt,
        ["LastNotification"] = state.LastNotification,
        ["DeliveryPending"] = state.DeliveryPending,
        ["RetriedAt"] = state.RetriedAt,
        ["UpdatedAt"] = state.UpdatedAt,
    };

    internal static SeriesEpisodeState FromEntity(TableEntity entity) => new()
    {
        Brand = entity.PartitionKey,
        Channel = entity.GetString("Channel") ?? string.Empty,
        Series = entity.GetString("Series") ?? string.Empty,
        Status = entity.GetString("Status") ?? EpisodeStatus.Healthy,
        EpisodeStart = entity.GetDateTimeOffset("EpisodeStart"),
        LastNotifiedAt = entity.GetDateTimeOffset("LastNotifiedAt"),
        LastNotification = entity.GetString("LastNotification"),
        DeliveryPending = entity.GetBoolean("DeliveryPending") ?? false,
        RetriedAt = entity.GetDateTimeOffset("RetriedAt"),
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
    };
}
