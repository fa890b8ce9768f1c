using System.Globalization;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Host.Problems;

namespace SocialFunctions.Host.Records;

public static class RecordEndpoints
{
    private const int DefaultPageSize = 500;
    private const int MaxPageSize = 1000;

    /// <summary>Read API over stored records: posts (paged) and daily series.</summary>
    public static IEndpointRouteBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{brand}/posts", ListPostsAsync).WithName("ListPosts");
        app.MapGet("/api/brands/{brand}/daily", ListDailyAsync).WithName("ListDailySeries");
        return app;
    }

    private static async Task<IResult> ListPostsAsync(
        string brand, string? channel, string? from, string? to, string? next, int? pageSize, IRecordStore records, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        if (channel is not null && !Channels.IsKnown(channel))
        {
            return ProblemResults.BadRequest("Unknown channel.", $"'{channel}' is not a channel; use one of {string.Join(", ", Channels.All)}.");
        }

        if (!TryParseInstant(from, out var fromInstant, out var problem) || !TryParseInstant(to, out var toInstant, out problem))
        {
            return ProblemResults.BadRequest("Invalid date.", problem!);
        }

        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        var page = await records.QueryPostPageAsync(
            name,
            channel,
            fromInstant ?? new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
            toInstant ?? new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
            next,
            size,
            cancellationToken);
        return Results.Ok(new { posts = page.Posts, next = page.Next });
    }

    private static async Task<IResult> ListDailyAsync(
        string brand, string? channel, string? metric, DateOnly? from, DateOnly? to, IRecordStore records, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        if (channel is not null && !Channels.IsKnown(channel))
        {
            return ProblemResults.BadRequest("Unknown channel.", $"'{channel}' is not a channel; use one of {string.Join(", ", Channels.All)}.");
        }

        var values = new List<DailyMetric>();
        await foreach (var value in records.QueryDailyAsync(name, channel, metric, from, to, cancellationToken))
        {
            values.Add(value);
        }

        return Results.Ok(new { values = values.OrderBy(v => v.Channel).ThenBy(v => v.Metric).ThenBy(v => v.Date) });
    }

    /// <summary>Accepts a date (midnight UTC) or an ISO 8601 instant.</summary>
    private static bool TryParseInstant(string? value, out DateTimeOffset? instant, out string? problem)
    {
        instant = null;
        problem = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        problem = $"'{value}' is not a date (yyyy-MM-dd) or an ISO 8601 instant.";
        return false;
    }
}
