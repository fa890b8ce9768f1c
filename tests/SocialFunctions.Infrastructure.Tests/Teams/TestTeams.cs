using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialFunctions.Infrastructure.Teams;

namespace SocialFunctions.Infrastructure.Tests.Teams;

/// <summary>A <see cref="TeamsWebhookClient"/> as the app builds it, on the HttpClient factory.</summary>
internal static class TestTeams
{
    public static TeamsWebhookClient Client(TimeProvider time, TeamsOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(TeamsWebhookClient.HttpClientName);
        return new TeamsWebhookClient(
            services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(),
            Options.Create(options ?? new TeamsOptions()),
            time,
            NullLogger<TeamsWebhookClient>.Instance);
    }
}
