using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Reporting;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("0001-01", 1, 1)]
    public void TryParse_YearDashMonth_Parses(string text, int year, int month)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportPeriod(year, month), period);
        Assert.Equal(text, period.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("2026/10")]
    [InlineData("+026-10")]
    [InlineData("2026-10-01")]
    public void TryParse_Malformed_False(string? text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Fact]
    public void NextAndPrevious_AcrossYearEnd_Wrap()
    {
        Assert.Equal(new ReportPeriod(2027, 1), new ReportPeriod(2026, 12).Next);
        Assert.Equal(new ReportPeriod(2026, 12), new ReportPeriod(2027, 1).Previous);
        Assert.Equal(13, new ReportPeriod(2027, 1).MonthsSince(new ReportPeriod(2025, 12)));
    }
}
