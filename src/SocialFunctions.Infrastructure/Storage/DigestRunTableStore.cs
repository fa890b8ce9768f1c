using Azure;
using Azure.Data.Tables;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Weekly digest runs in table <c>digestruns</c>: PartitionKey = brand, RowKey = ISO week (<c>2026-W44</c>). Inserts are
/// add-if-absent (409 = someone else claimed first) and updates replace-if-ETag-matches (412 = someone else changed it):
/// the same at-most-one-invocation guarantee as <see cref="ReportRunTableStore"/>.
/// </summary>
public sealed class DigestRunTableStore(StorageClients clients) : IDigestRunStore
{
    public const string TableName = "digestruns";

    public async Task<DigestRun?> GetAsync(BrandName brand, DigestWeek week, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(brand.Value, week.Key, cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<DigestRun?> TryCreateAsync(DigestRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var (written, etag) = await ClaimWrites.TryAddAsync(table, ToEntity(run), cancellationToken);
        return written ? run with { ETag = etag } : null;
    }

    public async Task<DigestRun?> TryUpdateAsync(DigestRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var (written, etag) = await ClaimWrites.TryReplaceAsync(table, ToEntity(run), run.ETag, cancellationToken);
        return written ? run with { ETag = etag } : null;
    }

    internal static TableEntity ToEntity(DigestRun run) => new(run.Brand.Value, run.Week.Key)
    {
        ["Status"] = run.Status.ToString(),
        ["RunId"] = run.RunId,
        ["Attempts"] = run.Attempts,
        ["ClaimedAt"] = run.ClaimedAt,
        ["MailDone"] = run.MailDone,
        ["CardDone"] = run.CardDone,
        ["SentAt"] = run.SentAt,
        ["FailureReason"] = run.FailureReason is { Length: > 4000 } reason ? reason[..4000] + "…" : run.FailureReason,
        ["Delivery"] = run.Delivery is { Length: > 4000 } delivery ? delivery[..4000] + "…" : run.Delivery,
    };

    internal static DigestRun FromEntity(TableEntity entity) => new()
    {
        Brand = BrandName.Parse(entity.PartitionKey),
        Week = DigestWeek.TryParse(entity.RowKey, out var week) ? week : throw new FormatException($"'{entity.RowKey}' is not an ISO week."),
        Status = Enum.Parse<DigestRunStatus>(entity.GetString("Status")),
        RunId = entity.GetString("RunId"),
        Attempts = entity.GetInt32("Attempts") ?? 1,
        ClaimedAt = entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        MailDone = entity.GetBoolean("MailDone") ?? false,
        CardDone = entity.GetBoolean("CardDone") ?? false,
        SentAt = entity.GetDateTimeOffset("SentAt"),
        FailureReason = entity.GetString("FailureReason"),
        Delivery = entity.GetString("Delivery"),
        ETag = entity.ETag.ToString(),
    };
}
