using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Pipeline;

/// <summary>What became of one uploaded file; the upload API returns one of these per file.</summary>
public sealed record IngestOutcome
{
    public required string FileName { get; init; }

    public required string UploadId { get; init; }

    public string? Format { get; init; }

    public string? Channel { get; init; }

    public ExportKind? Kind { get; init; }

    /// <summary><see cref="UploadStatus"/>: accepted, partial or rejected.</summary>
    public required string Status { get; init; }

    public int RowsAccepted { get; init; }

    public int RowsRejected { get; init; }

    public IReadOnlyList<UploadError> Errors { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>True when the same content was uploaded before: nothing was written again.</summary>
    public bool Duplicate { get; init; }

    public static IngestOutcome FromRecord(UploadRecord record, bool duplicate) => new()
    {
        FileName = record.FileName,
        UploadId = record.UploadId,
        Format = record.Format,
        Channel = record.Channel,
        Kind = record.Kind,
        Status = record.Status,
        RowsAccepted = record.RowsAccepted,
        RowsRejected = record.RowsRejected,
        Errors = record.Errors,
        From = record.From,
        To = record.To,
        Duplicate = duplicate,
    };
}
