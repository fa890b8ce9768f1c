using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Infrastructure.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers series alert delivery (<see cref="ISeriesAlertNotifier"/>: Teams webhook, else mail, else JSON outbox)
    /// and the episode store (<see cref="ISeriesStateStore"/>). Needs <c>AddStorage</c> and an <see cref="IMailSender"/>.
    /// </summary>
    public static IServiceCollection AddSeriesAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOutboxOptions>().BindConfiguration("Outbox").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<TeamsWebhookNotifier>();
        services.TryAddSingleton<AlertOutboxWriter>();
        services.TryAddSingleton<ISeriesAlertNotifier, SeriesAlertRouter>();
        services.TryAddSingleton<ISeriesStateStore, SeriesStateTableStore>();
        return services;
    }
}
