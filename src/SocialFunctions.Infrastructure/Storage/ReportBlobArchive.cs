using Azure;
using Azure.Storage.Blobs.Models;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Rendered reports in container <c>reports</c> as <c>{brand}/{yyyy-MM}.pdf</c>. Blob Storage computes the MD5 of a
/// single-shot upload and keeps the ETag, which the PDF endpoint hands out for conditional GETs.
/// </summary>
public sealed class ReportBlobArchive(StorageClients clients) : IReportArchive
{
    public const string ContainerName = "reports";

    public async Task<ArchivedReport> SaveAsync(BrandName brand, ReportMonth month, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken)
    {
        var container = await clients.ContainerAsync(ContainerName, cancellationToken);
        var blob = container.GetBlobClient(BlobName(brand, month));

        // MD5 here is the transfer checksum Blob Storage verifies and reports (Content-MD5), not a security measure.
#pragma warning disable CA5351
        var md5 = System.Security.Cryptography.MD5.HashData(pdf.Span);
#pragma warning restore CA5351
        var response = await blob.UploadAsync(
            BinaryData.FromBytes(pdf),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders
                {
                    ContentType = "application/pdf",
                    ContentHash = md5,
                },
            },
            cancellationToken);
        return new ArchivedReport(
            response.Value.ETag.ToString("H"),
            Convert.ToBase64String(md5),
            pdf.Length,
            response.Value.LastModified);
    }

    public async Task<ArchivedReport?> GetInfoAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken)
    {
        var container = await clients.ContainerAsync(ContainerName, cancellationToken);
        try
        {
            var properties = await container.GetBlobClient(BlobName(brand, month)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return ToInfo(properties.Value.ETag, properties.Value.ContentHash, properties.Value.ContentLength, properties.Value.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<ArchivedReportContent?> OpenAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken)
    {
        var container = await clients.ContainerAsync(ContainerName, cancellationToken);
        try
        {
            var download = await container.GetBlobClient(BlobName(brand, month)).DownloadContentAsync(cancellationToken);
            var details = download.Value.Details;
            var content = download.Value.Content.ToArray();
            return new ArchivedReportContent(ToInfo(details.ETag, details.BlobContentHash, content.Length, details.LastModified), content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public static string BlobName(BrandName brand, ReportMonth month) => $"{brand}/{month}.pdf";

    private static ArchivedReport ToInfo(ETag etag, byte[]? md5, long length, DateTimeOffset lastModified) =>
        new(etag.ToString("H"), md5 is { Length: > 0 } ? Convert.ToBase64String(md5) : null, length, lastModified);
}
