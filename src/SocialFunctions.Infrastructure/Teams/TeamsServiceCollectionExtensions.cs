using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams transports, once: <see cref="ITeamsWebhook"/> (Workflows webhooks through Polly pipelines,
    /// options <c>Teams</c>) and <see cref="IAlertOutbox"/> (the local JSON outbox, <c>Outbox:Path</c>). Needs a
    /// <see cref="TimeProvider"/> registered by the composition root.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AlertOutboxOptions>().BindConfiguration("Outbox").ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(TeamsWebhookClient.HttpClientName);
        services.AddSingleton<ITeamsWebhook, TeamsWebhookClient>();
        services.AddSingleton<IAlertOutbox, AlertOutboxWriter>();
        return services;
    }
}
