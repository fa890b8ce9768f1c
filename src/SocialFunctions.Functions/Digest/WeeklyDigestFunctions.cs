using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Queues;

namespace SocialFunctions.Functions.Digest;

/// <summary>
/// The weekly status digest: <c>PlanWeeklyDigests</c> (timer, every 15 minutes by default) queues one
/// <c>digest-requests</c> message per brand whose Monday-morning digest is due (in the brand's own time zone) and not
/// sent; <c>SendWeeklyDigest</c> (queue) sends it, exactly once per brand and week (the run table decides).
/// </summary>
internal sealed partial class WeeklyDigestFunctions(
    IBrandSettingsStore brands,
    WeeklyDigestService digests,
    IWorkQueue queue,
    ILogger<WeeklyDigestFunctions> logger)
{
    [Function("PlanWeeklyDigests")]
    [FixedDelayRetry(2, "00:01:00")]
    public async Task PlanAsync([TimerTrigger("%DIGEST_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await foreach (var settings in brands.ListAsync(cancellationToken))
        {
            if (await digests.DueAsync(settings, cancellationToken) is { } week)
            {
                await queue.EnqueueAsync(WorkQueues.DigestRequests, BrandWorkItem.Serialize(settings.Brand), cancellationToken);
                Enqueued(logger, settings.Brand.Value, week.Key);
            }
        }
    }

    [Function("SendWeeklyDigest")]
    public async Task SendAsync([QueueTrigger(WorkQueues.DigestRequests)] BrandWorkItem message, CancellationToken cancellationToken)
    {
        if (!BrandName.TryParse(message.Brand, out var brand))
        {
            throw new InvalidWorkItemException($"A {WorkQueues.DigestRequests} message names no valid brand ('{message.Brand}').");
        }

        var result = await digests.DeliverAsync(brand, week: null, cancellationToken);
        Done(logger, brand.Value, result.Week?.Key ?? "-", result.Outcome.ToString(), result.Run?.FailureReason);
    }

    [LoggerMessage(3401, LogLevel.Information, "Weekly digest of {Brand} for {Week} queued")]
    private static partial void Enqueued(ILogger logger, string brand, string week);

    [LoggerMessage(3402, LogLevel.Information, "Weekly digest of {Brand} for {Week}: {Outcome} {Reason}")]
    private static partial void Done(ILogger logger, string brand, string week, string outcome, string? reason);
}
