using System.Net.Sockets;
using Azure;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>
/// Tells a storage outage (the SDK's retries spent on 408/429/5xx, timeouts, broken connections, or rows that kept
/// changing under conditional writes) from a bug or bad input. An outage is the caller's cue to try again later: an
/// HTTP function answers 503 with Retry-After, never 500, and never 200 on data it could not finish writing.
/// </summary>
public static class StorageFaults
{
    /// <param name="exception">What a storage call threw (possibly the SDK's AggregateException of every attempt).</param>
    /// <param name="callerGone">The caller's own cancellation: a request the client aborted is not an outage.</param>
    public static bool IsUnavailable(Exception exception, CancellationToken callerGone)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            StorageContentionException => true,
            RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
            RequestFailedException => false,
            OperationCanceledException => !callerGone.IsCancellationRequested,
            AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => IsUnavailable(e, callerGone)),
            IOException or SocketException or HttpRequestException => true,
            _ => exception.InnerException is { } inner && IsUnavailable(inner, callerGone),
        };
    }
}
