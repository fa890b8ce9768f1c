using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Functions.Brands;

internal static class BrandsServiceCollectionExtensions
{
    /// <summary>Brand settings in Table Storage (needs <c>AddStorage</c>); ingestion, reports and alerts read them too.</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services)
    {
        services.TryAddSingleton<IBrandSettingsStore, BrandSettingsTableStore>();
        services.TryAddSingleton<SeriesRederivation>();
        return services;
    }
}
