using Microsoft.AspNetCore.Diagnostics;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Host.Problems;

/// <summary>
/// Turns request-shaped failures (unreadable JSON, a bad query value, a body over Kestrel's limit) into 4xx
/// problems that say what was wrong, instead of a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            InvalidPageTokenException => (StatusCodes.Status400BadRequest, "Invalid page token."),
            System.Text.Json.JsonException => (StatusCodes.Status400BadRequest, "The JSON body could not be read."),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = Describe(exception) },
        });
    }

    // Binding failures say which parameter and value; the inner exception (e.g. the JSON reader's) says where.
    private static string Describe(Exception exception) =>
        exception is BadHttpRequestException && exception.InnerException is { } inner
            ? $"{exception.Message} {inner.Message}"
            : exception.Message;
}
