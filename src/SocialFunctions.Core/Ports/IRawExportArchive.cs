using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ports;

/// <summary>Keeps every uploaded file as it arrived, before parsing, so nothing is ever lost.</summary>
public interface IRawExportArchive
{
    /// <summary>Stores the file under its content hash; returns false when that content was already archived.</summary>
    Task<bool> ArchiveAsync(BrandName brand, string uploadId, string fileName, Stream content, CancellationToken cancellationToken);
}
