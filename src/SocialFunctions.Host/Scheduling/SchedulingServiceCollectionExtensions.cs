using SocialFunctions.Host.Hosting;

namespace SocialFunctions.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>In standalone mode, the handler fires its own timers and drains its own queues.</summary>
    public static IServiceCollection AddStandaloneScheduling(this IServiceCollection services, HandlerMode mode)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration("Scheduling");
        services.AddHttpClient(nameof(SelfInvoker));
        services.AddSingleton<SelfInvoker>();
        if (mode == HandlerMode.Standalone)
        {
            services.AddHostedService<StandaloneTimerScheduler>();
            services.AddHostedService<StandaloneQueuePump>();
        }

        return services;
    }
}
