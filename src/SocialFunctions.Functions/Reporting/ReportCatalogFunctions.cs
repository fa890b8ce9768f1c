using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Reporting;

/// <summary>
/// The report months of a brand (<c>GET …/reports</c>: due dates, delivery state and history) and the PDF of a month as
/// it would be sent now (<c>GET …/reports/{month}/preview</c>: rendered from the current data and pivot plan, not
/// archived, so previews never replace the copy that was mailed).
/// </summary>
internal sealed class ReportCatalogFunctions(
    ReportCatalog catalog,
    ReportModelSource models,
    IReportRenderer renderer,
    IBrandSettingsStore brands,
    TimeProvider timeProvider)
{
    [Function("ListReports")]
    public async Task<Results<Ok<ReportCatalogView>, ProblemHttpResult>> ListAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/reports")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        try
        {
            return TypedResults.Ok(await catalog.ListAsync(name, cancellationToken));
        }
        catch (UnknownBrandException)
        {
            return Problems.UnknownBrand(brand);
        }
    }

    /// <summary><c>GET /api/brands/{brand}/reports/{month}/preview[?download=true]</c>: the PDF inline (or as an attachment).</summary>
    [Function("PreviewReport")]
    public async Task<Results<FileContentHttpResult, ProblemHttpResult>> PreviewAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/reports/{month}/preview")] HttpRequest request,
        string brand,
        string month,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        if (!ReportMonth.TryParse(month, out var period))
        {
            return Problems.InvalidMonth(month);
        }

        var query = new QueryValues(request.Query);
        var download = query.Boolean("download") ?? false;
        if (query.Problem is { } problem)
        {
            return problem;
        }

        var settings = await brands.GetAsync(name, cancellationToken) ?? BrandSettings.CreateDefault(name);
        var now = timeProvider.GetUtcNow();
        if (!settings.Clock.HasEnded(period, now))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The month is not over yet.",
                detail: string.Create(CultureInfo.InvariantCulture, $"{month} has not ended in {settings.Clock.ZoneId} (it is {settings.Clock.LocalTime(now):yyyy-MM-dd HH:mm} there); its report can be previewed from the 1st of the next month."));
        }

        ReportModel model;
        try
        {
            model = await models.BuildAsync(name, period, cancellationToken);
        }
        catch (UnknownBrandException)
        {
            return Problems.UnknownBrand(brand);
        }

        using var buffer = new MemoryStream();
        await renderer.RenderAsync(model, buffer, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(buffer.ToArray(), "application/pdf", download ? $"{brand}-{month}.pdf" : null);
    }
}
