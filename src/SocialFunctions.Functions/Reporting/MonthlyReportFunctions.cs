using SocialFunctions.Core.Diagnostics;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Functions.Queues;
using SocialFunctions.Functions.Telemetry;

namespace SocialFunctions.Functions.Reporting;

/// <summary>
/// The monthly run: <c>PlanMonthlyReports</c> (timer) fans out one <c>report-requests</c> message per brand with a due
/// period; <c>RenderBrandReport</c> (queue) renders and archives every due period of that brand and mails the latest,
/// exactly once (the run table decides).
/// </summary>
internal sealed class MonthlyReportFunctions(
    IBrandSettingsStore brands,
    ReportDelivery delivery,
    IWorkQueue queue,
    PipelineMetrics metrics,
    ILogger<MonthlyReportFunctions> logger)
{
    [Function("PlanMonthlyReports")]
    [FixedDelayRetry(2, "00:01:00")]
    public async Task PlanAsync([TimerTrigger("%REPORT_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
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
                ReportingLog.SkippedBrand(logger, settings.Brand, LogText.Safe(ex.Message));
                continue;
            }

            if (due.Count > 0)
            {
                await queue.EnqueueAsync(WorkQueues.ReportRequests, BrandWorkItem.Serialize(settings.Brand), cancellationToken);
                ReportingLog.Enqueued(logger, settings.Brand, due.Count, due[0].ToString());
            }
        }
    }

    [Function("RenderBrandReport")]
    public async Task RenderAsync([QueueTrigger(WorkQueues.ReportRequests)] BrandWorkItem message, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(message.Brand, out var brand))
        {
            throw new InvalidWorkItemException($"A {WorkQueues.ReportRequests} message names no valid brand ('{message.Brand}').");
        }

        foreach (var result in await delivery.DeliverDueAsync(brand, cancellationToken))
        {
            ReportingLog.PeriodDone(logger, brand, result.Month.ToString(), result.State.ToString(), result.State == ReportDeliveryState.Failed ? LogText.Safe(result.Run?.FailureReason) : null);
            if (result.State == ReportDeliveryState.Sent)
            {
                metrics.ReportSent();
            }
        }
    }
}
