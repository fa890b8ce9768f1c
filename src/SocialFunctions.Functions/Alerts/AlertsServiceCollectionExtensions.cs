using Microsoft.Extensions.Options;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Functions.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Series detection and alerts: options <c>Series:Detection</c> and <c>Series:Alerts</c>, the check service and the
    /// alert router. Adapters come from <c>AddStorage</c>, <c>AddMail</c>, <c>AddTeams</c> and <c>AddReports</c>.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SeriesAlertOptions>().BindConfiguration(SeriesAlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SeriesAlertRouter>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SeriesCheckService>(sp, sp.GetRequiredService<IOptions<SeriesAlertOptions>>().Value));
        return services;
    }
}
