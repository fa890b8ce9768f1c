using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Ingest;

internal sealed class UploadHistoryFunction(IUploadLog uploads)
{
    public const int DefaultTop = 50;
    public const int MaxTop = 500;

    /// <summary><c>GET /api/brands/{brand}/uploads?top=</c>: the latest uploads and their outcomes, newest first.</summary>
    [Function("ListUploads")]
    public async Task<Results<Ok<UploadHistoryResponse>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/uploads")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        var query = new QueryValues(request.Query);
        var top = query.Int32("top") ?? DefaultTop;
        if (query.Problem is { } problem)
        {
            return problem;
        }

        if (top is < 1 or > MaxTop)
        {
            return Problems.BadRequest("Invalid top.", $"Query parameter 'top' is {top}; use 1 to {MaxTop}.");
        }

        var all = new List<UploadRecord>();
        await foreach (var upload in uploads.ListAsync(name, cancellationToken))
        {
            all.Add(upload);
        }

        var latest = all.OrderByDescending(u => u.ReceivedAt).Take(top).Select(UploadHistoryItem.Of).ToList();
        return TypedResults.Ok(new UploadHistoryResponse(all.Count, latest));
    }
}

/// <summary>The body of <c>GET …/uploads</c>: how many uploads the brand has, and the latest ones.</summary>
internal sealed record UploadHistoryResponse(int Total, IReadOnlyList<UploadHistoryItem> Uploads);

/// <summary>One past upload, with the same outcome fields as the upload answer.</summary>
internal sealed record UploadHistoryItem(
    string FileName,
    string UploadId,
    DateTimeOffset ReceivedAt,
    long SizeBytes,
    string? Format,
    string? Channel,
    string? Kind,
    string Status,
    int RowsAccepted,
    int RowsRejected,
    int EntitiesStored,
    IReadOnlyList<UploadError> Errors,
    IReadOnlyList<string> Warnings,
    DateOnly? From,
    DateOnly? To)
{
    public static UploadHistoryItem Of(UploadRecord u) =>
        new(u.FileName, u.UploadId, u.ReceivedAt, u.SizeBytes, u.Format, u.Channel, u.Kind?.ToString().ToLowerInvariant(), u.Status, u.RowsAccepted, u.RowsRejected, u.EntitiesStored, u.Errors, u.Warnings, u.From, u.To);
}
