using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ports;

/// <summary>Brand settings, and the list of brands the monthly run fans out over.</summary>
public interface IBrandSettingsStore
{
    Task<BrandSettings?> GetAsync(BrandName brand, CancellationToken cancellationToken);

    Task SaveAsync(BrandSettings settings, CancellationToken cancellationToken);

    IAsyncEnumerable<BrandSettings> ListAsync(CancellationToken cancellationToken);
}
