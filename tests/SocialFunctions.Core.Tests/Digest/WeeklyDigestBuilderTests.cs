using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Series;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Digest;

/// <summary>What the weekly digest says: series whose status changed in the week, overdue exports at the threshold, channel order.</summary>
public sealed class WeeklyDigestBuilderTests
{
    private static readonly DigestWeek W44 = new(new DateOnly(2026, 10, 26)); // Monday 26 Oct – Sunday 1 Nov 2026
    private static readonly SeriesDetector Detector = new(new SeriesDetectionOptions());

    private static BrandSettings Acme => BrandSettings.CreateDefault(BrandName.Parse("acme")) with { Clock = BrandClock.Utc };

    [Fact]
    public void Build_SeriesJudgedForTheFirstTimeThisWeek_WeakOneListedHealthyOneNot()
    {
        // Eight weeks of other Instagram posts at ~3 %; two weekly series, each with its third post (the detector's
        // minimum) in week 44: "Tips" at 1.2 % becomes judged weak (news), "Good" at 3 % becomes judged healthy (bookkeeping).
        var posts = new List<CanonicalPost>();
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 61; day += 1)
        {
            posts.Add(Post(Channels.Instagram, $"o{day}", start.AddDays(day).ToString("O"), 10_000, day % 2 == 0 ? 270 : 330));
        }

        foreach (var (series, rate) in new[] { ("Tips", 0.012), ("Good", 0.03) })
        {
            foreach (var date in new[] { "2026-10-13T10:00:00Z", "2026-10-20T10:00:00Z", "2026-10-27T10:00:00Z" })
            {
                posts.Add(Post(Channels.Instagram, $"{series}-{date}", date, 10_000, (long)(10_000 * rate), series: series));
            }
        }

        var digest = WeeklyDigestBuilder.Build(Acme, W44, posts, [], Detector, new DigestOptions(), "https://app.example/");

