using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Pipeline;

namespace SocialFunctions.Functions.Ingest;

internal static class IngestServiceCollectionExtensions
{
    /// <summary>Upload limits (<c>Ingest</c> section), the format detector and the ingest pipeline. Needs <c>AddStorage</c>.</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration("Ingest").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(ExportFormatDetector.Default);
        services.AddSingleton<ExportIngestor>();
        return services;
    }
}
