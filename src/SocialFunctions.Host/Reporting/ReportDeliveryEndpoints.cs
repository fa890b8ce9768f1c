using System.Globalization;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Host.Invocation;
using SocialFunctions.Host.Problems;

namespace SocialFunctions.Host.Reporting;

public static class ReportDeliveryEndpoints
{
    /// <summary>
    /// <c>PlanMonthlyReports</c> (timer) fans out one <c>report-requests</c> message per brand with a due period;
    /// <c>RenderBrandReport</c> (queue) renders and archives every due period of a brand and mails the latest;
    /// <c>POST /api/brands/{brand}/reports/{month}/send[?force=true]</c> sends one period now;
    /// <c>GET /api/brands/{brand}/reports/{month}.pdf</c> serves the archived PDF (ETag, 304) or renders and archives it.
    /// </summary>
    public static IEndpointRouteBuilder MapReportDelivery(this IEndpointRouteBuilder app)
    {
        app.MapFunction("PlanMonthlyReports", PlanMonthlyReportsAsync);
        app.MapFunction("RenderBrandReport", RenderBrandReportAsync);
        app.MapPost("/api/brands/{brand}/reports/{month}/send", SendAsync).WithName("SendReport");
        app.MapGet("/api/brands/{brand}/reports/{month}.pdf", GetPdfAsync).WithName("GetReportPdf");
        return app;
    }

    private static async Task<FunctionResult> PlanMonthlyReportsAsync(
        FunctionInvocation invocation, IBrandSettingsStore brands, ReportDelivery delivery, IWorkQueue queue, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("SocialFunctions.Reporting");
        var logs = new List<string>();
        await foreach (var settings in brands.ListAsync(cancellationToken))
        {
            IReadOnlyList<ReportMonth> due;
            try
            {
                due = await delivery.DuePeriodsAsync(settings, cancellationToken);
            }
            catch (Exception ex) when (ex is FormatException or TimeZoneNotFoundException)
            {
                // One brand's bad schedule settings must not stop the others' reports.
                ReportDeliveryLog.SkippedBrand(logger, settings.Brand, ex.Message);
                logs.Add($"{settings.Brand}: skipped ({ex.Message})");
                continue;
            }

            if (due.Count == 0)
            {
                continue;
            }

            await queue.EnqueueAsync(WorkQueues.ReportRequests, JsonSerializer.Serialize(new ReportRequest(settings.Brand), JsonSerializerOptions.Web), cancellationToken);
            ReportDeliveryLog.Enqueued(logger, settings.Brand, due.Count, due[0].ToString());
            logs.Add($"{settings.Brand}: {string.Join(", ", due)} due; enqueued");
        }

        return FunctionResult.Ok([.. logs]);
    }

    private static async Task<FunctionResult> RenderBrandReportAsync(
        FunctionInvocation invocation, ReportDelivery delivery, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("SocialFunctions.Reporting");
        var brand = ReportRequest.BrandOf(invocation.GetString("message"));
        if (!BrandName.TryParse(brand, out var name))
        {
            // A malformed message would fail the same way on every redelivery: log it and let it go.
            var reason = $"no valid brand in message '{Shorten(invocation.GetString("message"))}'";
            ReportDeliveryLog.IgnoredMessage(logger, reason);
            return FunctionResult.Ok($"ignored: {reason}");
        }

        var results = await delivery.DeliverDueAsync(name, cancellationToken);
        foreach (var result in results)
        {
            ReportDeliveryLog.PeriodDone(logger, name, result.Month.ToString(), result.State.ToString());
        }

        return FunctionResult.Ok(
            results.Select(r => new { r.Month, State = r.State.ToString(), r.Run?.FailureReason }).ToList(),
            [.. results.Select(r => $"{brand} {r.Month}: {r.State}{(r.Run?.FailureReason is { } why && r.State == ReportDeliveryState.Failed ? $" ({why})" : "")}")]);
    }

