using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SocialFunctions.Functions.Http;

/// <summary>
/// Reads typed query parameters. The isolated worker binds route values only, so the query is parsed here; the first
/// bad value becomes <see cref="Problem"/>, a 400 that names the parameter, the value and the expected form.
/// </summary>
internal sealed class QueryValues(IQueryCollection query)
{
    public ProblemHttpResult? Problem { get; private set; }

    public string? Text(string name) => query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values[0]) ? values[0] : null;

    /// <summary>A date written yyyy-MM-dd.</summary>
    public DateOnly? Date(string name) => Parse(name, "a date as yyyy-MM-dd", text =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null);

    /// <summary>A date (midnight UTC) or an ISO 8601 instant.</summary>
    public DateTimeOffset? Instant(string name) => Parse(name, "a date (yyyy-MM-dd) or an ISO 8601 instant", text =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : (DateTimeOffset?)null);

    public int? Int32(string name) => Parse(name, "a whole number", text =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null);

    public bool? Boolean(string name) => Parse(name, "true or false", text => bool.TryParse(text, out var flag) ? flag : (bool?)null);

    private T? Parse<T>(string name, string expected, Func<string, T?> parse)
        where T : struct
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Problem ??= Problems.BadRequest($"Invalid {name}.", $"Query parameter '{name}' is '{text}'; use {expected}.");
        }

        return value;
    }
}
