using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Digest;

/// <summary>
/// Builds a brand's <see cref="WeeklyDigest"/> from data already loaded (no I/O):
/// <list type="bullet">
/// <item>posts per channel: lifetime snapshots published in the week (local days), against the weekly target;</item>
/// <item>series changes: the detector's verdicts at the end of the week against those at the end of the week before —
/// every change of status, except a series merely gaining or losing enough posts to be judged healthy;</item>
/// <item>overdue exports: channels with a posting target or an export whose exports cover none of the week's last
/// <see cref="DigestOptions.OverdueAfterDays"/> days;</item>
/// <item>the best post: the week's highest engagement rate among posts seen by enough people (the report's floor).</item>
/// </list>
/// </summary>
public static class WeeklyDigestBuilder
{
    public static WeeklyDigest Build(
        BrandSettings settings, DigestWeek week, IReadOnlyList<CanonicalPost> posts, IReadOnlyList<UploadRecord> uploads,
        SeriesDetector detector, DigestOptions options, string pageUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        var clock = settings.Clock;
        var weekPosts = posts
            .Where(p => p.Kind == ExportKind.Posts)
            .DistinctBy(p => (p.Channel, p.PostId))
            .Where(p => clock.LocalDate(p.PublishedAt) is var day && day >= week.Monday && day <= week.Sunday)
            .ToList();

        var counts = weekPosts.GroupBy(p => p.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var channels = counts.Keys
            .Concat(settings.PostingTargets.Where(kv => kv.Value > 0).Select(kv => kv.Key))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(SeriesPerformanceCalculator.ChannelOrder).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => new DigestChannel(c, counts.GetValueOrDefault(c), settings.PostingTargets.TryGetValue(c, out var t) && t > 0 ? t : null))
            .ToList();

        // Stryker disable once Initializer : only the first of the top list is read, and the ranking floor does not depend on its length
        var (top, _) = PostRanking.Rank(weekPosts, new TrendReportOptions { TopPosts = 1 });
        return new WeeklyDigest
        {
            Brand = settings.Brand,
            DisplayName = settings.Title,
            Locale = settings.Locale,
            Clock = clock,
            Week = week,
            Channels = channels,
            SeriesChanges = SeriesChanges(settings.Brand, week, clock, posts, detector),
            OverdueExports = Overdue(settings, week, uploads, options.OverdueAfterDays),
            BestPost = top.Count > 0 ? top[0] : null,
            PageUrl = pageUrl,
        };
    }

    private static List<SeriesStatusChange> SeriesChanges(BrandName brand, DigestWeek week, BrandClock clock, IReadOnlyList<CanonicalPost> posts, SeriesDetector detector)
    {
        var end = clock.StartOf(week.Sunday.AddDays(1));
        var start = end.AddDays(-7);
        var before = detector.Detect(brand, posts.Where(p => p.PublishedAt < start), start).ToDictionary(h => (h.Channel, h.Series));
        var changes = new List<SeriesStatusChange>();
        foreach (var after in detector.Detect(brand, posts.Where(p => p.PublishedAt < end), end))
        {
            var previous = before.GetValueOrDefault((after.Channel, after.Series))?.Status;
            if (previous == after.Status || IsBookkeeping(previous, after.Status))
            {
                continue;
            }

            changes.Add(new SeriesStatusChange(after.Channel, after.Series, previous, after.Status, after));
        }

        // Worse news first: underperforming, at risk, then recoveries.
        return [.. changes.OrderBy(c => c.After switch { SeriesStatus.Underperforming => 0, SeriesStatus.AtRisk => 1, _ => 2 })
            .ThenBy(c => SeriesPerformanceCalculator.ChannelOrder(c.Channel)).ThenBy(c => c.Series, StringComparer.Ordinal)];
    }

    /// <summary>A series entering or leaving "not enough data" while healthy is not news for the team.</summary>
    private static bool IsBookkeeping(string? before, string after) =>
        (before is null or SeriesStatus.InsufficientData && after is SeriesStatus.Healthy or SeriesStatus.InsufficientData)
        || (before == SeriesStatus.Healthy && after == SeriesStatus.InsufficientData);

    private static List<OverdueExport> Overdue(BrandSettings settings, DigestWeek week, IReadOnlyList<UploadRecord> uploads, int overdueAfterDays)
    {
        // The coverage page's rules (post exports over daily ones, edge days), so the digest and the page agree.
        var coverage = new CoverageCalculator(uploads);
        var lastCovered = coverage.Channels
            .Select(c => (Channel: c, Last: coverage.LastCoveredDay(c)))
            .Where(c => c.Last is not null)
            .ToDictionary(c => c.Channel, c => c.Last!.Value, StringComparer.Ordinal);
        var threshold = week.Sunday.AddDays(-(overdueAfterDays - 1));
        return [.. lastCovered.Keys
            .Concat(settings.PostingTargets.Where(kv => kv.Value > 0).Select(kv => kv.Key))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(SeriesPerformanceCalculator.ChannelOrder).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => (Channel: c, Last: lastCovered.TryGetValue(c, out var d) ? d : (DateOnly?)null))
            .Where(c => c.Last is null || c.Last < threshold)
            .Select(c => new OverdueExport(c.Channel, c.Last, c.Last is { } last ? week.Sunday.DayNumber - last.DayNumber : overdueAfterDays))];
    }
}
