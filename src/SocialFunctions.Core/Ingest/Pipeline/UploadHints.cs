namespace SocialFunctions.Core.Ingest.Pipeline;

/// <summary>What the uploader states about a file that the file may not say itself.</summary>
/// <param name="ExportedOn">The day the export was downloaded (<c>?exportedOn=yyyy-MM-dd</c>): anchors years the dates lack.</param>
/// <param name="Channel">The channel of a file that does not name it (<c>?channel=</c>: Meta's bare "Views").</param>
public sealed record UploadHints(DateOnly? ExportedOn = null, string? Channel = null)
{
    public static UploadHints None { get; } = new();
}
