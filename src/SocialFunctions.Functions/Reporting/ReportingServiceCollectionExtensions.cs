using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Reporting;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Reports;

namespace SocialFunctions.Functions.Reporting;

internal static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// The monthly report: the model source (JSON/CSV and delivery), the commentary store, <see cref="ReportDelivery"/>
    /// with its run table, PDF archive and mail sender (<c>Mail:Mode</c> Outbox|Graph), and the trend report renderer
    /// behind <see cref="IReportRenderer"/>. Needs <c>AddStorage</c> and <c>AddBrands</c>.
    /// </summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICommentaryStore, CommentaryTableStore>();
        services.TryAddSingleton(sp => new TrendReportBuilder(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IReportModelSource, ReportModelSource>();
        services.TryAddSingleton<TrendReportRenderer>();
        services.TryAddSingleton<IReportRenderer, TrendReportPdfRenderer>();
        services.AddReportDeliveryAdapters(configuration);
        return services;
    }
}
