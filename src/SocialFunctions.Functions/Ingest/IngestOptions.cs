using System.ComponentModel.DataAnnotations;

namespace SocialFunctions.Functions.Ingest;

/// <summary>Upload limits and where uploads are spooled while they are read.</summary>
internal sealed class IngestOptions
{
    /// <summary>Largest accepted request body (all files of a multipart upload together); larger gets 413.</summary>
    [Range(1, 1024L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = IngestDefaults.MaxUploadBytes;

    /// <summary>Folder for upload spool files (deleted after each request); default: the system temp folder.</summary>
    public string? SpoolDirectory { get; set; }
}

internal static class IngestDefaults
{
    /// <summary>50 MB: above the largest real exports seen, below the Functions 100 MB request limit.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;
}
