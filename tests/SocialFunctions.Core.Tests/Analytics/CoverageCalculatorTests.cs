using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

public class CoverageCalculatorTests
{
    [Fact]
    public void For_DailyExportBesidePostExports_OnlyPostExportsCloseGaps()
    {
        var calculator = new CoverageCalculator(
        [
            Upload(Channels.Instagram, "2026-10-01", "2026-10-10"),
            Upload(Channels.Instagram, "2026-10-01", "2026-10-31", kind: ExportKind.Daily),
            Upload(Channels.Instagram, "2026-10-31", "2026-10-31"),
        ]);

        var coverage = calculator.For(Channels.Instagram, new ReportMonth(2026, 10));

        // Posts exports cover 3 days beyond their first and last post: 28 Sep–13 Oct and 28 Oct–2 Nov (received 2 Nov).
        Assert.Equal([new DateRange(new DateOnly(2026, 10, 14), new DateOnly(2026, 10, 27))], coverage.Gaps);
        Assert.Equal(17, coverage.CoveredDays);
        Assert.Equal(3, coverage.Uploads.Count);
    }

    [Theory]
    [InlineData("2026-10-04", "2026-10-28", 0)]
    [InlineData("2026-10-05", "2026-10-27", 2)]
    public void For_PostExport_QuietEdgeDaysUpToThreeCovered(string from, string to, int gapDays)
    {
        var coverage = new CoverageCalculator([Upload(Channels.X, from, to)]).For(Channels.X, new ReportMonth(2026, 10));

        Assert.Equal(gapDays, coverage.Gaps.Sum(g => g.To.DayNumber - g.From.DayNumber + 1));
    }

