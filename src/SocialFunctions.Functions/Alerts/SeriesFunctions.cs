using Microsoft.AspNetCore.Http.HttpResults;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using SocialFunctions.Functions.Http;
using SocialFunctions.Functions.Queues;
using SocialFunctions.Functions.Telemetry;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Functions.Alerts;

/// <summary>
/// Series health: <c>GET …/series?asOf=</c> (ListSeriesHealth), <c>POST …/series/check</c> (CheckSeries), the timer
/// <c>PlanSeriesChecks</c> (one <c>series-checks</c> message per brand) and the queue function <c>CheckBrandSeries</c>.
/// </summary>
internal sealed class SeriesFunctions(
    SeriesCheckService service,
    IBrandSettingsStore brands,
    IWorkQueue queue,
    PipelineMetrics metrics,
    TimeProvider timeProvider,
    ILogger<SeriesFunctions> logger)
{
    [Function("ListSeriesHealth")]
    public async Task<Results<Ok<SeriesListResponse>, ProblemHttpResult>> ListAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/series")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        var query = new QueryValues(request.Query);
        var asOf = query.Date("asOf");
        if (query.Problem is { } problem)
        {
            return problem;
        }

        // The whole day counts: posts of that day are part of the picture "as of" it.
        var at = asOf is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : timeProvider.GetUtcNow();
        var verdicts = await service.EvaluateAsync(name, at, cancellationToken);
        var settings = await brands.GetAsync(name, cancellationToken) ?? BrandSettings.CreateDefault(name);
        return TypedResults.Ok(new SeriesListResponse([.. verdicts.Select(h => SeriesHealthItem.From(h, settings))]));
    }

    [Function("CheckSeries")]
    public async Task<Results<Ok<SeriesCheckResponse>, ProblemHttpResult>> CheckAsync(
        [HttpTrigger(ApiAccess.HostLevel, "post", Route = "api/brands/{brand}/series/check")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        var result = await RunCheckAsync(name, cancellationToken);
        var settings = await brands.GetAsync(name, cancellationToken) ?? BrandSettings.CreateDefault(name);
        return TypedResults.Ok(new SeriesCheckResponse(result.Brand, result.CheckedAt, [.. result.Series.Select(h => SeriesHealthItem.From(h, settings))], result.Sent));
    }

    [Function("PlanSeriesChecks")]
    [FixedDelayRetry(2, "00:01:00")]
    public async Task PlanAsync([TimerTrigger("%SERIES_CHECK_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var settings in brands.ListAsync(cancellationToken))
        {
            await queue.EnqueueAsync(WorkQueues.SeriesChecks, BrandWorkItem.Serialize(settings.Brand), cancellationToken);
            count++;
        }

        AlertsLog.Planned(logger, count);
    }

    [Function("CheckBrandSeries")]
    public async Task CheckBrandAsync([QueueTrigger(WorkQueues.SeriesChecks)] BrandWorkItem message, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(message.Brand, out var brand))
        {
            throw new InvalidWorkItemException($"A {WorkQueues.SeriesChecks} message names no valid brand ('{message.Brand}').");
        }

        await RunCheckAsync(brand, cancellationToken);
    }

    private async Task<SeriesCheckResult> RunCheckAsync(BrandName brand, CancellationToken cancellationToken)
    {
        var result = await service.CheckAsync(brand, cancellationToken);
        foreach (var sent in result.Sent)
        {
            if (sent.Delivered)
            {
                metrics.AlertPosted(sent.Via);
            }
            else
            {
                AlertsLog.NotDelivered(logger, sent.Kind, LogText.Safe(sent.Series), sent.Channel, brand, LogText.Safe(sent.Detail));
            }
        }

        AlertsLog.Checked(logger, brand, result.Series.Count, result.Sent.Count(s => s.Delivered));
        return result;
    }
}

/// <summary>The body of <c>GET /api/brands/{brand}/series</c>.</summary>
internal sealed record SeriesListResponse(IReadOnlyList<SeriesHealthItem> Series);

/// <summary>The body of <c>POST /api/brands/{brand}/series/check</c>: verdicts and what was sent.</summary>
internal sealed record SeriesCheckResponse(BrandName Brand, DateTimeOffset CheckedAt, IReadOnlyList<SeriesHealthItem> Series, IReadOnlyList<SentAlert> Sent);

/// <summary>
/// One series in the API (issue 6's field list, and issue 11's evidence: onset, posts below the median, basis, sentence; the recent posts' rates for a sparkline).
/// The sentence is in the brand's language, its onset dated in the brand's time zone, as in the report and the card.
/// </summary>
internal sealed record SeriesHealthItem(
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
    string Evidence,
    IReadOnlyList<SeriesTrendPoint> Trend)
{
    public static SeriesHealthItem From(SeriesHealth h, BrandSettings settings) =>
        new(h.Channel, h.Series, h.Status, h.RecentEngagementRate, h.BaselineEngagementRate, h.RelativeGap, h.Posts, h.Confidence, h.Since,
            h.OnsetAt, h.PostsBelowMedian, h.BaselineBasis, h.BaselineContentType, h.BaselinePosts, h.Statistic, SeriesWords.Evidence(h, settings.Locale, settings.Clock.Zone),
            [.. h.RecentPosts.Select(p => new SeriesTrendPoint(p.PublishedAt, p.EngagementRate))]);
}

/// <summary>One recent post of a series: when, and its engagement rate.</summary>
internal sealed record SeriesTrendPoint(DateTimeOffset PublishedAt, double EngagementRate);
