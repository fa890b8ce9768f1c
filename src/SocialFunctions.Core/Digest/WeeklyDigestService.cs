using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Digest;

/// <summary>
/// Sends a brand's weekly digest once per week: one mail to the team recipients and, when the brand has a Teams webhook,
/// one card (with neither, the card goes to the local outbox, as alerts do). The week is claimed in
/// <see cref="IDigestRunStore"/> first, exactly like a monthly report's period: concurrent invocations (the timer's fan-out,
/// queue redelivery) find it busy or delivered; each step is recorded as it succeeds, so a retry after a crash or a failure
/// sends only what is missing, and the mail carries a tag the Graph sender looks for before mailing again. A brand with
/// <see cref="BrandSettings.WeeklyDigest"/> off gets nothing.
/// </summary>
public sealed partial class WeeklyDigestService(
    IBrandSettingsStore brands,
    IRecordStore records,
    IUploadLog uploads,
    IDigestRunStore runs,
    SeriesDetector detector,
    IDigestWording wording,
    IMailSender mail,
    ITeamsWebhook teams,
    IAlertOutbox outbox,
    IOptions<DigestOptions> options,
    IOptions<SeriesAlertOptions> alertOptions,
    TimeProvider time,
    ILogger<WeeklyDigestService> logger)
{
    private readonly DigestOptions _options = options.Value;

    /// <summary>The week whose digest is due and not delivered yet, or null (off, not due, or done).</summary>
    public async Task<DigestWeek?> DueAsync(BrandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.WeeklyDigest)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var week = DigestSchedule.LatestDue(settings.Clock, now, _options.LocalTime);
        var run = await runs.GetAsync(settings.Brand, week, cancellationToken);
        // Only what a delivery could act on: not a week sent, given up or being sent right now (every timer tick asks).
        return DigestRun.Decide(run, now, _options.StaleClaimAfter, _options.MaxAttempts) is ReportRunClaimDecision.Create or ReportRunClaimDecision.Reclaim
            ? week
            : null;
    }

    /// <summary>The digest of the brand's latest due week (or <paramref name="week"/>), sent at most once.</summary>
    public async Task<DigestResult> DeliverAsync(BrandName brand, DigestWeek? week, CancellationToken cancellationToken)
    {
        var settings = await brands.GetAsync(brand, cancellationToken) ?? BrandSettings.CreateDefault(brand);
        if (!settings.WeeklyDigest)
        {
            return new DigestResult(brand, week, DigestOutcome.Disabled, null);
        }

        var now = time.GetUtcNow();
        var target = week ?? DigestSchedule.LatestDue(settings.Clock, now, _options.LocalTime);
        var existing = await runs.GetAsync(brand, target, cancellationToken);
        var decision = DigestRun.Decide(existing, now, _options.StaleClaimAfter, _options.MaxAttempts);
        switch (decision)
        {
            case ReportRunClaimDecision.AlreadyDelivered:
                return new DigestResult(brand, target, DigestOutcome.AlreadyDelivered, existing);
            case ReportRunClaimDecision.Busy:
                return new DigestResult(brand, target, DigestOutcome.Busy, existing);
            case ReportRunClaimDecision.GaveUp:
                return new DigestResult(brand, target, DigestOutcome.GaveUp, existing);
        }

        var runId = Guid.NewGuid().ToString("N");
        var run = decision == ReportRunClaimDecision.Create
            ? await runs.TryCreateAsync(DigestRun.Claim(brand, target, runId, now), cancellationToken)
            : await runs.TryUpdateAsync(existing!.Reclaim(runId, now), cancellationToken);
        if (run is null)
        {
            return await CurrentAsync(brand, target, cancellationToken);
        }

        var held = run;
        try
        {
            var digest = await BuildAsync(settings, target, cancellationToken);
            var delivery = new List<string>();
            var webhook = settings.TeamsWebhookUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;
            if (settings.TeamRecipients.Count == 0 && webhook is null && !run.CardDone)
            {
                // Nobody to tell in production; locally the outbox shows what the card would have said.
                var written = await outbox.WriteAsync($"{brand}-digest-{target.Key}", wording.TeamsPayload(digest), cancellationToken);
                return await FinishAsync(run with { Status = written.Delivered ? DigestRunStatus.Skipped : DigestRunStatus.Failed, CardDone = written.Delivered, Delivery = written.Where, FailureReason = written.Detail }, cancellationToken);
            }

            if (!run.MailDone && settings.TeamRecipients.Count > 0)
            {
                var composed = wording.DigestMail(digest);
                var sent = await mail.SendAsync(
                    new OutgoingMail
                    {
                        From = settings.Sender ?? settings.TeamRecipients[0],
                        To = settings.TeamRecipients,
                        Subject = composed.Subject,
                        HtmlBody = composed.HtmlBody,
                        Tag = run.MailTag,
                        MayHaveBeenSent = run.Attempts > 1,
                    },
                    cancellationToken);
                if (!sent.Delivered)
                {
                    return await FinishAsync(run with { Status = DigestRunStatus.Failed, FailureReason = sent.Detail ?? "the mail was not accepted" }, cancellationToken);
                }

                delivery.Add(sent.Where);
                var marked = await runs.TryUpdateAsync(run with { MailDone = true }, cancellationToken);
                if (marked is null)
                {
                    return await CurrentAsync(brand, target, cancellationToken);
                }

                run = held = marked;
            }

            if (!run.CardDone && webhook is not null)
            {
                var posted = await teams.PostAsync(webhook, wording.TeamsPayload(digest), cancellationToken);
                if (!posted.Delivered)
                {
                    return await FinishAsync(run with { Status = DigestRunStatus.Failed, FailureReason = posted.Detail ?? "Teams did not accept the card" }, cancellationToken);
                }

                delivery.Add("teams");
            }

            return await FinishAsync(run with { Status = DigestRunStatus.Sent, MailDone = true, CardDone = true, SentAt = time.GetUtcNow(), Delivery = string.Join(", ", delivery) }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, brand.Value, target.Key, ex);
            return await FinishAsync(held with { Status = DigestRunStatus.Failed, FailureReason = $"{ex.GetType().Name}: {ex.Message}" }, cancellationToken);
        }
    }

    /// <summary>The digest of a week without sending it (what the mail and card would say).</summary>
    public async Task<WeeklyDigest> BuildAsync(BrandSettings settings, DigestWeek week, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var end = settings.Clock.StartOf(week.Sunday.AddDays(1));
        var o = detector.Options;
        var from = end.AddDays(-(o.HistoryDays + o.BaselineDays + 7));
        var posts = new List<CanonicalPost>();
        await foreach (var post in records.QueryPostsAsync(settings.Brand, null, from, end, cancellationToken))
        {
            posts.Add(post);
        }

        var log = new List<UploadRecord>();
        await foreach (var upload in uploads.ListAsync(settings.Brand, cancellationToken))
        {
            log.Add(upload);
        }

        var pageUrl = $"{alertOptions.Value.PublicBaseUrl.TrimEnd('/')}/?brand={Uri.EscapeDataString(settings.Brand)}";
        return WeeklyDigestBuilder.Build(settings, week, posts, log, detector, _options, pageUrl);
    }

    private async Task<DigestResult> FinishAsync(DigestRun run, CancellationToken cancellationToken)
    {
        var saved = await runs.TryUpdateAsync(run, cancellationToken);
        if (saved is null)
        {
            return await CurrentAsync(run.Brand, run.Week, cancellationToken);
        }

        var outcome = saved.Status switch
        {
            DigestRunStatus.Sent => DigestOutcome.Sent,
            DigestRunStatus.Skipped => DigestOutcome.Skipped,
            _ => DigestOutcome.Failed,
        };
        return new DigestResult(run.Brand, run.Week, outcome, saved);
    }

    private async Task<DigestResult> CurrentAsync(BrandName brand, DigestWeek week, CancellationToken cancellationToken)
    {
        var current = await runs.GetAsync(brand, week, cancellationToken);
        return new DigestResult(brand, week, current?.IsDelivered == true ? DigestOutcome.AlreadyDelivered : DigestOutcome.Busy, current);
    }

    [LoggerMessage(3301, LogLevel.Error, "Weekly digest of {Brand} for {Week} failed")]
    private static partial void Failed(ILogger logger, string brand, string week, Exception exception);
}

public enum DigestOutcome
{
    Sent,
    Skipped,
    AlreadyDelivered,
    Busy,
    GaveUp,
    Failed,
    Disabled,
}

/// <summary>What one delivery attempt did for a brand's week.</summary>
public sealed record DigestResult(BrandName Brand, DigestWeek? Week, DigestOutcome Outcome, DigestRun? Run);
