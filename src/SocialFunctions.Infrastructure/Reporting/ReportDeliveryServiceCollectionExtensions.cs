using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Ports;
using SocialFunctions.Infrastructure.Mail;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Infrastructure.Reporting;

public static class ReportDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReportDelivery"/>, the run store (table <c>reportruns</c>), the PDF archive (container
    /// <c>reports</c>) and the mail sender (<see cref="MailServiceCollectionExtensions.AddMail"/>). Needs
    /// <c>AddStorage</c>, an <see cref="IBrandSettingsStore"/>, an <see cref="IReportModelSource"/> and an
    /// <see cref="IReportRenderer"/> registered as well.
    /// </summary>
    public static IServiceCollection AddReportDeliveryAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportDeliveryOptions>().BindConfiguration("Reports:Delivery").ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReportRunStore, ReportRunTableStore>();
        services.TryAddSingleton<IReportArchive, ReportBlobArchive>();
        services.AddMail(configuration);
        services.TryAddSingleton<ReportDelivery>();
        return services;
    }
}
