using System.Text.Json;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Host.Problems;

namespace SocialFunctions.Host.Brands;

public static class BrandsEndpoints
{
    /// <summary><c>GET</c> and <c>PUT /api/brands/{brand}</c> (function BrandSettings).</summary>
    public static IEndpointRouteBuilder MapBrands(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{brand}", GetAsync).WithName("BrandSettings");
        app.MapPut("/api/brands/{brand}", PutAsync).WithName("PutBrandSettings");
        return app;
    }

    private static async Task<IResult> GetAsync(string brand, IBrandSettingsStore store, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        var settings = await store.GetAsync(name, cancellationToken);
        return settings is null
            ? ProblemResults.NotFound("Unknown brand.", $"Brand '{brand}' has no settings yet; create them with PUT /api/brands/{brand}.")
            : Results.Ok(BrandSettingsDocument.From(settings));
    }

    private static async Task<IResult> PutAsync(
        string brand,
        BrandSettingsDocument? body,
        IBrandSettingsStore store,
        SeriesRederivation rederivation,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        if (body is null)
        {
            return ProblemResults.BadRequest("Missing body.", "Send the brand settings as a JSON object (Content-Type: application/json).");
        }

        if (body.Brand is not null && body.Brand != brand)
        {
            return ProblemResults.BadRequest("Brand mismatch.", $"The body is for brand '{body.Brand}' but the URL names '{brand}'.");
        }

        var stored = await store.GetAsync(name, cancellationToken);
        // The GET answer shows the webhook masked; sending that back unchanged means "keep the stored URL".
        var webhook = WebhookUrlMask.IsMaskOf(body.TeamsWebhookUrl, stored?.TeamsWebhookUrl) ? stored!.TeamsWebhookUrl : body.TeamsWebhookUrl;
        var errors = BrandSettingsValidator.Validate(name, body.ToDraft(string.IsNullOrEmpty(webhook) ? null : webhook), out var settings);
        if (settings is null)
        {
            return Results.ValidationProblem(
                errors.ToDictionary(),
                title: "Invalid brand settings.",
                detail: string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        }

        await store.SaveAsync(settings, cancellationToken);
        var logger = loggers.CreateLogger(typeof(BrandsEndpoints));
        BrandsLog.SettingsSaved(logger, brand, stored is null);

        int? reassigned = 0;
        if (!SameRules(stored?.SeriesRules ?? [], settings.SeriesRules))
        {
            reassigned = await rederivation.ApplyAsync(name, settings.SeriesRules, cancellationToken);
            BrandsLog.SeriesRederived(logger, brand, reassigned.Value);
        }

        var document = BrandSettingsDocument.From(settings, reassigned);
        return stored is null ? Results.Created($"/api/brands/{brand}", document) : Results.Ok(document);
    }

    // Rules hold lists, which records compare by reference; their JSON is their value.
    private static bool SameRules(IReadOnlyList<SeriesRule> a, IReadOnlyList<SeriesRule> b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);
}
