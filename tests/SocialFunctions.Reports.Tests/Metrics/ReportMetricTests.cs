using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Tests.Metrics;

public sealed class ReportMetricTests
{
    [Theory]
    [InlineData("awareness", "impressions,reach,followerGrowth,videoViews")]
    [InlineData("consideration", "engagementRate,engagements,watchTimeSeconds")]
    [InlineData("conversion", "clicks,ctr")]
    public void Headline_FunnelFocus_ReturnsTheSpecsHeadlineMetrics(string focus, string expected) =>
        Assert.Equal(expected, string.Join(',', ReportMetric.Headline(focus).Select(metric => metric.Key)));

    [Fact]
    public void Ordered_Conversion_LeadsWithHeadlineAndKeepsEveryMetricOnce()
    {
        var ordered = ReportMetric.Ordered("conversion").Select(metric => metric.Key).ToList();

        Assert.Equal(["clicks", "ctr", "impressions", "reach", "engagements", "engagementRate", "videoViews", "watchTimeSeconds", "followerGrowth"], ordered);
    }
}
