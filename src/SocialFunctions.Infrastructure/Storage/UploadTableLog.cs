using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>The uploads table: partition = brand, row = content hash; one entity per distinct file.</summary>
public sealed class UploadTableLog(StorageClients clients) : IUploadLog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UploadRecord?> GetAsync(BrandName brand, string uploadId, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.UploadsTable, cancellationToken);
        var result = await table.GetEntityIfExistsAsync<TableEntity>(brand.Value, uploadId, cancellationToken: cancellationToken);
        return result.HasValue && result.Value is { } entity ? ToRecord(entity) : null;
    }

    public async Task SaveAsync(UploadRecord record, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.UploadsTable, cancellationToken);
        var entity = new TableEntity(record.Brand, record.UploadId)
        {
            ["FileName"] = record.FileName,
            ["ReceivedAt"] = record.ReceivedAt.ToUniversalTime(),
            ["SizeBytes"] = record.SizeBytes,
            ["Status"] = record.Status,
            ["RowsAccepted"] = record.RowsAccepted,
            ["RowsRejected"] = record.RowsRejected,
            ["EntitiesStored"] = record.EntitiesStored,
            ["Errors"] = SerializeErrors(record.Errors),
            ["Warnings"] = JsonSerializer.Serialize(record.Warnings, Json),
            ["Attempts"] = record.Attempts,
        };
        if (record.LastAttemptAt is { } lastAttempt)
        {
            entity["LastAttemptAt"] = lastAttempt.ToUniversalTime();
        }

        if (record.Format is not null)
        {
            entity["Format"] = record.Format;
        }

        if (record.Channel is not null)
        {
            entity["Channel"] = record.Channel;
        }

        if (record.Kind is { } kind)
        {
            entity["Kind"] = kind.ToString();
        }

        if (record.From is { } from)
        {
            entity["From"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (record.To is { } to)
        {
            entity["To"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<UploadRecord> ListAsync(BrandName brand, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.UploadsTable, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {brand.Value}"), cancellationToken: cancellationToken))
        {
            yield return ToRecord(entity);
        }
    }

    /// <summary>A string property holds at most 32 K characters: keep as many listed errors as fit.</summary>
    private static string SerializeErrors(IReadOnlyList<UploadError> errors)
    {
        const int MaxLength = 30_000;
        var count = errors.Count;
        var json = JsonSerializer.Serialize(errors, Json);
        while (json.Length > MaxLength && count > 0)
        {
            count /= 2;
            json = JsonSerializer.Serialize(errors.Take(count), Json);
        }

        return json;
    }

    private static UploadRecord ToRecord(TableEntity e) => new()
    {
        Brand = e.PartitionKey,
        UploadId = e.RowKey,
        FileName = e.GetString("FileName") ?? string.Empty,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
        SizeBytes = e.GetInt64("SizeBytes") ?? 0,
        Format = e.GetString("Format"),
        Channel = e.GetString("Channel"),
        Kind = Enum.TryParse<ExportKind>(e.GetString("Kind"), out var kind) ? kind : null,
        Status = e.GetString("Status") ?? UploadStatus.Rejected,
        RowsAccepted = e.GetInt32("RowsAccepted") ?? 0,
        RowsRejected = e.GetInt32("RowsRejected") ?? 0,
        EntitiesStored = e.GetInt32("EntitiesStored") ?? 0,
        Warnings = JsonSerializer.Deserialize<List<string>>(e.GetString("Warnings") ?? "[]", Json) ?? [],
        Errors = JsonSerializer.Deserialize<List<UploadError>>(e.GetString("Errors") ?? "[]", Json) ?? [],
        From = DateOnly.TryParseExact(e.GetString("From"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
        To = DateOnly.TryParseExact(e.GetString("To"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null,
        Attempts = e.GetInt32("Attempts") ?? 1,
        LastAttemptAt = e.GetDateTimeOffset("LastAttemptAt"),
    };
}
