using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>Everything the builder reads for one brand and month; load it for <see cref="ReportDataWindow"/>.</summary>
public sealed record TrendReportInput
{
    public required BrandSettings Settings { get; init; }

    public required ReportMonth Month { get; init; }

    /// <summary>Canonical posts (snapshots and range aggregates) of at least [<see cref="ReportDataWindow.PostsFrom"/>, <see cref="ReportDataWindow.PostsTo"/>).</summary>
    public IReadOnlyList<CanonicalPost> Posts { get; init; } = [];

    /// <summary>Daily account series of at least <see cref="ReportDataWindow.DailyFrom"/>..<see cref="ReportDataWindow.DailyTo"/>.</summary>
    public IReadOnlyList<DailyMetric> Daily { get; init; } = [];

    /// <summary>The brand's upload log (coverage).</summary>
    public IReadOnlyList<UploadRecord> Uploads { get; init; } = [];

    public string? Commentary { get; init; }
}

/// <summary>
/// The data a report needs. Posts: the 13 history months (the report month and 12 before it, which include the
/// previous month, the rolling 3 months and the same month last year), extended back by the series baseline days in
/// case a range aggregate straddles the first month's start. Daily series: from the month before the first history
/// month (follower growth needs its last value) to the report month's last day.
/// </summary>
public sealed record ReportDataWindow(DateTimeOffset PostsFrom, DateTimeOffset PostsTo, DateOnly DailyFrom, DateOnly DailyTo)
{
    /// <param name="month">The report month.</param>
    /// <param name="clock">The brand's clock: months are local.</param>
    /// <param name="baselineDays">The series baseline of the builder that reads the data (<see cref="TrendReportBuilder.WindowFor"/>).</param>
    public static ReportDataWindow For(ReportMonth month, BrandClock clock, int baselineDays)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var first = month.AddMonths(-(TrendReportDefaults.HistoryMonths - 1));
        return new ReportDataWindow(
            clock.StartOf(first.FirstDay.AddDays(-baselineDays)),
            // The cadence table lists the month's last ISO week whole, so load posts to that week's end.
            clock.StartOf(Max(month.AddMonths(1).FirstDay, BrandClock.WeekStart(month.LastDay).AddDays(7))),
            first.AddMonths(-1).FirstDay,
            month.LastDay);
    }

    // Stryker disable once Conditional,Equality : `false ? a : b` and `>=` are equivalent here (the Monday after the last day's week is never before the next month's first day, so `b` is the answer); those answering `a` are killed
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
