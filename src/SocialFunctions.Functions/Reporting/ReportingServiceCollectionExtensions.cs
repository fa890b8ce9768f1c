using Microsoft.Extensions.Options;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Functions.Reporting;

internal static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// The monthly report: <see cref="ReportModelSource"/> (JSON/CSV and delivery) with its builder, the series detector
    /// (options <c>Series:Detection</c>) whose verdicts the report's series table and the alerts share, and
    /// <see cref="ReportDelivery"/> (options <c>Reports:Delivery</c>). Adapters come from <c>AddStorage</c>,
    /// <c>AddMail</c> and <c>AddReports</c> (renderer and wording).
    /// </summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SeriesDetectionOptions>().BindConfiguration(SeriesDetectionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SeriesDetector(sp.GetRequiredService<IOptions<SeriesDetectionOptions>>().Value));
        services.AddSingleton(sp => new TrendReportBuilder(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ReportModelSource>();
        services.AddOptions<ReportDeliveryOptions>().BindConfiguration("Reports:Delivery").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportDelivery>();
        services.AddSingleton<ReportCatalog>();
        services.AddSingleton<CoverageTimeline>();
        return services;
    }
}
