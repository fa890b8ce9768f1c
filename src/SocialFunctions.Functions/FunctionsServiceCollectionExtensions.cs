using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Functions.Alerts;
using SocialFunctions.Functions.Brands;
using SocialFunctions.Functions.Digest;
using SocialFunctions.Functions.Health;
using SocialFunctions.Functions.Http;
using SocialFunctions.Functions.Ingest;
using SocialFunctions.Functions.Reporting;
using SocialFunctions.Functions.Telemetry;
using SocialFunctions.Functions.Web;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Infrastructure.Teams;
using SocialFunctions.Reports;

namespace SocialFunctions.Functions;

/// <summary>The composition root: everything the functions need, registered once for the worker and the local server alike.</summary>
internal static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddSocialFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        });
        services.AddProblemDetails();
        services.AddMetrics();
        services.TryAddSingleton(HostingMode.FunctionsHost);
        services.TryAddSingleton<JsonBody>();
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ApiAccess>();
        services.TryAddSingleton<HttpEdge>();
        services.TryAddSingleton<PipelineMetrics>();
        services.TryAddSingleton<WebAssets>();
        // Time from one provider, and each adapter kind registered once.
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddMail(configuration);
        services.AddTeams(configuration);
        services.AddReports();
        services.AddIngest();
        services.AddBrands();
        services.AddReporting(configuration);
        services.AddAlerts(configuration);
        services.AddDigest();
        return services;
    }
}
