using System.Globalization;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using SocialFunctions.Host.Invocation;
using SocialFunctions.Host.Problems;

namespace SocialFunctions.Host.Alerts;

public static class AlertsEndpoints
{
    /// <summary>
    /// <c>GET /api/brands/{brand}/series?asOf=yyyy-MM-dd</c> (ListSeriesHealth), <c>POST /api/brands/{brand}/series/check</c>
    /// (CheckSeries), the queue function <c>CheckBrandSeries</c> (message = brand) and the timer <c>PlanSeriesChecks</c>
    /// (one <c>series-checks</c> message per brand).
    /// </summary>
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{brand}/series", ListAsync).WithName("ListSeriesHealth");
        app.MapPost("/api/brands/{brand}/series/check", CheckAsync).WithName("CheckSeries");
        app.MapFunction("CheckBrandSeries", CheckBrandSeriesAsync);
        app.MapFunction("PlanSeriesChecks", PlanSeriesChecksAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string brand, string? asOf, SeriesCheckService service, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!BrandName.IsValid(brand))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        var at = time.GetUtcNow();
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return ProblemResults.BadRequest("Invalid asOf.", $"Query parameter 'asOf' is '{asOf}'; use a date as yyyy-MM-dd.");
            }

            // The whole day counts: posts of that day are part of the picture "as of" it.
            at = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        }

        var verdicts = await service.EvaluateAsync(brand, at, cancellationToken);
        return Results.Ok(new SeriesListResponse([.. verdicts.Select(SeriesHealthItem.From)]));
    }

    private static async Task<IResult> CheckAsync(string brand, SeriesCheckService service, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!BrandName.IsValid(brand))
        {
            return ProblemResults.InvalidBrand(brand);
        }

        var result = await RunCheckAsync(brand, service, loggers.CreateLogger("SocialFunctions.Alerts"), cancellationToken);
        return Results.Ok(new SeriesCheckResponse(result.Brand, result.CheckedAt, [.. result.Series.Select(SeriesHealthItem.From)], result.Sent));
    }

    private static async Task<FunctionResult> CheckBrandSeriesAsync(FunctionInvocation invocation, SeriesCheckService service, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("SocialFunctions.Alerts");
        var brand = invocation.GetString("message")?.Trim().Trim('"');
        if (!BrandName.IsValid(brand))
        {
            // A malformed message fails the same way on every redelivery: log it and let it go.
            var reason = $"no valid brand in message '{brand}'";
            AlertsLog.IgnoredMessage(logger, reason);
            return FunctionResult.Ok($"ignored: {reason}");
        }

        var result = await RunCheckAsync(brand!, service, logger, cancellationToken);
        return FunctionResult.Ok(result.Sent, [.. result.Sent.Select(s => $"{brand} {s.Channel}/{s.Series}: {s.Kind} via {s.Via} ({(s.Delivered ? "delivered" : "failed: " + s.Detail)})")]);
    }

    private static async Task<FunctionResult> PlanSeriesChecksAsync(FunctionInvocation invocation, IBrandSettingsStore brands, IWorkQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var settings in brands.ListAsync(cancellationToken))
        {
            await queue.EnqueueAsync(WorkQueues.SeriesChecks, settings.Brand, cancellationToken);
            count++;
        }

        AlertsLog.Planned(loggers.CreateLogger("SocialFunctions.Alerts"), count);
        return FunctionResult.Ok($"{count} series checks enqueued");
    }

    private static async Task<SeriesCheckResult> RunCheckAsync(string brand, SeriesCheckService service, ILogger logger, CancellationToken cancellationToken)
    {
        var result = await service.CheckAsync(brand, cancellationToken);
        foreach (var failed in result.Sent.Where(s => !s.Delivered))
        {
            AlertsLog.NotDelivered(logger, failed.Kind, failed.Series, failed.Channel, brand, failed.Detail);
        }

        AlertsLog.Checked(logger, brand, result.Series.Count, result.Sent.Count(s => s.Delivered));
        return result;
    }
}

/// <summary>The body of <c>GET /api/brands/{brand}/series</c>.</summary>
public sealed record SeriesListResponse(IReadOnlyList<SeriesHealthItem> Series);

/// <summary>The body of <c>POST /api/brands/{brand}/series/check</c>: verdicts and what was sent.</summary>
public sealed record SeriesCheckResponse(string Brand, DateTimeOffset CheckedAt, IReadOnlyList<SeriesHealthItem> Series, IReadOnlyList<SentAlert> Sent);

/// <summary>One series in the API (issue 6's field list, and issue 11's evidence: onset, posts below the median, basis, sentence).</summary>
public sealed record SeriesHealthItem(
    string Channel,
    string Series,
    string Status,
    double? RecentEngagementRate,
    double? BaselineEngagementRate,
    double? RelativeGap,
    int Posts,
    double Confidence,
    DateTimeOffset? Since,
    DateTimeOffset? OnsetAt,
    int PostsBelowMedian,
    string? BaselineBasis,
    string? BaselineContentType,
    int BaselinePosts,
    double? Statistic,
    string Evidence)
{
    public static SeriesHealthItem From(SeriesHealth h) =>
        new(h.Channel, h.Series, h.Status, h.RecentEngagementRate, h.BaselineEngagementRate, h.RelativeGap, h.Posts, h.Confidence, h.Since,
            h.OnsetAt, h.PostsBelowMedian, h.BaselineBasis, h.BaselineContentType, h.BaselinePosts, h.Statistic, SeriesEvidenceFormatter.Describe(h));
}
