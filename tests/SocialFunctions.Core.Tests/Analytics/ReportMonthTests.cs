using SocialFunctions.Core.Analytics;

namespace SocialFunctions.Core.Tests.Analytics;

public class ReportMonthTests
{
    [Theory]
    [InlineData("2026-10", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-10", false)]
    [InlineData("2026/10", false)]
    [InlineData("+026-10", false)]
    [InlineData(null, false)]
    public void TryParse_ExactlyYearDashMonth(string? text, bool valid)
    {
        Assert.Equal(valid, ReportMonth.TryParse(text, out _));
    }

    [Fact]
    public void AddMonths_AcrossYears_Wraps()
    {
        Assert.Equal("2025-11", new ReportMonth(2026, 10).AddMonths(-11).ToString());
        Assert.Equal("2027-01", new ReportMonth(2026, 12).AddMonths(1).ToString());
    }

    [Fact]
    public void Span_Paris_StartsAtLocalMidnight()
    {
        var clock = new BrandClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        var (from, to) = clock.Span(new ReportMonth(2026, 10));

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), to);
    }
}
