using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ports;

/// <summary>Every upload and its outcome, per brand; also how duplicates are recognised (same content hash).</summary>
public interface IUploadLog
{
    Task<UploadRecord?> GetAsync(BrandName brand, string uploadId, CancellationToken cancellationToken);

    Task SaveAsync(UploadRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<UploadRecord> ListAsync(BrandName brand, CancellationToken cancellationToken);
}

/// <summary>The outcome of one uploaded file.</summary>
public sealed record UploadRecord
{
    public required string Brand { get; init; }

    /// <summary>SHA-256 of the file's bytes (hex): the archive blob name and the idempotency key.</summary>
    public required string UploadId { get; init; }

    public required string FileName { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public long SizeBytes { get; init; }

    /// <summary>Format id (e.g. <c>facebook-posts</c>); null when the format was not recognised.</summary>
    public string? Format { get; init; }

    public string? Channel { get; init; }

    public ExportKind? Kind { get; init; }

    /// <summary><c>accepted</c>, <c>partial</c> or <c>rejected</c>; <c>in-progress</c> while rows are being written (and after an attempt that was cut off).</summary>
    public required string Status { get; init; }

    /// <summary>Data rows of the file that were read (a post, or a day of an account series, whatever its metrics).</summary>
    public int RowsAccepted { get; init; }

    /// <summary>Data rows of the file that were refused (listed in <see cref="Errors"/>, up to a bound).</summary>
    public int RowsRejected { get; init; }

    /// <summary>Records stored from the accepted rows: posts plus daily metric values (a day of 5 metrics is 5).</summary>
    public int EntitiesStored { get; init; }

    /// <summary>What was inferred and the user should check (e.g. the year of year-less dates taken from the upload day).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The first errors (bounded), with line and column.</summary>
    public IReadOnlyList<UploadError> Errors { get; init; } = [];

    /// <summary>First and last day the file's data covers (brand-local dates of posts, or the export's range).</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>
    /// How many times this content was sent: an upload cut off (server killed, storage down) stays
    /// <see cref="UploadStatus.InProgress"/> and the next upload of the same file is attempt 2 of the same record.
    /// </summary>
    public int Attempts { get; init; } = 1;

    /// <summary>When the latest attempt started (<see cref="ReceivedAt"/> stays the first attempt's time).</summary>
    public DateTimeOffset? LastAttemptAt { get; init; }
}

public sealed record UploadError(int? Line, int? Column, string Message);

public static class UploadStatus
{
    public const string Accepted = "accepted";
    public const string Partial = "partial";
    public const string Rejected = "rejected";

    /// <summary>Rows are being written; still this after an attempt that never finished, until the file is sent again.</summary>
    public const string InProgress = "in-progress";
}
