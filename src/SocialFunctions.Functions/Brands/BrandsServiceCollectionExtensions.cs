using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Brands;

namespace SocialFunctions.Functions.Brands;

internal static class BrandsServiceCollectionExtensions
{
    /// <summary>Brand settings functions: re-derives stored posts' series when rules change, previews and suggests rules (the store comes from <c>AddStorage</c>).</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services)
    {
        services.TryAddSingleton<SeriesRederivation>();
        services.TryAddSingleton<SeriesRuleAssistant>();
        return services;
    }
}
