using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Web;

/// <summary>
/// <c>GET /</c> and <c>GET /{file}</c>: the team's web page (<see cref="WebAssets"/>). host.json's route prefix is empty
/// so this function can answer at the site root; every API route names its own <c>api/</c> prefix. A one-segment
/// optional route never shadows the API (its routes have more segments) nor the host's admin paths.
/// </summary>
/// <remarks>
/// Anonymous to the host like every HTTP function (<see cref="ApiAccess.HostLevel"/>): the files are the same for
/// everyone and hold no data and no key, and they pass the worker's access check like the API; in Azure, App Service
/// authentication (Entra ID) signs people in before they reach them.
/// </remarks>
internal sealed class WebPageFunction(WebAssets assets)
{
    /// <summary>The page may only talk to its own origin, embed its own PDFs and never be framed elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; object-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    [Function("WebPage")]
    public Results<FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Run(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "{file?}")] HttpRequest request,
        string? file)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (assets.Find(file) is not { } asset)
        {
            return Problems.NotFound("No such page.", $"'/{file}' is not part of the web page; open / for the page, or /api/… for the API.");
        }

        var headers = request.HttpContext.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset.Name == WebAssets.IndexFile)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
        }

        var etag = new EntityTagHeaderValue(asset.ETag);
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch && ifNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            headers.ETag = asset.ETag;
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(asset.Content, asset.ContentType, entityTag: etag);
    }
}
