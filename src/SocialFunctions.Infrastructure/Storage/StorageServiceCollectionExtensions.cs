using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every storage adapter, once: records, uploads, raw and report archives, brand settings, commentary,
    /// report runs, digest runs, series episodes and the work queue. Reads the Functions convention first (<c>AzureWebJobsStorage</c>
    /// as a connection string, or the <c>AzureWebJobsStorage__*</c> identity settings), then the <c>Storage</c> section.
    /// Needs a <see cref="TimeProvider"/> registered by the composition root.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Configure(o =>
            {
                var section = configuration.GetSection("AzureWebJobsStorage");
                o.ConnectionString = section.Value;
                o.AccountName = section["accountName"];
                o.ClientId = section["clientId"];
                o.BlobServiceUri = Uri.TryCreate(section["blobServiceUri"], UriKind.Absolute, out var b) ? b : null;
                o.QueueServiceUri = Uri.TryCreate(section["queueServiceUri"], UriKind.Absolute, out var q) ? q : null;
                o.TableServiceUri = Uri.TryCreate(section["tableServiceUri"], UriKind.Absolute, out var t) ? t : null;
            })
            .BindConfiguration("Storage")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<StorageClients>();
        services.AddSingleton<IRecordStore, TableRecordStore>();
        services.AddSingleton<IUploadLog, UploadTableLog>();
        services.AddSingleton<IRawExportArchive, RawExportBlobArchive>();
        services.AddSingleton<IBrandSettingsStore, BrandSettingsTableStore>();
        services.AddSingleton<ICommentaryStore, CommentaryTableStore>();
        services.AddSingleton<IReportRunStore, ReportRunTableStore>();
        services.AddSingleton<IDigestRunStore, DigestRunTableStore>();
        services.AddSingleton<IReportArchive, ReportBlobArchive>();
        services.AddSingleton<ISeriesStateStore, SeriesStateTableStore>();
        services.AddSingleton<IWorkQueue, StorageQueue>();
        services.AddSingleton<StorageHealth>();
        return services;
    }
}
