using Microsoft.Extensions.Options;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Host.Reporting;

public static class ReportModelServiceCollectionExtensions
{
    /// <summary>
    /// The analytics behind the monthly report: <see cref="ReportModelSource"/> (used by the JSON/CSV endpoints and by
    /// delivery) with its builder, and the series detector (options <c>Series:Detection</c>) whose verdicts the report's
    /// series table and the alerts share. Stores come from <c>AddStorage</c>, the insight wording from <c>AddReports</c>.
    /// </summary>
    public static IServiceCollection AddReportModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SeriesDetectionOptions>().BindConfiguration(SeriesDetectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SeriesDetector(sp.GetRequiredService<IOptions<SeriesDetectionOptions>>().Value));
        services.AddSingleton(sp => new TrendReportBuilder(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReportModelSource>();
        return services;
    }
}
