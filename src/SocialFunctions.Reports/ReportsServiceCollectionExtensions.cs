using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>
    /// Every word and look the application produces: the PDF renderer (<see cref="IReportRenderer"/>), the insight
    /// sentences, the report mail, and the series alert card and mail — in English and French.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<IReportRenderer, TrendReportRenderer>();
        services.AddSingleton<IInsightWording, InsightSentences>();
        services.AddSingleton<IReportMailWording, ReportMailWriter>();
        services.AddSingleton<ISeriesAlertWording, SeriesAlertMessages>();
        services.AddSingleton<ISeriesWording, SeriesWords>();
        services.AddSingleton<IDigestWording, WeeklyDigestMessages>();
        return services;
    }
}
