using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Functions.Ingest;

/// <summary>The upload API's answer: always <c>{"files":[…]}</c>, one entry per file, in upload order.</summary>
/// <remarks>
/// <c>rowsAccepted</c>/<c>rowsRejected</c> count the file's data rows (a post, or a day of a daily series whatever its
/// metrics); <c>entitiesStored</c> counts the records stored from them; <c>from</c>/<c>to</c> is the range of days the
/// file covers; <c>warnings</c> says what was inferred (e.g. a year taken from the upload day).
/// </remarks>
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
    int EntitiesStored,
    IReadOnlyList<UploadError> Errors,
    IReadOnlyList<string> Warnings,
    DateOnly? From,
    DateOnly? To,
    bool Duplicate)
{
    public static IngestedFile FromOutcome(IngestOutcome outcome)
    {
        var u = outcome.Upload;
        return new(u.FileName, u.UploadId, u.Format, u.Channel, u.Kind?.ToString().ToLowerInvariant(), u.Status, u.RowsAccepted, u.RowsRejected, u.EntitiesStored, u.Errors, u.Warnings, u.From, u.To, outcome.Duplicate);
    }
}
