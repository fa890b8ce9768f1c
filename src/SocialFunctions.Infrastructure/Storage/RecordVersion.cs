using System.Globalization;
using Azure.Data.Tables;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// The order of two writes of one stored record, as one ordinal-comparable string property: when the export was taken
/// (export day, else upload time), then the upload's content hash (a stable tie-break, so concurrent uploads converge on
/// one of them instead of mixing), then the row's position in its upload (so a file listing a post twice keeps the later
/// row). A retried upload of the same file produces the same versions, which is how a write already applied is
/// recognised. Records without an upload id (tests, tools) carry no version and are simply upserted.
/// </summary>
internal static class RecordVersion
{
    public const string Property = "Version";

    public static string? Create(DateTimeOffset? exportedAt, string? uploadId, long sequence) =>
        string.IsNullOrEmpty(uploadId)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{exportedAt?.UtcTicks ?? 0:D19}|{uploadId}|{sequence:D12}");

    public static string? Of(TableEntity entity) => entity.GetString(Property);
}

/// <summary>Rows kept changing under our conditional writes: contention, not bad input; the upload can be sent again.</summary>
public sealed class StorageContentionException : Exception
{
    public StorageContentionException()
    {
    }

    public StorageContentionException(string message)
        : base(message)
    {
    }

    public StorageContentionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
