namespace SocialFunctions.Core.Ports;

/// <summary>Fan-out work items (one report per brand, one series check per upload) through Storage Queues.</summary>
public interface IWorkQueue
{
    Task EnqueueAsync(string queueName, string message, CancellationToken cancellationToken);
}

/// <summary>Queue names; they match the queueTrigger bindings in the function folders.</summary>
public static class WorkQueues
{
    public const string ReportRequests = "report-requests";
    public const string SeriesChecks = "series-checks";
    public const string DigestRequests = "digest-requests";
}
