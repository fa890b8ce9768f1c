using SocialFunctions.Core.Digest;

namespace SocialFunctions.Functions.Digest;

internal static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// The weekly status digest: options <c>Digest</c> and <see cref="WeeklyDigestService"/>. The detector, the alert
    /// options (public base URL) and the adapters come from <c>AddReporting</c>, <c>AddAlerts</c>, <c>AddStorage</c>,
    /// <c>AddMail</c>, <c>AddTeams</c> and <c>AddReports</c>.
    /// </summary>
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WeeklyDigestService>();
        return services;
    }
}
