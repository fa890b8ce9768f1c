using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Brands;

internal sealed class BrandSettingsFunction(
    IBrandSettingsStore store,
    SeriesRederivation rederivation,
    JsonBody json,
    ILogger<BrandSettingsFunction> logger)
{
    /// <summary><c>GET</c> and <c>PUT /api/brands/{brand}</c>: read or replace a brand's settings.</summary>
    [Function("BrandSettings")]
    public async Task<Results<Ok<BrandSettingsDocument>, Created<BrandSettingsDocument>, ValidationProblem, ProblemHttpResult>> RunAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", "put", Route = "api/brands/{brand}")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        return HttpMethods.IsPut(request.Method) ? await PutAsync(request, name, cancellationToken) : await GetAsync(name, cancellationToken);
    }

    private async Task<Results<Ok<BrandSettingsDocument>, Created<BrandSettingsDocument>, ValidationProblem, ProblemHttpResult>> GetAsync(
        BrandName brand, CancellationToken cancellationToken)
    {
        var settings = await store.GetAsync(brand, cancellationToken);
        return settings is null
            ? Problems.NotFound("Unknown brand.", $"Brand '{brand}' has no settings yet; create them with PUT /api/brands/{brand}.")
            : TypedResults.Ok(BrandSettingsDocument.From(settings));
    }

    private async Task<Results<Ok<BrandSettingsDocument>, Created<BrandSettingsDocument>, ValidationProblem, ProblemHttpResult>> PutAsync(
        HttpRequest request, BrandName brand, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await json.ReadAsync<BrandSettingsDocument>(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (body is null)
        {
            return Problems.BadRequest("Missing body.", "Send the brand settings as a JSON object (Content-Type: application/json).");
        }

        if (body.Brand is not null && body.Brand != brand.Value)
        {
            return Problems.BadRequest("Brand mismatch.", $"The body is for brand '{body.Brand}' but the URL names '{brand}'.");
        }

        var stored = await store.GetAsync(brand, cancellationToken);
        // The GET answer shows the webhook masked; sending that back unchanged means "keep the stored URL".
        var webhook = WebhookUrlMask.IsMaskOf(body.TeamsWebhookUrl, stored?.TeamsWebhookUrl) ? stored!.TeamsWebhookUrl : body.TeamsWebhookUrl;
        var errors = BrandSettingsValidator.Validate(brand, body.ToDraft(string.IsNullOrEmpty(webhook) ? null : webhook), out var settings);
        if (settings is null)
        {
            return TypedResults.ValidationProblem(
                errors.ToDictionary(),
                title: "Invalid brand settings.",
                detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        await store.SaveAsync(settings, cancellationToken);
        BrandsLog.SettingsSaved(logger, brand.Value, stored is null);

        var reassigned = 0;
        if (!SameRules(stored?.SeriesRules ?? [], settings.SeriesRules))
        {
            reassigned = await rederivation.ApplyAsync(brand, settings.SeriesRules, cancellationToken);
            BrandsLog.SeriesRederived(logger, brand.Value, reassigned);
        }

        var document = BrandSettingsDocument.From(settings, reassigned);
        return stored is null ? TypedResults.Created($"/api/brands/{brand}", document) : TypedResults.Ok(document);
    }

    // Rules hold lists, which records compare by reference; their JSON is their value.
    private static bool SameRules(IReadOnlyList<SeriesRule> a, IReadOnlyList<SeriesRule> b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
