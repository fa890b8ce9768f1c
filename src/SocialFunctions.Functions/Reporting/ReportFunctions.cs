using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Functions.Http;
using SocialFunctions.Functions.Telemetry;

namespace SocialFunctions.Functions.Reporting;

/// <summary>
/// A brand-month's report over HTTP: <c>GET …/reports/{yyyy-MM}.json</c> (the whole model the PDF renders, numbers
/// unrounded), <c>.csv</c> (the channel table), <c>.pdf</c> (archived, ETag/304, rendered on first request);
/// <c>PUT …/reports/{month}/commentary</c> (the team's pivot plan, text/plain); <c>POST …/reports/{month}/send</c>.
/// </summary>
internal sealed class ReportFunctions(
    ReportModelSource models,
    IBrandSettingsStore brands,
    IUploadLog uploads,
    ICommentaryStore commentary,
    ReportDelivery delivery,
    PipelineMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ReportFunctions> logger)
{
    public const int MaxCommentaryLength = 20_000;

    private static readonly string[] Formats = ["json", "csv", "pdf"];

    [Function("GetReport")]
    public async Task<Results<Ok<ReportModel>, FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetReportAsync(
        [HttpTrigger(ApiAccess.HostLevel, "get", Route = "api/brands/{brand}/reports/{report}")] HttpRequest request,
        string brand,
        string report,
        CancellationToken cancellationToken)
    {
        var dot = report.LastIndexOf('.');
        var (month, format) = dot < 0 ? (report, "") : (report[..dot], report[(dot + 1)..].ToLowerInvariant());
        if (!Formats.Contains(format))
        {
            return Problems.NotFound("Unknown report format.", $"'{report}' names no report: ask for {{yyyy-MM}}.json, .csv or .pdf, e.g. 2026-10.pdf.");
        }

        if (Validate(brand, month, out var name, out var period) is { } invalid)
        {
            return invalid;
        }

        if (format == "pdf")
        {
            return await GetPdfAsync(request, brand, month, cancellationToken);
        }

        ReportModel model;
        try
        {
            model = await models.BuildAsync(name, period, cancellationToken);
        }
        catch (UnknownBrandException)
        {
            return Problems.UnknownBrand(brand);
        }

        return format == "json"
            ? TypedResults.Ok(model)
            : TypedResults.File(Encoding.UTF8.GetBytes(ChannelTableCsv.Write(model)), "text/csv; charset=utf-8", $"{brand}-{month}-channels.csv");
    }

    [Function("PutReportCommentary")]
    public async Task<Results<Ok<CommentaryResponse>, ProblemHttpResult>> PutCommentaryAsync(
        [HttpTrigger(ApiAccess.HostLevel, "put", Route = "api/brands/{brand}/reports/{month}/commentary")] HttpRequest request,
        string brand,
        string month,
        CancellationToken cancellationToken)
    {
        if (Validate(brand, month, out var name, out var period) is { } invalid)
        {
            return invalid;
        }

        if (request.ContentType is { } type && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type.",
                detail: $"Send the commentary as text/plain (got {type}).");
        }

        // Read one character past the limit so an oversized body is refused without buffering all of it.
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxCommentaryLength + 1];
        var read = 0;
        int count;
        while (read < buffer.Length && (count = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += count;
        }

        if (read > MaxCommentaryLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Commentary too long.",
                detail: $"The commentary is limited to {MaxCommentaryLength:N0} characters; this one is longer.");
        }

        if (await brands.GetAsync(name, cancellationToken) is null && !await HasUploadsAsync(name, cancellationToken))
        {
            return Problems.UnknownBrand(brand);
        }

        var text = new string(buffer, 0, read);
        await commentary.SaveAsync(name, period, text, cancellationToken);
        ReportingLog.CommentarySaved(logger, brand, month, text.Length);
        return TypedResults.Ok(new CommentaryResponse(brand, month, text.Length));
    }

    /// <summary><c>POST …/reports/{month}/send[?force=true]</c>: render, archive and mail one period now, exactly once.</summary>
    [Function("SendReport")]
    public async Task<Results<Ok<SendReportResponse>, ProblemHttpResult>> SendAsync(
        [HttpTrigger(ApiAccess.HostLevel, "post", Route = "api/brands/{brand}/reports/{month}/send")] HttpRequest request,
        string brand,
        string month,
        CancellationToken cancellationToken)
    {
        var (name, period, problem) = await ValidateCompleteAsync(brand, month, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var query = new QueryValues(request.Query);
        var force = query.Boolean("force") ?? false;
        if (query.Problem is { } badForce)
        {
            return badForce;
        }

        // Sending needs a sender and recipients, which only brand settings provide.
        if (await brands.GetAsync(name, cancellationToken) is null)
        {
            return Problems.NotFound("Unknown brand.", $"Brand '{brand}' has no settings; PUT /api/brands/{brand} with its recipients and sender first.");
        }

        var result = await delivery.SendAsync(name, period, force, cancellationToken);
        var run = new Dictionary<string, object?> { ["run"] = result.Run };
        switch (result.State)
        {
            case ReportDeliveryState.Sent:
                metrics.ReportSent();
                return TypedResults.Ok(new SendReportResponse(result.State.ToString(), result.Run));
            case ReportDeliveryState.AlreadyDelivered:
                return TypedResults.Ok(new SendReportResponse(result.State.ToString(), result.Run));
            case ReportDeliveryState.Busy:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "The report is being processed.",
                    detail: $"Another run holds {brand} {month} (claimed at {result.Run?.ClaimedAt:O}); try again in a few minutes.",
                    extensions: run);
            case ReportDeliveryState.GaveUp:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: "The report failed too often.",
                    detail: $"{brand} {month} failed {result.Run?.Attempts} times (last: {result.Run?.FailureReason}); send with ?force=true to try again.",
                    extensions: run);
            default:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status502BadGateway,
                    title: "The report could not be sent.",
                    detail: result.Run?.FailureReason,
                    extensions: run);
        }
    }

    private async Task<Results<Ok<ReportModel>, FileContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetPdfAsync(
        HttpRequest request, string brand, string month, CancellationToken cancellationToken)
    {
        var (name, period, problem) = await ValidateCompleteAsync(brand, month, cancellationToken);
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
            return Problems.UnknownBrand(brand);
        }

        var etag = new EntityTagHeaderValue(pdf.Info.ETag);
        if (request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            request.HttpContext.Response.Headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.File(pdf.Content, "application/pdf", $"{brand}-{month}.pdf", lastModified: pdf.Info.LastModified, entityTag: etag);
    }

    private static ProblemHttpResult? Validate(string brand, string month, out BrandName name, out ReportMonth period)
    {
        period = default;
        return !BrandName.TryParse(brand, out name) ? Problems.InvalidBrand(brand)
            : !ReportMonth.TryParse(month, out period) ? Problems.InvalidMonth(month)
            : null;
    }

    /// <summary>400 for a bad brand or month, 422 for a month that is not over yet in the brand's time zone.</summary>
    private async Task<(BrandName Brand, ReportMonth Month, ProblemHttpResult? Problem)> ValidateCompleteAsync(
        string brand, string month, CancellationToken cancellationToken)
    {
        if (Validate(brand, month, out var name, out var period) is { } invalid)
        {
            return (default, default, invalid);
        }

        var settings = await brands.GetAsync(name, cancellationToken) ?? BrandSettings.CreateDefault(name);
        var now = timeProvider.GetUtcNow();
        if (!settings.Clock.HasEnded(period, now))
        {
            return (name, period, TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "The month is not over yet.",
                detail: string.Create(CultureInfo.InvariantCulture, $"{month} has not ended in {settings.Clock.ZoneId} (it is {settings.Clock.LocalTime(now):yyyy-MM-dd HH:mm} there); its report can be produced from the 1st of the next month.")));
        }

        return (name, period, null);
    }

    private async Task<bool> HasUploadsAsync(BrandName brand, CancellationToken cancellationToken)
    {
        await foreach (var _ in uploads.ListAsync(brand, cancellationToken))
        {
            return true;
        }

        return false;
    }
}

/// <summary>What <c>PUT …/commentary</c> answers.</summary>
internal sealed record CommentaryResponse(string Brand, string Month, int Characters);

/// <summary>What <c>POST …/send</c> answers: the outcome and the run record.</summary>
internal sealed record SendReportResponse(string Outcome, ReportRun? Run);
