using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>Posts per ISO week against the weekly targets: whole weeks that overlap the month, adherence uncapped.</summary>
public sealed class CadenceCalculatorTests
{
    private static readonly ReportMonth October = new(2026, 10); // Thursday 1 to Saturday 31: weeks W40 (28 Sep) to W44 (to Sunday 1 Nov)

    [Fact]
    public void WeeksOf_EveryMondayWhoseWeekOverlapsTheMonth()
    {
        Assert.Equal(
            [new DateOnly(2026, 9, 28), new DateOnly(2026, 10, 5), new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 26)],
            CadenceCalculator.WeeksOf(October));

        // June 2026 starts on a Monday and ends on a Tuesday: the week of Monday 29 June still overlaps it.
        Assert.Equal(new DateOnly(2026, 6, 1), CadenceCalculator.WeeksOf(new ReportMonth(2026, 6))[0]);
        Assert.Equal(new DateOnly(2026, 6, 29), CadenceCalculator.WeeksOf(new ReportMonth(2026, 6))[^1]);
        Assert.Equal(5, CadenceCalculator.WeeksOf(new ReportMonth(2026, 6)).Count);

        // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
        Assert.Equal(4, CadenceCalculator.WeeksOf(new ReportMonth(2027, 2)).Count);
    }

    [Fact]
    public void For_WholeWeeksCountedIncludingDaysInNeighbouringMonths()
    {
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "before", "2026-09-27T12:00:00Z", 100, 1), // Sunday before W40: not listed
            Post(Channels.Instagram, "first", "2026-09-28T00:00:00Z", 100, 1),  // Monday of W40 (September)
            Post(Channels.Instagram, "a", "2026-10-06T10:00:00Z", 100, 1),
            Post(Channels.Instagram, "b", "2026-10-07T10:00:00Z", 100, 1),
            Post(Channels.Instagram, "c", "2026-10-08T10:00:00Z", 100, 1),
            Post(Channels.Instagram, "last", "2026-11-01T23:59:00Z", 100, 1),   // Sunday of W44 (November)
            Post(Channels.Instagram, "after", "2026-11-02T00:00:00Z", 100, 1),  // Monday after: not listed
            Post(Channels.Facebook, "fb", "2026-10-06T10:00:00Z", 100, 1),
        ],
        BrandClock.Find("UTC"));
        var targets = new Dictionary<string, double> { [Channels.Instagram] = 2, [Channels.Facebook] = 0 };

        var weeks = CadenceCalculator.For(timeline, October, targets, [Channels.Instagram, Channels.Facebook, Channels.X], EveryDay);

        var instagram = weeks.Where(w => w.Channel == Channels.Instagram).ToList();
        Assert.Equal(["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"], instagram.Select(w => w.Week));
        Assert.Equal([1, 3, 0, 0, 1], instagram.Select(w => w.Posts));
        Assert.Equal([0.5, 1.5, 0, 0, 0.5], instagram.Select(w => w.Adherence!.Value));
        Assert.All(instagram, w => Assert.Equal(2, w.Target));
        Assert.Equal(new DateOnly(2026, 10, 5), instagram[1].WeekStart);

        // A zero target gives no adherence; no target at all leaves both empty; every listed channel gets every week.
        var facebook = weeks.Where(w => w.Channel == Channels.Facebook).ToList();
        Assert.Equal([0, 1, 0, 0, 0], facebook.Select(w => w.Posts));
        Assert.All(facebook, w => Assert.Equal((0.0, (double?)null), (w.Target!.Value, w.Adherence)));
        var x = weeks.Where(w => w.Channel == Channels.X).ToList();
        Assert.Equal(5, x.Count);
        Assert.All(x, w => Assert.Equal((0, (double?)null, (double?)null), (w.Posts, w.Target, w.Adherence)));
    }

    private static bool[] EveryDay(string channel, DateOnly from, DateOnly to) => [.. Enumerable.Repeat(true, to.DayNumber - from.DayNumber + 1)];

    [Fact]
    public void For_WeeksNoExportCovers_NoAdherence_PartlyCoveredWeeksHeldToTheirCoveredDays()
    {
        // A real brand's Instagram export began on Wednesday 14 October: its first weeks are unknown, not "0 of 2".
        var timeline = new PostTimeline(
        [
            Post(Channels.Instagram, "a", "2026-10-14T10:00:00Z", 100, 1),
            Post(Channels.Instagram, "b", "2026-10-15T10:00:00Z", 100, 1),
            Post(Channels.Instagram, "c", "2026-10-20T10:00:00Z", 100, 1),
        ],
        BrandClock.Find("UTC"));
        var coveredFrom = new DateOnly(2026, 10, 14);
        bool[] Covered(string channel, DateOnly from, DateOnly to)
        {
            Assert.Equal((new DateOnly(2026, 9, 28), new DateOnly(2026, 11, 1)), (from, to));
            return [.. Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => from.AddDays(i) >= coveredFrom)];
        }

        var weeks = CadenceCalculator.For(timeline, October, new Dictionary<string, double> { [Channels.Instagram] = 2 }, [Channels.Instagram], Covered);

        Assert.Equal([0, 0, 5, 7, 7], weeks.Select(w => w.CoveredDays));
        Assert.Equal([null, null, 2 / (2 * 5 / 7.0), 0.5, 0], weeks.Select(w => w.Adherence));
    }

    [Fact]
    public void WeeksOf_MonthEndingOnAMonday_ThatWeekIncluded()
    {
        // November 2026 runs from Sunday 1 to Monday 30: six weeks, from Monday 26 October to Monday 30 November
        // (catches `monday <= month.LastDay` → `<`).
        var weeks = CadenceCalculator.WeeksOf(new ReportMonth(2026, 11));

        Assert.Equal(6, weeks.Count);
        Assert.Equal((new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 30)), (weeks[0], weeks[^1]));
    }
}