    [Fact]
    public void For_RangeExport_NoSlackBeyondItsRange()
    {
        var coverage = new CoverageCalculator([Upload(Channels.YouTube, "2026-10-02", "2026-10-31", kind: ExportKind.Range)]).For(Channels.YouTube, new ReportMonth(2026, 10));

        Assert.Equal([new DateRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1))], coverage.Gaps);
    }

    [Fact]
    public void For_OnlyDailyExports_DailyExportsCover()
    {
        var calculator = new CoverageCalculator([Upload(Channels.Pinterest, "2026-09-15", "2026-11-15", kind: ExportKind.Daily)]);

        var coverage = calculator.For(Channels.Pinterest, new ReportMonth(2026, 10));

        Assert.Empty(coverage.Gaps);
        Assert.Equal(31, coverage.CoveredDays);
    }

    [Theory]
    [InlineData(UploadStatus.InProgress)]
    [InlineData(UploadStatus.Rejected)]
    public void For_UploadNotAccepted_CoversNothing(string status)
    {
        // An upload cut off mid-way stays "in-progress" with its channel and dates: it must not hide a gap.
        var calculator = new CoverageCalculator([Upload(Channels.Facebook, "2026-10-01", "2026-10-31", status: status)]);

        Assert.Equal(0, calculator.For(Channels.Facebook, new ReportMonth(2026, 10)).CoveredDays);
        Assert.Null(calculator.LastCoveredDay(Channels.Facebook));
    }

    [Fact]
    public void For_NoUpload_WholeMonthIsOneGap()
    {
        var coverage = new CoverageCalculator([]).For(Channels.Blog, new ReportMonth(2026, 2));

        Assert.Equal([new DateRange(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28))], coverage.Gaps);
        Assert.Equal((28, 0), (coverage.DaysInMonth, coverage.CoveredDays));
    }

    [Fact]
    public void For_UploadsOverlappingTheMonthListedInDateOrder()
    {
        var calculator = new CoverageCalculator(
        [
            Upload(Channels.YouTube, "2026-10-31", "2026-11-05", kind: ExportKind.Range) with { FileName = "b.csv", Format = null }, // overlaps the last day
            Upload(Channels.YouTube, "2026-09-20", "2026-10-01", kind: ExportKind.Range) with { FileName = "a.csv" },                  // overlaps the first day
            Upload(Channels.YouTube, "2026-09-01", "2026-09-30", kind: ExportKind.Range),                                             // the month before
            Upload(Channels.YouTube, "2026-11-01", "2026-11-30", kind: ExportKind.Range),                                             // the month after
            Upload(Channels.YouTube, "2026-10-10", "2026-10-12", kind: ExportKind.Range) with { Status = UploadStatus.Partial, FileName = "p.csv" },
        ]);

        var coverage = calculator.For(Channels.YouTube, new ReportMonth(2026, 10));

        Assert.Equal(["a.csv", "p.csv", "b.csv"], coverage.Uploads.Select(u => u.FileName));
        Assert.Equal("unknown", coverage.Uploads[2].Format);
        Assert.Equal((new DateOnly(2026, 9, 20), new DateOnly(2026, 10, 1)), (coverage.Uploads[0].From!.Value, coverage.Uploads[0].To!.Value));
        Assert.Equal(
            [new DateRange(new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 9)), new DateRange(new DateOnly(2026, 10, 13), new DateOnly(2026, 10, 30))],
            coverage.Gaps);
        Assert.Equal((31, 5), (coverage.DaysInMonth, coverage.CoveredDays)); // 1, 10–12 (partly accepted counts), 31
        Assert.Equal(new DateOnly(2026, 11, 30), calculator.LastCoveredDay(Channels.YouTube));
    }

    [Fact]
    public void For_PostExportReceivedTheDayAfterItsLastPost_SlackStopsAtReceipt()
    {
        // Days after the upload was received cannot have been covered by it: they stay a gap.
        var upload = Upload(Channels.X, "2026-10-01", "2026-10-20") with { ReceivedAt = new DateTimeOffset(2026, 10, 21, 9, 0, 0, TimeSpan.Zero) };
        var calculator = new CoverageCalculator([upload]);

        Assert.Equal([new DateRange(new DateOnly(2026, 10, 22), new DateOnly(2026, 10, 31))], calculator.For(Channels.X, new ReportMonth(2026, 10)).Gaps);
        Assert.Equal(new DateOnly(2026, 10, 21), calculator.LastCoveredDay(Channels.X));

        // Received before its last post (a clock skew): the slack is lost, the stated last day still counts.
        var skewed = new CoverageCalculator([upload with { ReceivedAt = new DateTimeOffset(2026, 10, 18, 9, 0, 0, TimeSpan.Zero) }]);
        Assert.Equal(new DateOnly(2026, 10, 20), skewed.LastCoveredDay(Channels.X));
        Assert.Equal([false, true], skewed.CoveredDays(Channels.X, new DateOnly(2026, 9, 27), new DateOnly(2026, 9, 28))); // three days before the first post
    }

    [Fact]
    public void LastCoveredDay_LatestEndOfAnyUpload_NullForAChannelWithout()
    {
        var calculator = new CoverageCalculator(
        [
            Upload(Channels.Blog, "2026-10-01", "2026-10-31", kind: ExportKind.Range),
            Upload(Channels.Blog, "2026-09-01", "2026-09-30", kind: ExportKind.Range),
        ]);

        Assert.Equal(new DateOnly(2026, 10, 31), calculator.LastCoveredDay(Channels.Blog));
        Assert.Null(calculator.LastCoveredDay(Channels.Reddit));
        Assert.Equal([Channels.Blog], calculator.Channels);
        Assert.Empty(calculator.CoveredDays(Channels.Blog, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Runs_EachStretchOfTheValue()
    {
        bool[] days = [true, false, false, true, false];
        var first = new DateOnly(2026, 10, 1);

        Assert.Equal([new DateRange(first.AddDays(1), first.AddDays(2)), new DateRange(first.AddDays(4), first.AddDays(4))], CoverageCalculator.Runs(days, first, value: false));
        Assert.Equal([new DateRange(first, first), new DateRange(first.AddDays(3), first.AddDays(3))], CoverageCalculator.Runs(days, first, value: true));
        Assert.Empty(CoverageCalculator.Runs([], first, value: false));
    }

    [Fact]
    public void For_UploadsStartingTheSameDay_ShorterFirstThenByFileName()
    {
        // Same start: the one ending first leads; same range: by file name. Each upload keeps its format.
        var calculator = new CoverageCalculator(
        [
            Upload(Channels.YouTube, "2026-10-01", "2026-10-20", kind: ExportKind.Range) with { FileName = "c.csv" },
            Upload(Channels.YouTube, "2026-10-01", "2026-10-10", kind: ExportKind.Range) with { FileName = "b.csv" },
            Upload(Channels.YouTube, "2026-10-05", "2026-10-06", kind: ExportKind.Range) with { FileName = "z.csv" },
            Upload(Channels.YouTube, "2026-10-05", "2026-10-06", kind: ExportKind.Range) with { FileName = "a.csv" },
        ]);

        var coverage = calculator.For(Channels.YouTube, new ReportMonth(2026, 10));

        Assert.Equal(["b.csv", "c.csv", "a.csv", "z.csv"], coverage.Uploads.Select(u => u.FileName));
        Assert.All(coverage.Uploads, u => Assert.Equal("youtube-posts", u.Format));
    }
}
