using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Reporting;

/// <summary>
/// The report months of a brand as the team works with them: every month from the first one its exports cover up to
/// the current one (newest first, at most <see cref="MaxMonths"/>), each with when its report is due and its run record
/// (sent, when, to whom, or why it failed), and which month the coming report is — the one the pivot plan is for.
/// </summary>
public sealed class ReportCatalog(IBrandSettingsStore brands, IUploadLog uploads, IReportRunStore runs, TimeProvider timeProvider)
{
    public const int MaxMonths = 25;

    /// <exception cref="UnknownBrandException">The brand has neither settings nor uploads.</exception>
    public async Task<ReportCatalogView> ListAsync(BrandName brand, CancellationToken cancellationToken)
    {
        var stored = await brands.GetAsync(brand, cancellationToken);
        var settings = stored ?? BrandSettings.CreateDefault(brand);
        var now = timeProvider.GetUtcNow();
        var current = settings.Clock.MonthOf(now);

        DateOnly? firstDay = null;
        var hasUploads = false;
        await foreach (var upload in uploads.ListAsync(brand, cancellationToken))
        {
            hasUploads = true;
            if (upload.Status != UploadStatus.Rejected && upload.From is { } from && (firstDay is null || from < firstDay))
            {
                firstDay = from;
            }
        }

        if (stored is null && !hasUploads)
        {
            throw new UnknownBrandException(brand);
        }

        var records = new Dictionary<ReportMonth, ReportRun>();
        await foreach (var run in runs.ListAsync(brand, cancellationToken))
        {
            records[run.Month] = run;
        }

        var first = firstDay is { } day ? ReportMonth.Of(day) : current;
        if (records.Count > 0 && records.Keys.Min() < first)
        {
            first = records.Keys.Min();
        }

        var months = new List<ReportMonthEntry>();
        for (var month = current; month >= first && months.Count < MaxMonths; month = month.AddMonths(-1))
        {
            months.Add(new ReportMonthEntry
            {
                Month = month,
                Complete = settings.Clock.HasEnded(month, now),
                DueAt = ReportSchedule.DueAt(settings, month),
                Run = records.GetValueOrDefault(month),
            });
        }

        // The coming report: the latest complete month until it is delivered, then the current month.
        var latest = settings.Clock.LatestCompleteMonth(now);
        var coming = records.TryGetValue(latest, out var latestRun) && latestRun.IsDelivered ? current : latest;
        return new ReportCatalogView
        {
            Brand = brand,
            Now = now,
            Coming = coming,
            ComingDueAt = ReportSchedule.DueAt(settings, coming),
            Recipients = settings.Recipients,
            Sender = settings.Sender,
            Months = months,
        };
    }
}

/// <summary>What <see cref="ReportCatalog.ListAsync"/> answers.</summary>
public sealed record ReportCatalogView
{
    public required BrandName Brand { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The month of the next report to send: the one the pivot plan is written for.</summary>
    public required ReportMonth Coming { get; init; }

    public required DateTimeOffset ComingDueAt { get; init; }

    /// <summary>Who a report sent now would go to (the brand's settings).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public string? Sender { get; init; }

    /// <summary>Newest first; the current month comes first and is not complete.</summary>
    public IReadOnlyList<ReportMonthEntry> Months { get; init; } = [];
}

/// <summary>One report month: whether it is over, when its report is due, and its run record if it has one.</summary>
public sealed record ReportMonthEntry
{
    public required ReportMonth Month { get; init; }

    /// <summary>True when the month has ended in the brand's time zone: only then can its report be rendered or sent.</summary>
    public bool Complete { get; init; }

    public DateTimeOffset DueAt { get; init; }

    public ReportRun? Run { get; init; }
}
