using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace SocialFunctions.Functions.Http;

/// <summary>
/// Reads a JSON request body with the app's JSON options. Unreadable JSON is a 400 saying where it breaks (the
/// reader's line and byte position), a non-JSON content type a 415, a body of length 0 null — never a 500.
/// </summary>
internal sealed class JsonBody(IOptions<JsonOptions> options)
{
    public async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentType is { } type && !request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type.",
                detail: $"Send the body as application/json (got {type})."));
        }

        try
        {
            // No body at all reads as null (the function says what is missing); anything else must be JSON.
            return request.ContentLength == 0
                ? (null, null)
                : (await JsonSerializer.DeserializeAsync<T>(request.Body, options.Value.SerializerOptions, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest("The JSON body could not be read.", ex.Message));
        }
        catch (BadHttpRequestException ex)
        {
            return (null, Problems.Unreadable(ex));
        }
    }
}
