namespace SocialFunctions.Host.Problems;

/// <summary>The 4xx answers every endpoint shares, as application/problem+json that says what was wrong.</summary>
public static class ProblemResults
{
    public static IResult InvalidBrand(string brand) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid brand name.",
        detail: $"'{brand}' is not a brand name: use 1 to 40 lower-case letters, digits or hyphens ([a-z0-9-]{{1,40}}).");

    public static IResult TooLarge(long maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Upload too large.",
        detail: $"The upload is larger than the limit of {maxBytes / (1024 * 1024)} MB ({maxBytes} bytes). Split the export by date range, or raise Ingest:MaxUploadBytes.");

    public static IResult BadRequest(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static IResult NotFound(string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
