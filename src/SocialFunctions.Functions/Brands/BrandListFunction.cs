using SocialFunctions.Functions.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Functions.Brands;

internal sealed class BrandListFunction(IBrandSettingsStore store)
{
    /// <summary><c>GET /api/brands</c>: every brand with settings, by the name people read.</summary>
    [Function("ListBrands")]
    public async Task<Ok<BrandListResponse>> RunAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var brands = new List<BrandSummary>();
        await foreach (var settings in store.ListAsync(cancellationToken))
        {
            brands.Add(new BrandSummary(settings.Brand.Value, settings.Title, settings.Locale.Code, settings.Clock.ZoneId));
        }

        return TypedResults.Ok(new BrandListResponse([.. brands.OrderBy(b => b.DisplayName, StringComparer.InvariantCultureIgnoreCase).ThenBy(b => b.Brand, StringComparer.Ordinal)]));
    }
}

/// <summary>The body of <c>GET /api/brands</c>.</summary>
internal sealed record BrandListResponse(IReadOnlyList<BrandSummary> Brands);

/// <summary>A brand as a picker shows it: its name, the name people read (display name, else the name), its language and time zone.</summary>
internal sealed record BrandSummary(string Brand, string DisplayName, string Locale, string TimeZone);