        var change = Assert.Single(digest.SeriesChanges);
        Assert.Equal((Channels.Instagram, "Tips"), (change.Channel, change.Series));
        Assert.NotEqual(SeriesStatus.Healthy, change.After);
        Assert.NotEqual(change.Before, change.After);
        Assert.Equal(change.After, change.Health.Status);
    }

    [Fact]
    public void Build_OverdueExports_LastCoveredDayAtTheThresholdIsOnTime()
    {
        // With 3 days: the week's last three days are 30 October – 1 November. Range exports (no edge slack) ending on
        // 30 October are on time, on 29 October overdue by 3 days; a channel with a zero target and no export is not listed.
        var settings = Acme with { PostingTargets = new Dictionary<string, double> { [Channels.TikTok] = 0, [Channels.Pinterest] = 2 } };
        UploadRecord[] uploads =
        [
            Upload(Channels.YouTube, "2026-10-01", "2026-10-30", kind: ExportKind.Range),
            Upload(Channels.Blog, "2026-10-01", "2026-10-29", kind: ExportKind.Range),
            Upload(Channels.Instagram, "2026-10-01", "2026-10-29", kind: ExportKind.Range),
        ];

        var digest = WeeklyDigestBuilder.Build(settings, W44, [], uploads, Detector, new DigestOptions { OverdueAfterDays = 3 }, "https://app.example/");

        Assert.Equal(
            [(Channels.Instagram, (DateOnly?)new DateOnly(2026, 10, 29), 3), (Channels.Pinterest, null, 3), (Channels.Blog, new DateOnly(2026, 10, 29), 3)],
            digest.OverdueExports.Select(o => (o.Channel, o.LastCovered, o.DaysUncovered)));
    }

    [Fact]
    public void Build_Channels_InTheReportsChannelOrder_RangeRowsAndZeroTargetsLeftOut()
    {
        var settings = Acme with { PostingTargets = new Dictionary<string, double> { [Channels.Reddit] = 1, [Channels.TikTok] = 0 } };
        CanonicalPost[] posts =
        [
            Post(Channels.X, "x1", "2026-10-27T10:00:00Z", 1000, 10),
            Post(Channels.Facebook, "f1", "2026-10-27T10:00:00Z", 1000, 10),
            Range(Channels.YouTube, "v1", "2026-10-26", "2026-11-01", 1000, 10), // a metric window, not a post published this week
        ];

        var digest = WeeklyDigestBuilder.Build(settings, W44, posts, [], Detector, new DigestOptions(), "https://app.example/");

        Assert.Equal(
            [new DigestChannel(Channels.Facebook, 1, null), new DigestChannel(Channels.X, 1, null), new DigestChannel(Channels.Reddit, 0, 1)],
            digest.Channels);
        Assert.Equal(BrandName.Parse("acme"), digest.Brand);
        Assert.Equal(W44, digest.Week);
    }

    [Fact]
    public void Build_MissingArgument_Refused()
    {
        var options = new DigestOptions();
        Assert.Throws<ArgumentNullException>(() => WeeklyDigestBuilder.Build(null!, W44, [], [], Detector, options, "u"));
        Assert.Throws<ArgumentNullException>(() => WeeklyDigestBuilder.Build(Acme, W44, null!, [], Detector, options, "u"));
        Assert.Throws<ArgumentNullException>(() => WeeklyDigestBuilder.Build(Acme, W44, [], null!, Detector, options, "u"));
        Assert.Throws<ArgumentNullException>(() => WeeklyDigestBuilder.Build(Acme, W44, [], [], null!, options, "u"));
        Assert.Throws<ArgumentNullException>(() => WeeklyDigestBuilder.Build(Acme, W44, [], [], Detector, null!, "u"));
    }

    [Fact]
    public void Build_ChannelsWithPosts_TargetOnlyWhenPositive()
    {
        // Facebook posted with a zero target (no plan: no target shown); X posted against a plan of 3.
        var settings = Acme with { PostingTargets = new Dictionary<string, double> { [Channels.Facebook] = 0, [Channels.X] = 3 } };
        CanonicalPost[] posts = [Post(Channels.Facebook, "f1", "2026-10-27T10:00:00Z", 1000, 10), Post(Channels.X, "x1", "2026-10-28T10:00:00Z", 1000, 10)];

        var digest = WeeklyDigestBuilder.Build(settings, W44, posts, [], Detector, new DigestOptions(), "https://app.example/");

        Assert.Equal([new DigestChannel(Channels.Facebook, 1, null), new DigestChannel(Channels.X, 1, 3)], digest.Channels);
    }

    [Fact]
    public void Build_OverdueChannelsWeDoNotKnow_AfterTheKnownOnesByName()
    {
        var settings = Acme with { PostingTargets = new Dictionary<string, double> { ["zeta"] = 1, ["alpha"] = 1, [Channels.Instagram] = 1 } };

        var digest = WeeklyDigestBuilder.Build(settings, W44, [], [], Detector, new DigestOptions(), "https://app.example/");

        // No export at all: each is listed with the threshold as its uncovered days.
        Assert.Equal(
            [(Channels.Instagram, (DateOnly?)null, 7), ("alpha", null, 7), ("zeta", null, 7)],
            digest.OverdueExports.Select(o => (o.Channel, o.LastCovered, o.DaysUncovered)));
    }

    /// <summary>Eight weeks of other Instagram posts at ~3 % (the baseline) and a weekly series at <paramref name="rate"/> from 1 September.</summary>
    private static List<CanonicalPost> WeeklySeries(string series, Func<DateTimeOffset, double> rate, DateTimeOffset last)
    {
        var posts = new List<CanonicalPost>();
        var start = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        for (var day = 0; day < 61; day += 1)
        {
            posts.Add(Post(Channels.Instagram, $"o{day}", start.AddDays(day).ToString("O"), 10_000, day % 2 == 0 ? 270 : 330));
        }

        for (var at = start.AddHours(1); at <= last; at = at.AddDays(at < last.AddDays(-7) ? 7 : 1))
        {
            posts.Add(Post(Channels.Instagram, $"{series}-{at:MMdd}", at.ToString("O"), 10_000, (long)(10_000 * rate(at)), series: series));
        }

        return posts;
    }

    private static (string? Before, string? After) Verdicts(List<CanonicalPost> posts, string series)
    {
        var end = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var start = end.AddDays(-7);
        string? At(DateTimeOffset asOf) => Detector.Detect(BrandName.Parse("acme"), posts.Where(p => p.PublishedAt < asOf), asOf).SingleOrDefault(h => h.Series == series)?.Status;
        return (At(start), At(end));
    }

    [Fact]
    public void Build_SeriesWeakBothWeeks_NoNews()
    {
        // A series at 1 % every week since September: the detector's verdict is the same at both ends of the week.
        var posts = WeeklySeries("Tips", _ => 0.01, new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.Zero));
        var (before, after) = Verdicts(posts, "Tips");
        Assert.Equal(before, after);
        Assert.NotNull(after);
        Assert.NotEqual(SeriesStatus.Healthy, after);

        var digest = WeeklyDigestBuilder.Build(Acme, W44, posts, [], Detector, new DigestOptions(), "https://app.example/");

        Assert.Empty(digest.SeriesChanges);
    }

    [Fact]
    public void Build_HealthySeriesTurnsWeakThisWeek_News()
    {
        // At 3 % (the baseline) every week until 25 October, then daily posts at 0.5 % from 26 October.
        var w44 = new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero);
        var posts = WeeklySeries("Tips", at => at < w44 ? 0.03 : 0.005, new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
        var (before, after) = Verdicts(posts, "Tips");
        Assert.Equal(SeriesStatus.Healthy, before);
        Assert.NotEqual(SeriesStatus.Healthy, after);

        var digest = WeeklyDigestBuilder.Build(Acme, W44, posts, [], Detector, new DigestOptions(), "https://app.example/");

        var change = Assert.Single(digest.SeriesChanges);
        Assert.Equal(("Tips", (string?)SeriesStatus.Healthy, after), (change.Series, change.Before, change.After));
    }

    [Fact]
    public void Build_SeveralSeriesTurnWeak_InReportChannelOrderThenByName()
    {
        // The same story three times: healthy at 3 % until 25 October, then daily posts at 0.5 %; on Instagram ("B", "A")
        // and on Facebook ("C"), each channel with its own baseline of other posts.
        var w44 = new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero);
        var last = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        var posts = WeeklySeries("B", at => at < w44 ? 0.03 : 0.005, last);
        posts.AddRange(WeeklySeries("A", at => at < w44 ? 0.03 : 0.005, last).Where(p => p.Series == "A"));
        posts.AddRange(WeeklySeries("C", at => at < w44 ? 0.03 : 0.005, last).Select(p => p with { Channel = Channels.Facebook }));

        var digest = WeeklyDigestBuilder.Build(Acme, W44, posts, [], Detector, new DigestOptions(), "https://app.example/");

        Assert.Single(digest.SeriesChanges.Select(c => c.After).Distinct()); // one severity: the order is the channels' and names'
        Assert.Equal([(Channels.Facebook, "C"), (Channels.Instagram, "A"), (Channels.Instagram, "B")], digest.SeriesChanges.Select(c => (c.Channel, c.Series)).ToArray());
    }
}
