namespace SocialFunctions.Functions.Ingest;

internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Ingested {File} for {Brand}: format {Format}, {Status}, {Accepted} rows accepted, {Rejected} rejected, duplicate {Duplicate}")]
    public static partial void FileIngested(ILogger logger, string brand, string file, string format, string status, int accepted, int rejected, bool duplicate);
}
