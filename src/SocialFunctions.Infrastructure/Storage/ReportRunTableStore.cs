using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Report runs in table <c>reportruns</c>: PartitionKey = brand, RowKey = <c>yyyy-MM</c> (brand names are
/// <c>[a-z0-9-]</c> and months are digits, so neither needs escaping). Inserts are add-if-absent (409 = someone else
/// claimed first) and updates are replace-if-ETag-matches (412 = someone else changed it), which is the whole
/// at-most-one-invocation-per-period guarantee.
/// </summary>
public sealed class ReportRunTableStore(StorageClients clients) : IReportRunStore
{
    public const string TableName = "reportruns";

    public async Task<ReportRun?> GetAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(brand.Value, month.ToString(), cancellationToken: cancellationToken);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<ReportRun?> TryCreateAsync(ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var (written, etag) = await ClaimWrites.TryAddAsync(table, ToEntity(run), cancellationToken);
        return written ? run with { ETag = etag } : null;
    }

    public async Task<ReportRun?> TryUpdateAsync(ReportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = await clients.TableAsync(TableName, cancellationToken);
        var (written, etag) = await ClaimWrites.TryReplaceAsync(table, ToEntity(run), run.ETag, cancellationToken);
        return written ? run with { ETag = etag } : null;
    }

    public async IAsyncEnumerable<ReportRun> ListAsync(BrandName brand, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(TableName, cancellationToken);
        var partition = brand.Value;
        // Stryker disable once all : any mutant in this LINQ expression, even inactive, makes Azure Tables refuse the query
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    internal static TableEntity ToEntity(ReportRun run) => new(run.Brand.Value, run.Month.ToString())
    {
        ["Status"] = run.Status.ToString(),
        ["RunId"] = run.RunId,
        ["MailTag"] = run.MailTag,
        ["Attempts"] = run.Attempts,
        ["Generation"] = run.Generation,
        ["ClaimedAt"] = run.ClaimedAt,
        ["RenderedAt"] = run.RenderedAt,
        ["SentAt"] = run.SentAt,
        ["FailedAt"] = run.FailedAt,
        ["FailureReason"] = Truncate(run.FailureReason),
        ["PdfETag"] = run.PdfETag,
        ["Delivery"] = Truncate(run.Delivery),
        ["ListedIn"] = run.ListedIn?.ToString(),
        ["ListedPeriods"] = run.ListedPeriods.Count == 0 ? null : string.Join(',', run.ListedPeriods),
        ["Recipients"] = run.Recipients.Count == 0 ? null : Truncate(string.Join(',', run.Recipients)),
    };

    internal static ReportRun FromEntity(TableEntity entity) => new()
    {
        Brand = BrandName.Parse(entity.PartitionKey),
        Month = ReportMonth.Parse(entity.RowKey),
        Status = Enum.Parse<ReportRunStatus>(entity.GetString("Status")),
        RunId = entity.GetString("RunId"),
        MailTag = entity.GetString("MailTag"),
        Attempts = entity.GetInt32("Attempts") ?? 1,
        Generation = entity.GetInt32("Generation") ?? 0,
        ClaimedAt = entity.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue,
        RenderedAt = entity.GetDateTimeOffset("RenderedAt"),
        SentAt = entity.GetDateTimeOffset("SentAt"),
        FailedAt = entity.GetDateTimeOffset("FailedAt"),
        FailureReason = entity.GetString("FailureReason"),
        PdfETag = entity.GetString("PdfETag"),
        Delivery = entity.GetString("Delivery"),
        ListedIn = entity.GetString("ListedIn") is { Length: > 0 } listedIn ? ReportMonth.Parse(listedIn) : null,
        ListedPeriods = entity.GetString("ListedPeriods") is { Length: > 0 } listed ? [.. listed.Split(',').Select(ReportMonth.Parse)] : [],
        Recipients = entity.GetString("Recipients") is { Length: > 0 } recipients ? recipients.Split(',') : [],
        ETag = entity.ETag.ToString(),
    };

    // A table string property holds 32K characters; a Graph error body could be longer.
    private static string? Truncate(string? text) =>
        text is { Length: > 4000 } ? string.Concat(text.AsSpan(0, 4000), "…") : text;
}
