using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Reporting;

public sealed class ReportMonthTests
{
    [Theory]
    [InlineData("2026-10", 2026, 10)]
    [InlineData("2000-01", 2000, 1)]
    [InlineData("2999-12", 2999, 12)]
    public void TryParse_YearDashMonth_Parses(string text, int year, int month)
    {
        Assert.True(ReportMonth.TryParse(text, out var parsed));
        Assert.Equal(new ReportMonth(year, month), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("26-10")]
    [InlineData("2026/10")]
    [InlineData("+026-10")]
    [InlineData("2026-10-01")]
    [InlineData("0000-01")]
    [InlineData("1999-12")]
    [InlineData("3000-01")]
    [InlineData("9999-01")]
    public void TryParse_Malformed_False(string? text)
    {
        Assert.False(ReportMonth.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Theory]
    [InlineData("9999-01")]
    [InlineData("2026-13")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        var error = Assert.Throws<FormatException>(() => ReportMonth.Parse(text));
        Assert.Equal(ReportMonth.Problem(text), error.Message);
        Assert.StartsWith($"'{text}' is not a month: use yyyy-MM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMonths_AcrossYears_Wraps()
    {
        Assert.Equal("2025-11", new ReportMonth(2026, 10).AddMonths(-11).ToString());
        Assert.Equal(new ReportMonth(2027, 1), new ReportMonth(2026, 12).AddMonths(1));
        Assert.Equal(new ReportMonth(2026, 12), new ReportMonth(2027, 1).AddMonths(-1));
    }

    [Fact]
    public void MonthsSince_AcrossYears_CountsWholeMonths()
    {
        Assert.Equal(13, new ReportMonth(2027, 1).MonthsSince(new ReportMonth(2025, 12)));
        Assert.Equal(-13, new ReportMonth(2025, 12).MonthsSince(new ReportMonth(2027, 1)));
    }

    [Theory]
    [InlineData(2024, 2, 29)]
    [InlineData(2026, 2, 28)]
    [InlineData(2026, 10, 31)]
    public void Days_Month_MatchesCalendar(int year, int month, int days)
    {
        var reportMonth = new ReportMonth(year, month);

        Assert.Equal(days, reportMonth.Days);
        Assert.Equal(new DateOnly(year, month, days), reportMonth.LastDay);
        Assert.True(reportMonth.Contains(reportMonth.LastDay));
        Assert.False(reportMonth.Contains(reportMonth.LastDay.AddDays(1)));
    }

    [Fact]
    public void Comparisons_OrderByYearThenMonth_EqualMonthsNeitherBefore()
    {
        var october = new ReportMonth(2026, 10);
        var january = new ReportMonth(2027, 1);

        Assert.True(october < january && october <= january && january > october && january >= october);
        Assert.False(october > january || october >= january || january < october || january <= october);
        Assert.True(october <= new ReportMonth(2026, 10) && october >= new ReportMonth(2026, 10));
        Assert.False(october < new ReportMonth(2026, 10) || october > new ReportMonth(2026, 10));
        Assert.Equal((-1, 0, 1), (october.CompareTo(january), october.CompareTo(new ReportMonth(2026, 10)), january.CompareTo(october)));
        Assert.Equal(new ReportMonth(2026, 10), ReportMonth.Of(new DateOnly(2026, 10, 31)));
        Assert.False(october.Contains(new DateOnly(2025, 10, 15))); // same month of another year
        Assert.Equal(new DateOnly(2026, 10, 1), october.FirstDay);
    }
}

