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
}
