using SocialFunctions.Core.Brands;
using SocialFunctions.Reports.Metrics;

namespace SocialFunctions.Reports.Tests.Metrics;

public sealed class ReportMetricTests
{
    [Theory]
    [InlineData(FunnelFocus.Awareness, "impressions,reach,followerGrowth,videoViews")]
    [InlineData(FunnelFocus.Consideration, "engagementRate,engagements,saves,shares,watchTimeSeconds")]
    [InlineData(FunnelFocus.Conversion, "clicks,ctr")]
    public void Headline_FunnelFocus_ReturnsTheSpecsHeadlineMetrics(FunnelFocus focus, string expected) =>
        Assert.Equal(expected, string.Join(',', ReportMetric.Headline(focus).Select(metric => metric.Key)));

    [Fact]
    public void Ordered_Conversion_LeadsWithHeadlineAndKeepsEveryMetricOnce()
    {
        var ordered = ReportMetric.Ordered(FunnelFocus.Conversion).Select(metric => metric.Key).ToList();

        Assert.Equal(["clicks", "ctr", "impressions", "reach", "engagements", "engagementRate", "saves", "shares", "videoViews", "watchTimeSeconds", "followerGrowth"], ordered);
    }
}
