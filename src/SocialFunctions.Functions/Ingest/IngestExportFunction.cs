using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Http;
using SocialFunctions.Functions.Queues;
using SocialFunctions.Functions.Telemetry;

namespace SocialFunctions.Functions.Ingest;

internal sealed class IngestExportFunction(
    ExportIngestor ingestor,
    IWorkQueue queue,
    IOptions<IngestOptions> options,
    PipelineMetrics metrics,
    ILogger<IngestExportFunction> logger)
{
    /// <summary><c>POST /api/brands/{brand}/exports</c>: one raw file (optional <c>?filename=</c>) or multipart with several.</summary>
    [Function("IngestExport")]
    public async Task<Results<Ok<IngestResponse>, UnprocessableEntity<IngestResponse>, ProblemHttpResult>> RunAsync(
        [HttpTrigger(ApiAccess.HostLevel, "post", Route = "api/brands/{brand}/exports")] HttpRequest request,
        string brand,
        CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(brand, out var name))
        {
            return Problems.InvalidBrand(brand);
        }

        if (!TryReadHints(request, out var hints, out var problem))
        {
            return problem;
        }

        var limit = options.Value.MaxUploadBytes;
        if (request.ContentLength > limit)
        {
            return Problems.TooLarge(limit);
        }

        // We enforce the cap ourselves while spooling; lift Kestrel's default so it does not cut in first.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + (1024 * 1024);
        }

        await using var spool = new UploadSpool(options.Value.SpoolDirectory, limit);
        var outcomes = new List<IngestOutcome>();
        try
        {
            await foreach (var file in ReadFilesAsync(request, spool, cancellationToken))
            {
                var outcome = await ingestor.IngestAsync(name, file.File, file.UploadId, hints, cancellationToken);
                var upload = outcome.Upload;
                var loggedName = LogText.Safe(upload.FileName);
                IngestLog.FileIngested(logger, brand, loggedName, upload.Format ?? "unknown", upload.Status, upload.RowsAccepted, upload.RowsRejected, outcome.Duplicate);
                if (!outcome.Duplicate)
                {
                    metrics.RowsIngested(upload.Channel ?? "unknown", upload.RowsAccepted);
                }

                outcomes.Add(outcome);
            }
        }
        catch (UploadTooLargeException ex)
        {
            return Problems.TooLarge(ex.MaxBytes);
        }
        catch (BadHttpRequestException ex)
        {
            return Problems.Unreadable(ex);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && !request.HttpContext.RequestAborted.IsCancellationRequested))
        {
            // A multipart body without its closing boundary, or a body cut off in transit.
            return Problems.BadRequest("The request body could not be read.", ex.Message);
        }

        if (outcomes.Count == 0)
        {
            return Problems.BadRequest("No file in the request.", "Send the export as the raw request body (with ?filename=) or as multipart/form-data file parts.");
        }

        if (outcomes.Any(o => o.Upload.RowsAccepted > 0 && !o.Duplicate))
        {
            // Series health is re-checked off the request path so uploads stay fast.
            await queue.EnqueueAsync(WorkQueues.SeriesChecks, BrandWorkItem.Serialize(brand), cancellationToken);
        }

        // The one place an upload's outcomes become the answer.
        var response = new IngestResponse([.. outcomes.Select(IngestedFile.FromOutcome)]);
        return outcomes.Any(o => o.Upload.Status != UploadStatus.Rejected)
            ? TypedResults.Ok(response)
            : TypedResults.UnprocessableEntity(response);
    }

    /// <summary><c>?exportedOn=yyyy-MM-dd</c> (the day the export was downloaded) and <c>?channel=</c> (for files that do not say).</summary>
    private static bool TryReadHints(HttpRequest request, out UploadHints hints, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        hints = UploadHints.None;
        problem = null;
        DateOnly? exportedOn = null;
        if (request.Query["exportedOn"].FirstOrDefault() is { Length: > 0 } day)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
                || parsed.Year is < 2000 or > 2999)
            {
                problem = Problems.BadRequest("Invalid exportedOn.", $"exportedOn '{day}' is not a day: write the day the export was downloaded as yyyy-MM-dd, e.g. ?exportedOn=2026-03-14.");
                return false;
            }

            exportedOn = parsed;
        }

        string? channel = null;
        if (request.Query["channel"].FirstOrDefault() is { Length: > 0 } named)
        {
            channel = Channels.Normalize(named);
            if (channel is null)
            {
                problem = Problems.BadRequest("Invalid channel.", $"channel '{named}' is not a channel: use one of {string.Join(", ", Channels.All)}.");
                return false;
            }
        }

        hints = new UploadHints(exportedOn, channel);
        return true;
    }

    private static async IAsyncEnumerable<SpooledFile> ReadFilesAsync(
        HttpRequest request, UploadSpool spool, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
            if (string.IsNullOrEmpty(boundary))
            {
                throw new InvalidDataException("multipart/form-data without a boundary.");
            }

            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.IsFileDisposition())
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload";
                yield return await spool.SpoolAsync(Path.GetFileName(name), section.Body, cancellationToken);
            }

            yield break;
        }

        var fileName = request.Query["filename"].FirstOrDefault();
        var spooled = await spool.SpoolAsync(string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName), request.Body, cancellationToken);
        if (spooled.File.Length > 0 || !string.IsNullOrWhiteSpace(fileName))
        {
            yield return spooled;
        }
    }
}
