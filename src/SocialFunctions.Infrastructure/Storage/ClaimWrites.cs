using Azure;
using Azure.Data.Tables;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// The two conditional writes behind every "at most once per period" record (report months, digest weeks): add only if
/// absent (409 = someone else claimed first) and replace only if the ETag still matches (412, or 404 when the record
/// went away = someone else changed it). A lost race is an answer, not an error.
/// </summary>
internal static class ClaimWrites
{
    /// <summary>Adds the record; its new ETag, or <c>Written = false</c> when the key already exists.</summary>
    public static async Task<(bool Written, string? ETag)> TryAddAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return (true, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (false, null);
        }
    }

    /// <summary>Replaces the record read with <paramref name="etag"/>; its new ETag, or <c>Written = false</c> when it changed since.</summary>
    public static async Task<(bool Written, string? ETag)> TryReplaceAsync(TableClient table, TableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            throw new ArgumentException("A run must have been read from the store (with its ETag) to be updated.", nameof(etag));
        }

        try
        {
            var response = await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return (true, response.Headers.ETag?.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return (false, null);
        }
    }
}
