using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Http;

namespace SocialFunctions.Functions.Records;

/// <summary>Read API over stored records: posts (paged) and daily series.</summary>
internal sealed class RecordFunctions(IRecordStore records)
{
    private const int DefaultPageSize = 500;
    private const int MaxPageSize = 1000;
    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><c>GET /api/brands/{brand}/posts?channel=&amp;from=&amp;to=&amp;next=&amp;pageSize=</c>.</summary>
    [Function("ListPosts")]
    public async Task<Results<Ok<PostsResponse>, ProblemHttpResult>> ListPostsAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/posts")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        var query = new QueryValues(request.Query);
        var channel = query.Text("channel");
        var from = query.Instant("from");
        var to = query.Instant("to");
        var pageSize = query.Int32("pageSize");
        if ((Validate(brand, channel, out var name) ?? query.Problem) is { } problem)
        {
            return problem;
        }

        try
        {
            var page = await records.QueryPostPageAsync(
                name, channel, from ?? Beginning, to ?? End, query.Text("next"), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize), cancellationToken);
            return TypedResults.Ok(new PostsResponse(page.Posts, page.Next));
        }
        catch (InvalidPageTokenException ex)
        {
            return Problems.BadRequest("Invalid page token.", ex.Message);
        }
    }

    /// <summary><c>GET /api/brands/{brand}/daily?channel=&amp;metric=&amp;from=&amp;to=</c> (dates yyyy-MM-dd).</summary>
    [Function("ListDailySeries")]
    public async Task<Results<Ok<DailySeriesResponse>, ProblemHttpResult>> ListDailySeriesAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/daily")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        var query = new QueryValues(request.Query);
        var channel = query.Text("channel");
        var from = query.Date("from");
        var to = query.Date("to");
        if ((Validate(brand, channel, out var name) ?? query.Problem) is { } problem)
        {
            return problem;
        }

        var values = new List<DailyMetric>();
        await foreach (var value in records.QueryDailyAsync(name, channel, query.Text("metric"), from, to, cancellationToken))
        {
            values.Add(value);
        }

        return TypedResults.Ok(new DailySeriesResponse([.. values.OrderBy(v => v.Channel).ThenBy(v => v.Metric).ThenBy(v => v.Date)]));
    }

    private static ProblemHttpResult? Validate(string brand, string? channel, out BrandName name) =>
        !BrandName.TryParse(brand, out name) ? Problems.InvalidBrand(brand)
        : channel is not null && !Channels.IsKnown(channel) ? Problems.BadRequest("Unknown channel.", $"'{channel}' is not a channel; use one of {string.Join(", ", Channels.All)}.")
        : null;
}

/// <summary>The body of <c>GET …/posts</c>: one page and the token of the next (null on the last page).</summary>
internal sealed record PostsResponse(IReadOnlyList<CanonicalPost> Posts, string? Next);

/// <summary>The body of <c>GET …/daily</c>, ordered by channel, metric and date.</summary>
internal sealed record DailySeriesResponse(IReadOnlyList<DailyMetric> Values);
