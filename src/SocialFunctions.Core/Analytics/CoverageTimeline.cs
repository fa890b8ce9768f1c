using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Per channel, which days of a window the uploaded exports cover and where the gaps are, by the report's own coverage
/// rules (<see cref="CoverageCalculator"/>), and whether an export is due: the channel's exports stop more than
/// <see cref="ExportDueAfterDays"/> days before today, or leave days of the month the next report covers uncovered.
/// Days are the brand's local days.
/// </summary>
public sealed class CoverageTimeline(IBrandSettingsStore brands, IUploadLog uploads, TimeProvider timeProvider)
{
    /// <summary>An export older than this (in days of data) is due again: most teams export weekly.</summary>
    public const int ExportDueAfterDays = 7;

    /// <summary>The longest window one answer covers.</summary>
    public const int MaxWindowDays = 731;

    /// <summary>The coverage of every channel the brand has uploaded, over [from, to] (default: the three months before this one, and this one up to today).</summary>
    public async Task<CoverageOverview> BuildAsync(BrandName brand, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var settings = await brands.GetAsync(brand, cancellationToken) ?? BrandSettings.CreateDefault(brand);
        var now = timeProvider.GetUtcNow();
        var today = settings.Clock.LocalDate(now);
        var last = to ?? today;
        var first = from ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-3);
        if (last < first)
        {
            throw new ArgumentException($"The window ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).");
        }

        if (last.DayNumber - first.DayNumber >= MaxWindowDays)
        {
            throw new ArgumentException($"The window spans more than {MaxWindowDays} days; ask for a shorter one.");
        }

        var log = new List<UploadRecord>();
        await foreach (var upload in uploads.ListAsync(brand, cancellationToken))
        {
            log.Add(upload);
        }

        var calculator = new CoverageCalculator(log);
        var reportMonth = settings.Clock.LatestCompleteMonth(now);
        var order = Channels.All.ToList();
        var channels = calculator.Channels
            .OrderBy(order.IndexOf)
            .Select(channel =>
            {
                var covered = calculator.CoveredDays(channel, first, last);
                var lastDay = calculator.LastCoveredDay(channel);
                var monthGaps = calculator.For(channel, reportMonth).Gaps;
                var latestUpload = log.Where(u => u.Channel == channel && u.Status is UploadStatus.Accepted or UploadStatus.Partial).Max(u => (DateTimeOffset?)u.ReceivedAt);
                var stale = lastDay is null || today.DayNumber - lastDay.Value.DayNumber > ExportDueAfterDays;
                return new ChannelTimeline
                {
                    Channel = channel,
                    Covered = CoverageCalculator.Runs(covered, first, value: true),
                    Gaps = CoverageCalculator.Runs(covered, first, value: false),
                    CoveredDays = covered.Count(c => c),
                    LastCoveredDay = lastDay,
                    LastUploadAt = latestUpload,
                    ExportDue = stale || monthGaps.Count > 0,
                    ReportMonthGaps = monthGaps,
                };
            })
            .ToList();

        return new CoverageOverview
        {
            Brand = brand,
            Today = today,
            From = first,
            To = last,
            ReportMonth = reportMonth,
            Channels = channels,
        };
    }
}

/// <summary>What <see cref="CoverageTimeline"/> answers.</summary>
public sealed record CoverageOverview
{
    public required BrandName Brand { get; init; }

    /// <summary>Today in the brand's time zone.</summary>
    public required DateOnly Today { get; init; }

    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>The month the next report covers (the latest complete month): its gaps make an export due.</summary>
    public required ReportMonth ReportMonth { get; init; }

    public IReadOnlyList<ChannelTimeline> Channels { get; init; } = [];
}

/// <summary>One channel's covered days and gaps within the window.</summary>
public sealed record ChannelTimeline
{
    public required string Channel { get; init; }

    public IReadOnlyList<DateRange> Covered { get; init; } = [];

    public IReadOnlyList<DateRange> Gaps { get; init; } = [];

    public int CoveredDays { get; init; }

    /// <summary>The last day any export covers, whatever the window; null when none covers a day.</summary>
    public DateOnly? LastCoveredDay { get; init; }

    /// <summary>When the channel's latest accepted export was received.</summary>
    public DateTimeOffset? LastUploadAt { get; init; }

    /// <summary>True when the channel's data is older than <see cref="CoverageTimeline.ExportDueAfterDays"/> days or the report month has gaps.</summary>
    public bool ExportDue { get; init; }

    /// <summary>Days of <see cref="CoverageOverview.ReportMonth"/> no export covers.</summary>
    public IReadOnlyList<DateRange> ReportMonthGaps { get; init; } = [];
}
