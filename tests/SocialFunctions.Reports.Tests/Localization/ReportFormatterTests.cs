using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Tests.Localization;

public sealed class ReportFormatterTests
{
    private static readonly ReportFormatter En = new(ReportLocale.English);
    private static readonly ReportFormatter Fr = new(ReportLocale.French);

    [Fact]
    public void Change_French_UsesCommaAndSpaceBeforePercent() => Assert.Equal("+12,5\u00A0%", Fr.Change(0.125));

    [Fact]
    public void Change_EnglishNegative_HasMinusAndOneDecimal() => Assert.Equal("-3.1%", En.Change(-0.0312));

    [Fact]
    public void Rate_English_TwoDecimals() => Assert.Equal("4.78%", En.Rate(0.0478));

    [Fact]
    public void Month_French_LowerCaseMonthAndYear() => Assert.Equal("octobre 2026", Fr.Month(new ReportMonth(2026, 10)));

    [Fact]
    public void Month_English_MonthAndYear() => Assert.Equal("October 2026", En.Month(new ReportMonth(2026, 10)));

    [Fact]
    public void Count_English_GroupsThousands() => Assert.Equal("12,345", En.Count(12_345));

    [Fact]
    public void Count_French_GroupsThousandsWithASpace() => Assert.Matches("^12[\u00A0\u202F ]345$", Fr.Count(12_345));

    [Theory]
    [InlineData("impressions")]
    [InlineData("engagementRate")]
    [InlineData("watchTimeSeconds")]
    [InlineData("followerGrowth")]
    public void Metric_MissingValue_PrintsDashNotZero(string key) =>
        Assert.Equal("—", En.Metric(ReportMetric.All.Single(metric => metric.Key == key), null));

    [Fact]
    public void Duration_Seconds_PrintsHours() => Assert.Equal("2.5 h", En.Duration(9_000));

    [Fact]
    public void SignedCount_Positive_HasPlus() => Assert.Equal("+1,234", En.SignedCount(1_234));
}
