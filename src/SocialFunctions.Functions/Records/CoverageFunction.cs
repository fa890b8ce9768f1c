using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Records;

internal sealed class CoverageFunction(CoverageTimeline timeline)
{
    /// <summary>
    /// <c>GET /api/brands/{brand}/coverage?from=&amp;to=</c> (brand-local days, yyyy-MM-dd; default: the three months
    /// before this one and this one so far): per channel, the days the exports cover, the gaps, and whether an export is due.
    /// </summary>
    [Function("GetCoverage")]
    public async Task<Results<Ok<CoverageOverview>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/coverage")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        var query = new QueryValues(request.Query);
        var from = query.Date("from");
        var to = query.Date("to");
        if (query.Problem is { } problem)
        {
            return problem;
        }

        if (from is { } f && to is { } t && (t < f || t.DayNumber - f.DayNumber >= CoverageTimeline.MaxWindowDays))
        {
            return Problems.BadRequest("Invalid window.", string.Create(CultureInfo.InvariantCulture, $"'from' ({f:yyyy-MM-dd}) must be on or before 'to' ({t:yyyy-MM-dd}) and the window at most {CoverageTimeline.MaxWindowDays} days."));
        }

        try
        {
            return TypedResults.Ok(await timeline.BuildAsync(name, from, to, cancellationToken));
        }
        catch (ArgumentException ex)
        {
            // A one-sided window ('from' after today, or 'to' long after the default start).
            return Problems.BadRequest("Invalid window.", ex.Message);
        }
    }
}
