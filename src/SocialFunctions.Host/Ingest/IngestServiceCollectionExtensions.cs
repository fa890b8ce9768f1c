using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Pipeline;

namespace SocialFunctions.Host.Ingest;

public static class IngestServiceCollectionExtensions
{
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(ExportFormatDetector.Default);
        services.AddSingleton<ExportIngestor>();
        return services;
    }
}
