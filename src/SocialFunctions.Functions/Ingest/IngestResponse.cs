using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Functions.Ingest;

/// <summary>The upload API's answer: always <c>{"files":[…]}</c>, one entry per file, in upload order.</summary>
internal sealed record IngestResponse(IReadOnlyList<IngestedFile> Files);

internal sealed record IngestedFile(
    string FileName,
    string UploadId,
    string? Format,
    string? Channel,
    string? Kind,
    string Status,
    int RowsAccepted,
    int RowsRejected,
    IReadOnlyList<UploadError> Errors,
    DateOnly? From,
    DateOnly? To,
    bool Duplicate)
{
    public static IngestedFile FromOutcome(IngestOutcome outcome)
    {
        var u = outcome.Upload;
        return new(u.FileName, u.UploadId, u.Format, u.Channel, u.Kind?.ToString().ToLowerInvariant(), u.Status, u.RowsAccepted, u.RowsRejected, u.Errors, u.From, u.To, outcome.Duplicate);
    }
}
