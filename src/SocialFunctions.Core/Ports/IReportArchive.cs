using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Ports;

/// <summary>The rendered PDFs, one per brand and month (blob <c>{brand}/{yyyy-MM}.pdf</c>).</summary>
public interface IReportArchive
{
    /// <summary>Stores (or replaces) the PDF of a brand-month.</summary>
    Task<ArchivedReport> SaveAsync(BrandName brand, ReportMonth month, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken);

    /// <summary>The archived copy's properties, or null when there is none.</summary>
    Task<ArchivedReport?> GetInfoAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken);

    /// <summary>The archived copy with its content, or null when there is none.</summary>
    Task<ArchivedReportContent?> OpenAsync(BrandName brand, ReportMonth month, CancellationToken cancellationToken);
}

/// <param name="ETag">The blob's ETag, quoted as HTTP sends it (e.g. <c>"0x8DC…"</c>).</param>
/// <param name="ContentMd5">Base64 MD5 of the content, when the store computed one.</param>
/// <param name="Length">Bytes.</param>
/// <param name="LastModified">When it was written.</param>
public sealed record ArchivedReport(string ETag, string? ContentMd5, long Length, DateTimeOffset LastModified);

/// <summary>An archived PDF and its properties.</summary>
public sealed record ArchivedReportContent(ArchivedReport Info, byte[] Content);
