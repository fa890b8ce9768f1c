using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Host.Reporting;

public static class ReportDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The monthly run and on-demand PDFs: <see cref="ReportDelivery"/> (options <c>Reports:Delivery</c>). Its adapters come
    /// from <c>AddStorage</c> (runs, archive, settings), <c>AddMail</c> and <c>AddReports</c> (renderer, mail wording).
    /// </summary>
    public static IServiceCollection AddReportDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportDeliveryOptions>().BindConfiguration("Reports:Delivery").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportDelivery>();
        return services;
    }
}
