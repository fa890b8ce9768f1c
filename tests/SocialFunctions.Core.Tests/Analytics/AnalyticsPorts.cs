using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Analytics;

// In-memory ports for the Analytics tests that read a brand's settings and upload log (the domain core has no storage
// of its own; the Azurite-backed stores are tested in Infrastructure.Tests).

/// <summary>One brand's settings, or none; counts its reads.</summary>
internal sealed class OneBrand(BrandSettings? settings) : IBrandSettingsStore
{
    public int Reads { get; private set; }

    public Task<BrandSettings?> GetAsync(BrandName brand, CancellationToken cancellationToken)
    {
        Reads++;
        return Task.FromResult(settings);
    }

    public Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<BrandSettings> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}

/// <summary>A fixed upload log.</summary>
internal sealed class Uploads(IReadOnlyList<UploadRecord> records) : IUploadLog
{
    public Task<UploadRecord?> GetAsync(BrandName brand, string uploadId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SaveAsync(UploadRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<UploadRecord> ListAsync(BrandName brand, CancellationToken cancellationToken) => records.ToAsyncEnumerable();
}
