using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Reporting;

/// <summary>
/// Renders, archives and mails a brand's monthly reports, once per period. Each period goes through its run record
/// (<see cref="ReportRun"/>): a conditional claim first, so concurrent invocations (timer fan-out, queue redelivery, a
/// manual send) never work on the same period at once; then model → PDF → archive → mail → record. The brand settings
/// are read once per invocation and handed down with the one <see cref="ReportMonth"/>.
/// </summary>
public sealed class ReportDelivery(
    IBrandSettingsStore brands,
    ReportModelSource models,
    IReportRenderer renderer,
    IReportArchive archive,
    IReportRunStore runs,
    IMailSender mailSender,
    IReportMailWording wording,
    TimeProvider timeProvider,
    IOptions<ReportDeliveryOptions> options,
    ILogger<ReportDelivery> logger)
{
    private readonly ReportDeliveryOptions _options = options.Value;

    /// <summary>The periods of a brand that are due and not delivered yet, oldest first (bounded by <see cref="ReportDeliveryOptions.MaxMissedPeriods"/>).</summary>
    public async Task<IReadOnlyList<ReportMonth>> DuePeriodsAsync(BrandSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ReportMonth? lastDelivered = null;
        await foreach (var run in runs.ListAsync(settings.Brand, cancellationToken))
        {
            if (run.IsDelivered && (lastDelivered is null || run.Month > lastDelivered))
            {
                lastDelivered = run.Month;
            }
        }

        return ReportSchedule.DuePeriods(settings, timeProvider.GetUtcNow(), lastDelivered, _options.MaxMissedPeriods);
    }

    /// <summary>
    /// The monthly run of one brand: every due period is rendered and archived; only the latest is mailed, and its mail
    /// lists the earlier ones. Returns one result per due period (empty when nothing is due).
    /// </summary>
    public async Task<IReadOnlyList<ReportDeliveryResult>> DeliverDueAsync(BrandName brand, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(brand, cancellationToken);
        var due = await DuePeriodsAsync(settings, cancellationToken);
        if (due.Count == 0)
        {
            return [];
        }

        var latest = due[^1];
        var results = new List<ReportDeliveryResult>(due.Count);
        var listed = new List<ReportMonth>();
        foreach (var missed in due.Take(due.Count - 1))
        {
            var result = await ProcessAsync(settings, missed, mailWith: null, listedIn: latest, force: false, cancellationToken);
            results.Add(result);
            if (result.State is ReportDeliveryState.Archived or ReportDeliveryState.AlreadyDelivered)
            {
                listed.Add(missed);
            }
        }

        results.Add(await ProcessAsync(settings, latest, mailWith: listed, listedIn: null, force: false, cancellationToken));
        return results;
    }

    /// <summary>Renders, archives and mails one period now; an already sent period is only mailed again with <paramref name="force"/>.</summary>
    public async Task<ReportDeliveryResult> SendAsync(BrandName brand, ReportMonth period, bool force, CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(brand, cancellationToken);
        return await ProcessAsync(settings, period, mailWith: [], listedIn: null, force, cancellationToken);
    }

    /// <summary>The archived PDF of a period, rendering and archiving it first when there is none.</summary>
    /// <exception cref="UnknownBrandException">Nothing is archived and the brand has neither settings nor uploads.</exception>
    public async Task<ArchivedReportContent> GetOrRenderPdfAsync(BrandName brand, ReportMonth period, CancellationToken cancellationToken)
    {
        if (await archive.OpenAsync(brand, period, cancellationToken) is { } archived)
        {
            return archived;
        }

        var (_, pdf, info) = await RenderAndArchiveAsync(await models.BuildAsync(brand, period, cancellationToken), cancellationToken);
        return new ArchivedReportContent(info, pdf);
    }

    private async Task<BrandSettings> SettingsAsync(BrandName brand, CancellationToken cancellationToken) =>
        await brands.GetAsync(brand, cancellationToken) ?? BrandSettings.CreateDefault(brand);

    private async Task<ReportDeliveryResult> ProcessAsync(
        BrandSettings settings, ReportMonth period, IReadOnlyList<ReportMonth>? mailWith, ReportMonth? listedIn, bool force, CancellationToken cancellationToken)
    {
        var brand = settings.Brand;
        var now = timeProvider.GetUtcNow();
        var existing = await runs.GetAsync(brand, period, cancellationToken);
        var decision = ReportRunClaim.Decide(existing, now, force, _options.StaleClaimAfter, _options.MaxAttempts);
        ReportDeliveryLog.Decision(logger, brand, period, decision);
        switch (decision)
        {
            case ReportRunClaimDecision.AlreadyDelivered:
                return new ReportDeliveryResult(period, ReportDeliveryState.AlreadyDelivered, existing);
            case ReportRunClaimDecision.GaveUp:
                return new ReportDeliveryResult(period, ReportDeliveryState.GaveUp, existing);
            case ReportRunClaimDecision.Busy:
                return new ReportDeliveryResult(period, ReportDeliveryState.Busy, existing);
        }

        var runId = Guid.NewGuid().ToString("N");
        var run = decision == ReportRunClaimDecision.Create
            ? await runs.TryCreateAsync(ReportRun.Claim(brand, period, runId, now), cancellationToken)
            : await runs.TryUpdateAsync(existing!.Reclaim(runId, now, force), cancellationToken);
        if (run is null)
        {
            // Another invocation claimed it between our read and our write (or holds a fresh claim).
            var current = await runs.GetAsync(brand, period, cancellationToken);
            return new ReportDeliveryResult(period, current?.IsDelivered == true ? ReportDeliveryState.AlreadyDelivered : ReportDeliveryState.Busy, current);
        }

        var held = run;
        try
        {
            var (model, pdf, archived) = await RenderAndArchiveAsync(await models.BuildAsync(settings, period, cancellationToken), cancellationToken);
            var rendered = await runs.TryUpdateAsync(run.MarkRendered(archived.ETag, timeProvider.GetUtcNow()), cancellationToken);
            if (rendered is null)
            {
                return await LostClaimAsync(brand, period, cancellationToken);
            }

            run = held = rendered;

            if (mailWith is null)
            {
                var listedRun = await runs.TryUpdateAsync(run.MarkListedIn(listedIn!.Value), cancellationToken);
                return listedRun is null
                    ? await LostClaimAsync(brand, period, cancellationToken)
                    : new ReportDeliveryResult(period, ReportDeliveryState.Archived, listedRun);
            }

            var problem = MailProblem(settings);
            if (problem is not null)
            {
                return await FailAsync(run, problem, cancellationToken);
            }

            var composed = wording.ReportMail(model, mailWith);
            var mail = new OutgoingMail
            {
                From = settings.Sender ?? _options.DefaultSender!,
                To = settings.Recipients,
                Subject = composed.Subject,
                HtmlBody = composed.HtmlBody,
                Attachments = [new MailAttachment(composed.AttachmentName ?? $"{brand}-{period}.pdf", "application/pdf", pdf)],
                Tag = run.MailTag,

                // A re-claim of the same generation may follow a crash after the mail went out: look before sending.
                MayHaveBeenSent = run.Attempts > 1,
            };
            var sent = await mailSender.SendAsync(mail, cancellationToken);
            if (!sent.Delivered)
            {
                return await FailAsync(run, sent.Detail ?? "the mail was not accepted", cancellationToken);
            }

            var delivery = sent.Detail is null ? sent.Where : $"{sent.Where}: {sent.Detail}";
            var sentRun = await runs.TryUpdateAsync(run.MarkSent(delivery, mailWith, timeProvider.GetUtcNow(), mail.To), cancellationToken);
            ReportDeliveryLog.Sent(logger, brand, period, delivery);

            // If our claim went stale while mailing, the next claimant finds the mail by its tag; report what we did.
            return new ReportDeliveryResult(period, ReportDeliveryState.Sent, sentRun ?? run.MarkSent(delivery, mailWith, timeProvider.GetUtcNow(), mail.To));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReportDeliveryLog.Failed(logger, brand, period, ex);
            return await FailAsync(held, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
        }
    }

    private string? MailProblem(BrandSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Sender) && string.IsNullOrWhiteSpace(_options.DefaultSender))
        {
            return "the brand has no sender mailbox (brand settings 'sender')";
        }

        return settings.Recipients.Count == 0 ? "the brand has no recipients (brand settings 'recipients')" : null;
    }

    private async Task<(ReportModel Model, byte[] Pdf, ArchivedReport Archived)> RenderAndArchiveAsync(ReportModel model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await renderer.RenderAsync(model, buffer, cancellationToken);
        var pdf = buffer.ToArray();
        var archived = await archive.SaveAsync(model.Brand, model.Month, pdf, cancellationToken);
        return (model, pdf, archived);
    }

    private async Task<ReportDeliveryResult> FailAsync(ReportRun run, string reason, CancellationToken cancellationToken)
    {
        ReportDeliveryLog.MarkedFailed(logger, run.Brand, run.Month, reason);
        var failed = await runs.TryUpdateAsync(run.MarkFailed(reason, timeProvider.GetUtcNow()), cancellationToken);
        return failed is null
            ? await LostClaimAsync(run.Brand, run.Month, cancellationToken)
            : new ReportDeliveryResult(run.Month, ReportDeliveryState.Failed, failed);
    }

    private async Task<ReportDeliveryResult> LostClaimAsync(BrandName brand, ReportMonth period, CancellationToken cancellationToken)
    {
        ReportDeliveryLog.LostClaim(logger, brand, period);
        var current = await runs.GetAsync(brand, period, cancellationToken);
        return new ReportDeliveryResult(period, current?.IsDelivered == true ? ReportDeliveryState.AlreadyDelivered : ReportDeliveryState.Busy, current);
    }
}
