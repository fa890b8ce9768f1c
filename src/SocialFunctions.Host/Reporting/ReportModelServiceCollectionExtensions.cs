using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Host.Reporting;

public static class ReportModelServiceCollectionExtensions
{
    /// <summary>
    /// The analytics behind the monthly report: <see cref="IReportModelSource"/> (used by the JSON/CSV endpoints and by
    /// delivery), the commentary store and the brand settings store. Needs <c>AddStorage</c>.
    /// </summary>
    public static IServiceCollection AddReportModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBrandSettingsStore, BrandSettingsTableStore>();
        services.TryAddSingleton<ICommentaryStore, CommentaryTableStore>();
        services.TryAddSingleton(sp => new TrendReportBuilder(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IReportModelSource, ReportModelSource>();
        return services;
    }
}
