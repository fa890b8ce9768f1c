using Microsoft.AspNetCore.Http.HttpResults;

namespace SocialFunctions.Functions.Http;

/// <summary>The 4xx answers every function shares, as application/problem+json that says what was wrong.</summary>
internal static class Problems
{
    public static ProblemHttpResult InvalidBrand(string brand) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid brand name.",
        detail: $"'{brand}' is not a brand name: use 1 to 40 lower-case letters, digits or hyphens ([a-z0-9-]{{1,40}}).");

    public static ProblemHttpResult InvalidMonth(string month) =>
        BadRequest("Invalid month.", $"'{month}' is not a month: use yyyy-MM, e.g. 2026-10.");

    public static ProblemHttpResult TooLarge(long maxBytes) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Upload too large.",
        detail: $"The upload is larger than the limit of {maxBytes / (1024 * 1024)} MB ({maxBytes} bytes). Split the export by date range, or raise Ingest:MaxUploadBytes.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult UnknownBrand(string brand) =>
        NotFound("Unknown brand.", $"Brand '{brand}' has no settings and no uploads.");

    /// <summary>A request Kestrel refused while we read it (body over its limit, cut off): its own status, said plainly.</summary>
    public static ProblemHttpResult Unreadable(BadHttpRequestException exception) => TypedResults.Problem(
        statusCode: exception.StatusCode,
        title: "The request could not be read.",
        detail: exception.InnerException is { } inner ? $"{exception.Message} {inner.Message}" : exception.Message);
}
