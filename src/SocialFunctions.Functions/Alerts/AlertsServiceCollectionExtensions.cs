using Microsoft.Extensions.Options;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Series;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Infrastructure.Teams;

namespace SocialFunctions.Functions.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Series detection and alerts: options <c>Series:Detection</c> and <c>Series:Alerts</c>, the detector, the check
    /// service, and delivery (Teams webhook / mail / JSON outbox) with the episode store. Needs <c>AddStorage</c> and
    /// <c>AddBrands</c>.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeriesDetectionOptions>().BindConfiguration(SeriesDetectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeriesAlertOptions>().BindConfiguration(SeriesAlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMail(configuration);
        services.AddSeriesAlerts(configuration);
        services.AddSingleton(sp => new SeriesDetector(sp.GetRequiredService<IOptions<SeriesDetectionOptions>>().Value));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SeriesCheckService>(sp, sp.GetRequiredService<IOptions<SeriesAlertOptions>>().Value));
        return services;
    }
}
