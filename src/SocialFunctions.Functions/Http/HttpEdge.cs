using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Functions.Http;

/// <summary>
/// What every HTTP function goes through, under the Functions host (<see cref="HttpEdgeWorkerMiddleware"/>) and on the
/// local server alike: the access check (<see cref="ApiAccess"/>) before the function runs, and after it a storage
/// outage turned into 503 with Retry-After instead of a 500 (the answer says nothing was lost and what to do).
/// </summary>
internal sealed partial class HttpEdge(ApiAccess access, IOptions<StorageOptions> storage, ILogger<HttpEdge> logger)
{
    /// <summary>Null when the request may reach its function; else the answer to give instead.</summary>
    public IResult? Admit(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var denied = access.Check(context.Request);
        if (denied is not null)
        {
            Refused(logger, context.Request.Method, LogText.Safe(context.Request.Path.Value));
        }

        return denied;
    }

    /// <summary>The answer for a function that threw, when the cause is a storage outage; false for anything else.</summary>
    public bool TryAnswer(Exception exception, HttpContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IResult? answer)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(context);
        answer = null;
        if (!StorageFaults.IsUnavailable(exception, context.RequestAborted))
        {
            return false;
        }

        var retryAfter = storage.Value.RetryAfter;
        StorageUnavailable(logger, context.Request.Method, LogText.Safe(context.Request.Path.Value), exception.GetType().Name, LogText.Safe(exception.Message));
        answer = new RetryLater(retryAfter, TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage is unavailable.",
            detail: $"Storage did not answer after its retries, so the request was not completed. Nothing you sent is lost: an upload's file " +
                    $"is kept or was not taken, and rows already written are recognised when you send it again. Try again in {(int)retryAfter.TotalSeconds} s."));
        return true;
    }

    [LoggerMessage(1201, LogLevel.Warning, "Refused {Method} {Path}: no valid credentials")]
    private static partial void Refused(ILogger logger, string method, string path);

    [LoggerMessage(1202, LogLevel.Error, "{Method} {Path} answered 503: storage unavailable ({Exception}: {Message})")]
    private static partial void StorageUnavailable(ILogger logger, string method, string path, string exception, string message);

    /// <summary>A problem answer with a Retry-After header (whole seconds).</summary>
    private sealed class RetryLater(TimeSpan after, ProblemHttpResult problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
