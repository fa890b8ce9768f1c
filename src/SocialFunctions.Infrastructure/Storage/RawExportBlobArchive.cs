using Azure;
using Azure.Storage.Blobs.Models;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Raw uploads in Blob Storage as <c>{brand}/{sha256}</c>: server-generated names, so a user's file name can never
/// collide with or overwrite another file; the original name is kept as metadata (URL-encoded: metadata is ASCII).
/// </summary>
public sealed class RawExportBlobArchive(StorageClients clients, TimeProvider timeProvider) : IRawExportArchive
{
    public async Task<bool> ArchiveAsync(BrandName brand, string uploadId, string fileName, Stream content, CancellationToken cancellationToken)
    {
        var container = await clients.ContainerAsync(StorageDefaults.RawExportsContainer, cancellationToken);
        var blob = container.GetBlobClient($"{brand}/{uploadId}");
        try
        {
            await blob.UploadAsync(
                content,
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    Metadata = new Dictionary<string, string>
                    {
                        ["brand"] = brand.Value,
                        ["originalname"] = Uri.EscapeDataString(fileName),
                        ["receivedat"] = timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                    },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Same content already archived: the hash is the name, so there is nothing more to keep.
            return false;
        }
    }
}