    private static async Task<IResult> SendAsync(
        string brand, string month, HttpRequest request, IBrandSettingsStore brands, ReportDelivery delivery, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (name, period, problem) = await ValidateAsync(brand, month, brands, timeProvider, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var force = false;
        if (request.Query.TryGetValue("force", out var forceText) && !bool.TryParse(forceText, out force))
        {
            return ProblemResults.BadRequest("Invalid force flag.", $"Query parameter 'force' is '{forceText}'; use true or false.");
        }

        // Sending needs a sender and recipients, which only brand settings provide.
        if (await brands.GetAsync(name, cancellationToken) is null)
        {
            return ProblemResults.NotFound("Unknown brand.", $"Brand '{brand}' has no settings; PUT /api/brands/{brand} with its recipients and sender first.");
        }

        var result = await delivery.SendAsync(name, period, force, cancellationToken);
        return result.State switch
        {
            ReportDeliveryState.Sent or ReportDeliveryState.AlreadyDelivered => Results.Ok(new SendReportResponse(result.State.ToString(), result.Run)),
            ReportDeliveryState.Busy => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The report is being processed.",
                detail: $"Another run holds {brand} {month} (claimed at {result.Run?.ClaimedAt:O}); try again in a few minutes.",
                extensions: new Dictionary<string, object?> { ["run"] = result.Run }),
            ReportDeliveryState.GaveUp => Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The report failed too often.",
                detail: $"{brand} {month} failed {result.Run?.Attempts} times (last: {result.Run?.FailureReason}); send with ?force=true to try again.",
                extensions: new Dictionary<string, object?> { ["run"] = result.Run }),
            _ => Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The report could not be sent.",
                detail: result.Run?.FailureReason,
                extensions: new Dictionary<string, object?> { ["run"] = result.Run }),
        };
    }

    private static async Task<IResult> GetPdfAsync(
        string brand, string month, HttpRequest request, IBrandSettingsStore brands, ReportDelivery delivery, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var (name, period, problem) = await ValidateAsync(brand, month, brands, timeProvider, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        ArchivedReportContent pdf;
        try
        {
            pdf = await delivery.GetOrRenderPdfAsync(name, period, cancellationToken);
        }
        catch (UnknownBrandException)
        {
            return ProblemResults.NotFound("Unknown brand.", $"Brand '{brand}' has no settings and no uploads.");
        }

        var etag = new EntityTagHeaderValue(pdf.Info.ETag);
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            request.HttpContext.Response.Headers.ETag = etag.ToString();
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.File(pdf.Content, "application/pdf", $"{brand}-{month}.pdf", lastModified: pdf.Info.LastModified, entityTag: etag);
    }

    /// <summary>400 for a bad brand or month, 422 for a month that is not over yet in the brand's time zone.</summary>
    private static async Task<(BrandName Brand, ReportMonth Month, IResult? Problem)> ValidateAsync(
        string brand, string month, IBrandSettingsStore brands, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return (default, default, ProblemResults.InvalidBrand(brand));
        }

        if (!ReportMonth.TryParse(month, out var period))
        {
            return (default, default, ProblemResults.BadRequest("Invalid month.", $"'{month}' is not a month: use yyyy-MM, e.g. 2026-10."));
        }

        var settings = await brands.GetAsync(name, cancellationToken) ?? BrandSettings.CreateDefault(name);
        var now = timeProvider.GetUtcNow();
        if (!settings.Clock.HasEnded(period, now))
        {
            return (name, period, Results.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The month is not over yet.",
                detail: string.Create(CultureInfo.InvariantCulture, $"{month} has not ended in {settings.Clock.ZoneId} (it is {settings.Clock.LocalTime(now):yyyy-MM-dd HH:mm} there); its report can be produced from the 1st of the next month.")));
        }

        return (name, period, null);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 80 ? text[..80] + "…" : text;

    /// <summary>The body of a <c>report-requests</c> message.</summary>
    internal sealed record ReportRequest(string Brand)
    {
        /// <summary>The brand of <c>{"brand":"…"}</c> (tolerating a bare brand name); null when there is none.</summary>
        public static string? BrandOf(string? message)
        {
            if (string.IsNullOrWhiteSpace(message))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(message);
                return document.RootElement.ValueKind == JsonValueKind.Object
                       && document.RootElement.TryGetProperty("brand", out var brand)
                       && brand.ValueKind == JsonValueKind.String
                    ? brand.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return message.Trim();
            }
        }
    }

    /// <summary>What <c>POST …/send</c> answers: the outcome and the run record.</summary>
    internal sealed record SendReportResponse(string Outcome, ReportRun? Run);
}
