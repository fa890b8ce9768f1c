using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage adapters. Reads the Functions convention first (<c>AzureWebJobsStorage</c> as a connection
    /// string, or the <c>AzureWebJobsStorage__*</c> identity settings), then the <c>Storage</c> section.
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
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageClients>();
        services.TryAddSingleton<IRecordStore, TableRecordStore>();
        services.TryAddSingleton<IUploadLog, UploadTableLog>();
        services.TryAddSingleton<IRawExportArchive, RawExportBlobArchive>();
        services.TryAddSingleton<IWorkQueue, StorageQueue>();
        services.TryAddSingleton<StorageHealth>();
        return services;
    }
}
