using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Loads what one brand-month report needs from the ports (settings, posts and daily series of
/// <see cref="ReportDataWindow"/>, the upload log, the commentary) and hands it to <see cref="TrendReportBuilder"/>.
/// A brand without stored settings is reported with the defaults (as ingestion treats it) as long as it has uploads;
/// with neither it is unknown.
/// </summary>
public sealed class ReportModelSource(
    IBrandSettingsStore brands,
    IRecordStore records,
    IUploadLog uploads,
    ICommentaryStore commentary,
    TrendReportBuilder builder,
    SeriesDetector? detector = null) : IReportModelSource
{
    /// <exception cref="ArgumentException">The brand name or month is malformed.</exception>
    /// <exception cref="UnknownBrandException">The brand has neither settings nor uploads.</exception>
    public async Task<ReportModel> BuildAsync(string brand, string month, CancellationToken cancellationToken)
    {
        if (!BrandName.IsValid(brand))
        {
            throw new ArgumentException($"'{brand}' is not a brand name.", nameof(brand));
        }

        if (!ReportMonth.TryParse(month, out var reportMonth))
        {
            throw new ArgumentException($"'{month}' is not a month in the form yyyy-MM.", nameof(month));
        }

        var stored = await brands.GetAsync(brand, cancellationToken);
        var settings = stored ?? BrandSettings.CreateDefault(brand);
        if (!BrandSettingsValidator.TryFindTimeZone(settings.TimeZone, out var zone))
        {
            throw new InvalidOperationException($"Brand '{brand}' has an unknown time zone '{settings.TimeZone}'.");
        }

        var clock = new BrandClock(zone);
        var window = ReportDataWindow.For(reportMonth, clock);
        var uploadsTask = ToListAsync(uploads.ListAsync(brand, cancellationToken), cancellationToken);
        var postsTask = ToListAsync(records.QueryPostsAsync(brand, null, window.PostsFrom, window.PostsTo, cancellationToken), cancellationToken);
        var dailyTask = ToListAsync(records.QueryDailyAsync(brand, null, null, window.DailyFrom, window.DailyTo, cancellationToken), cancellationToken);
        var commentaryTask = commentary.GetAsync(brand, reportMonth.ToString(), cancellationToken);
        await Task.WhenAll(uploadsTask, postsTask, dailyTask, commentaryTask);

        if (stored is null && uploadsTask.Result.Count == 0)
        {
            throw new UnknownBrandException(brand);
        }

        var model = builder.Build(new TrendReportInput
        {
            Settings = settings,
            Month = reportMonth,
            Posts = postsTask.Result,
            Daily = dailyTask.Result,
            Uploads = uploadsTask.Result,
            Commentary = commentaryTask.Result,
        });
        return WithDetectorVerdicts(model, postsTask.Result, clock.StartOf(reportMonth.AddMonths(1).FirstDay), zone);
    }

    /// <summary>
    /// The series table shows the same verdict and evidence the alerts use (healthy, at-risk, underperforming,
    /// insufficient-data), judged as of the end of the report month, so the report and the Teams card never disagree.
    /// </summary>
    private ReportModel WithDetectorVerdicts(ReportModel model, IReadOnlyList<CanonicalPost> posts, DateTimeOffset monthEnd, TimeZoneInfo zone)
    {
        if (detector is null || model.Series.Count == 0)
        {
            return model;
        }

        var verdicts = detector.Detect(model.Brand, posts.Where(p => p.PublishedAt < monthEnd), monthEnd)
            .ToDictionary(h => (h.Channel, h.Series));
        return model with
        {
            Series = [.. model.Series.Select(s => verdicts.TryGetValue((s.Channel, s.Series), out var health)
                ? s with { Status = health.Status, Evidence = SeriesEvidenceFormatter.Describe(health, zone) }
                : s)],
        };
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}

/// <summary>A brand with neither settings nor uploads: nothing to report on (the API answers 404).</summary>
public sealed class UnknownBrandException : Exception
{
    public UnknownBrandException()
    {
    }

    public UnknownBrandException(string brand)
        : base($"Brand '{brand}' is unknown: it has no settings and no uploads.")
    {
        Brand = brand;
    }

    public UnknownBrandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? Brand { get; }
}
