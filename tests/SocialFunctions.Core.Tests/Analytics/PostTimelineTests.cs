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
    private static DateTimeOffset Exported(int day) => new(2026, 11, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void New_NoPostsOrNoClock_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => new PostTimeline(null!, Paris));
        Assert.Throws<ArgumentNullException>(() => new PostTimeline([], null!));
    }

    [Fact]
    public void Snapshots_SamePostTwiceNewerReadFirstOrSameExportTime_NewerOrLastReadWins()
    {
        var older = Post(Channels.Facebook, "p", "2026-10-05T10:00:00Z", 100, 1) with { ExportedAt = Exported(1) };
        var newer = older with { Impressions = 900, ExportedAt = Exported(5) };
        var undated = Post(Channels.Facebook, "q", "2026-10-06T10:00:00Z", 10, 1);

        var timeline = new PostTimeline([older, newer, undated, undated with { Impressions = 20 }], Paris);

        // p: the newer export, whichever comes first; q: two loads without an export time, the one read last.
        Assert.Equal([900L, 20L], timeline.In(October).Select(p => p.Impressions!.Value).ToArray());
    }

    [Fact]
    public void Channels_ThoseOfSnapshotsAndOfRanges()
    {
        var timeline = new PostTimeline([Post(Channels.Facebook, "f", "2026-10-05T10:00:00Z", 1, 1), Range(Channels.YouTube, "v", "2026-10-01", "2026-10-31", 1, 1)], Paris);

        Assert.Equal([Channels.Facebook, Channels.YouTube], timeline.Channels.ToArray());
    }

    [Theory]
    [InlineData(0)]  // a few hundred days: the counting sort over days
    [InlineData(-6)] // years apart: the comparison sort on (day, input index)
    public void Snapshots_ByLocalDayThenInputOrder_WhetherDaysAreFewOrYearsApart(int yearsBack)
    {
        // Catches a sort that is not by day, not stable within a day, or splits channels wrongly — in either of the two
        // sorts the timeline picks between by the span of days.
        var early = 2026 + yearsBack;
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "b", "2026-10-05T09:00:00Z", 1, 1),
            Post(Channels.Facebook, "a", $"{early}-07-10T09:00:00Z", 1, 1),
            Post(Channels.Facebook, "c", "2026-10-05T08:00:00Z", 1, 1), // same day as b, read after it
            Post(Channels.Facebook, "d", $"{early + (yearsBack == 0 ? 0 : 3)}-08-01T09:00:00Z", 1, 1),
        ], Paris);
        var (from, to) = (new DateOnly(early, 1, 1), new DateOnly(2026, 12, 31));

        Assert.Equal(["a", "d", "b", "c"], timeline.SnapshotsIn(from, to).Select(s => s.Post.PostId).ToArray());
        Assert.Equal(["a", "d", "c"], timeline.SnapshotsIn(from, to, Channels.Facebook).Select(s => s.Post.PostId).ToArray());
        Assert.Equal(["b"], timeline.SnapshotsIn(from, to, Channels.Instagram).Select(s => s.Post.PostId).ToArray());
    }

    [Fact]
    public void SnapshotsIn_OneChannelOrAll_EmptyWhenFromIsAfterTo()
    {
        var timeline = new PostTimeline(
        [
            Post(Channels.Facebook, "f", "2026-10-05T10:00:00Z", 1, 1),
            Post(Channels.Instagram, "i", "2026-10-07T10:00:00Z", 1, 1),
            Post(Channels.Facebook, "g", "2026-10-09T10:00:00Z", 1, 1),
        ], Paris);
        var (from, to) = (new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 9));

        Assert.Equal(["f", "i", "g"], timeline.SnapshotsIn(from, to).Select(s => s.Post.PostId).ToArray());
        Assert.Equal(["f", "g"], timeline.SnapshotsIn(from, to, Channels.Facebook).Select(s => s.Post.PostId).ToArray());
        Assert.Equal(0, timeline.SnapshotsIn(to, from).Count); // an empty period, even with a post between the two days
    }

    [Fact]
    public void In_RangeDates_FromTheRangeElseTheLocalPublishDay()
    {
        // v1 was published (exported) in September but covers October; v2 has no range dates: the local day of 9 October
        // 23:30 UTC is 10 October in Paris, a one-day range.
        var v1 = Range(Channels.YouTube, "v1", "2026-10-01", "2026-10-31", 100, 1) with { PublishedAt = new DateTimeOffset(2026, 9, 15, 0, 0, 0, TimeSpan.Zero) };
        var v2 = Range(Channels.YouTube, "v2", "2026-10-01", "2026-10-01", 7, 1) with
        {
            RangeFrom = null, RangeTo = null, PublishedAt = new DateTimeOffset(2026, 10, 9, 23, 30, 0, TimeSpan.Zero),
        };

        var timeline = new PostTimeline([v1, v2], Paris);

        Assert.Equal([100L, 7L], timeline.In(October).Select(p => p.Impressions!.Value).ToArray());
        Assert.Equal([7L], timeline.In(new DateOnly(2026, 10, 10), new DateOnly(2026, 10, 10)).Select(p => p.Impressions!.Value).ToArray());
    }

    [Fact]
    public void In_RangesOfOneChannel_OtherChannelsLeftOut()
    {
        var timeline = new PostTimeline([Range(Channels.YouTube, "v", "2026-10-05", "2026-10-05", 100, 1), Range(Channels.Blog, "b", "2026-10-01", "2026-10-31", 5, 1)], Paris);

        Assert.Equal([100L], timeline.In(October, Channels.YouTube).Select(p => p.Impressions!.Value).ToArray()); // a one-day range counts
    }

    [Fact]
    public void In_SameRangeExportedTwice_NewerExportCounts()
    {
        var older = Range(Channels.YouTube, "v", "2026-10-01", "2026-10-31", 100, 1) with { ExportedAt = Exported(1) };
        var newer = older with { Impressions = 150, ExportedAt = Exported(5) };

        Assert.Equal([150L], new PostTimeline([older, newer], Paris).In(October).Select(p => p.Impressions!.Value).ToArray());
    }

    [Fact]
    public void In_OverlappingRanges_LongestFirstThenOnlyThoseSharingNoDay()
    {
        // 1–20 October (19 days) is taken; 15–25 (10 days, later in the month) overlaps it; 21–31 touches none it overlaps;
        // 20–21 shares a day with each. Item w: 15–31 is taken before 1–15, which shares the 15th; item x: 1–20 before
        // 20–25, which shares the 20th. Counted: 10 + 100, 100,000 and 1,000.
        var timeline = new PostTimeline(
        [
            Range(Channels.YouTube, "v", "2026-10-15", "2026-10-25", 1, 0),
            Range(Channels.YouTube, "v", "2026-10-01", "2026-10-20", 10, 0),
            Range(Channels.YouTube, "v", "2026-10-21", "2026-10-31", 100, 0),
            Range(Channels.YouTube, "v", "2026-10-20", "2026-10-21", 1000, 0),
            Range(Channels.YouTube, "w", "2026-10-01", "2026-10-15", 10_000, 0),
            Range(Channels.YouTube, "w", "2026-10-15", "2026-10-31", 100_000, 0),
            Range(Channels.YouTube, "x", "2026-10-01", "2026-10-20", 1_000, 0),
            Range(Channels.YouTube, "x", "2026-10-20", "2026-10-25", 1_000_000, 0),
        ], Paris);

        Assert.Equal(101_110L, timeline.In(October).Sum(p => p.Impressions!.Value));
    }

    [Theory]
    [InlineData("youtube", "2026-09-01", "2026-10-31", true)]  // starts before the month
    [InlineData("youtube", "2026-10-01", "2026-11-30", true)]  // ends after it
    [InlineData("youtube", "2026-10-31", "2026-11-05", true)]  // from its last day
    [InlineData("youtube", "2026-09-20", "2026-10-01", true)]  // to its first day
    [InlineData("youtube", "2026-10-01", "2026-10-31", false)] // exactly the month: counted in it
    [InlineData("youtube", "2026-10-05", "2026-10-10", false)] // inside it
    [InlineData("youtube", "2026-08-01", "2026-09-30", false)] // before it
    [InlineData("youtube", "2026-11-01", "2026-12-31", false)] // after it
    [InlineData("blog", "2026-09-01", "2026-10-31", false)]    // another channel's
    public void HasStraddlingRanges_RangesOverlappingTheMonthWithoutLyingInIt(string channel, string from, string to, bool expected) =>
        Assert.Equal(expected, new PostTimeline([Range(channel, "r", from, to, 1, 1)], Paris).HasStraddlingRanges(October, Channels.YouTube));
}
