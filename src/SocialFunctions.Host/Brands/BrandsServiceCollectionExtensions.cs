using SocialFunctions.Core.Brands;

namespace SocialFunctions.Host.Brands;

public static class BrandsServiceCollectionExtensions
{
    /// <summary>Brand settings endpoints: re-derives stored posts' series when rules change (the store comes from <c>AddStorage</c>).</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<SeriesRederivation>();
        return services;
    }
}
