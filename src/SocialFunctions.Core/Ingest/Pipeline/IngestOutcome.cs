using SocialFunctions.Core.Ports;

namespace SocialFunctions.Core.Ingest.Pipeline;

/// <summary>What became of one uploaded file: its upload record, and whether it was a repeat of earlier content.</summary>
/// <param name="Upload">The logged outcome (status, rows, errors, dates covered).</param>
/// <param name="Duplicate">True when the same content was uploaded before: nothing was written again.</param>
public sealed record IngestOutcome(UploadRecord Upload, bool Duplicate);
