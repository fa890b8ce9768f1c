using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class PostTimelineTests
{
    private static readonly BrandClock Paris = BrandClock.Find("Europe/Paris");
    private static readonly ReportMonth October = new(2026, 10);

    [Fact]
    public void In_PostsNearMonthEnds_UseBrandLocalDate()
    {
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "late-sep-utc", "2026-09-30T23:30:00Z", 1, 1), // 01:30 on 1 October in Paris (CEST)
            Post(Channels.Instagram, "late-oct-utc", "2026-10-31T23:30:00Z", 1, 1), // 00:30 on 1 November in Paris (CET)
            Post(Channels.Instagram, "sep-local", "2026-09-30T21:59:00Z", 1, 1),    // 23:59 on 30 September in Paris
        ], Paris);

        Assert.Equal(["late-sep-utc"], timeline.In(October).Select(p => p.PostId).ToArray());
    }

    [Fact]
    public void In_RangeAggregates_CountOnlyInsidePeriodLongestFirstWithoutOverlap()
    {
        var timeline = new PostTimeline(
        [
            Range(Channels.YouTube, "v1", "2026-10-01", "2026-10-31", 1000, 10),
            Range(Channels.YouTube, "v1", "2026-10-01", "2026-10-15", 400, 4),  // nested: already counted in the month
            Range(Channels.YouTube, "v2", "2026-09-01", "2026-10-31", 5000, 50), // straddles September and October
        ], Paris);

        Assert.Equal([1000L], timeline.In(October).Select(p => p.Impressions!.Value).ToArray());
        Assert.Empty(timeline.In(October.AddMonths(-1)));
        Assert.Equal(6000L, timeline.In(October.AddMonths(-2), October).Sum(p => p.Impressions!.Value));
    }

    [Fact]
    public void Snapshots_SamePostTwice_LatestExportWins()
    {
        var older = Post(Channels.Facebook, "p", "2026-10-05T10:00:00Z", 100, 1) with { ExportedAt = new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.Zero) };
        var newer = older with { Impressions = 900, ExportedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero) };

        var timeline = new PostTimeline([newer, older], Paris);

        Assert.Equal(900, Assert.Single(timeline.In(October)).Impressions);
    }
}
