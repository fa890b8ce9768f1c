using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Reporting;
using SocialFunctions.Reports;

namespace SocialFunctions.Host.Reporting;

public static class ReportDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The monthly run and on-demand PDFs: <see cref="ReportDelivery"/> with its run table, PDF archive and mail sender
    /// (<c>Mail:Mode</c> Outbox|Graph), and the trend report renderer behind <see cref="IReportRenderer"/>. Needs
    /// <c>AddStorage</c>, an <see cref="IBrandSettingsStore"/> and an <see cref="IReportModelSource"/>.
    /// </summary>
    public static IServiceCollection AddReportDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<TrendReportRenderer>();
        services.TryAddSingleton<IReportRenderer, TrendReportPdfRenderer>();
        services.AddReportDeliveryAdapters(configuration);
        return services;
    }
}
