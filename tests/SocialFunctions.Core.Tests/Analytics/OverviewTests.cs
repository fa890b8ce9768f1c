using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>The overall content page's numbers on a hand-checked fixture (UTC brand, October 2026).</summary>
public sealed class OverviewTests
{
    private static ContentOverview Overview()
    {
        var input = new TrendReportInput
        {
            Settings = BrandSettings.CreateDefault(BrandName.Parse("acme")),
            Month = ReportMonth.Parse("2026-10"),
            Posts =
            [
                Post(Channels.Instagram, "a", "2026-10-05T10:00:00Z", 1000, 100) with { ContentType = ContentTypes.Reel }, // Monday 10:00
                Post(Channels.Instagram, "b", "2026-10-06T10:00:00Z", 1000, 20) with { ContentType = ContentTypes.Image }, // Tuesday 10:00
                Post(Channels.Instagram, "c", "2026-10-12T19:00:00Z", 2000, 120) with { ContentType = ContentTypes.Reel }, // Monday 19:00
                Post(Channels.Facebook, "d", "2026-10-07T13:00:00Z", 1000, 30) with { ContentType = ContentTypes.Image }, // Wednesday 13:00
                Post(Channels.Instagram, "e", "2026-09-07T10:00:00Z", 1000, 50) with { ContentType = ContentTypes.Reel }, // the months before
            ],
            Daily = [],
            Uploads = [Upload(Channels.Instagram, "2026-09-01", "2026-10-31"), Upload(Channels.Facebook, "2026-09-01", "2026-10-31")],
        };
        return new TrendReportBuilder(new FakeTimeProvider()).Build(input).Overview;
    }

    [Fact]
    public void Overview_ByContentType_MonthAndPriorRates()
    {
        var byType = Overview().ByContentType.ToDictionary(s => s.Key);

        // Reels a + c: 220 / 3000; images b + d: 50 / 2000; before October one reel, e: 50 / 1000.
        Assert.Equal((2, 220.0 / 3000, 1, 0.05), (byType["reel"].Posts, byType["reel"].EngagementRate!.Value, byType["reel"].PriorPosts, byType["reel"].PriorEngagementRate!.Value));
        Assert.Equal((2, 50.0 / 2000, 0), (byType["image"].Posts, byType["image"].EngagementRate!.Value, byType["image"].PriorPosts));
        Assert.Null(byType["image"].PriorEngagementRate);
    }

    [Fact]
    public void Overview_ByWeekdayAndHour_LocalPublishTime()
    {
        var overview = Overview();
        var weekday = overview.ByWeekday.Where(s => s.Posts > 0).ToDictionary(s => s.Key, s => (s.Posts, s.EngagementRate));
        var hour = overview.ByHour.Where(s => s.Posts > 0).ToDictionary(s => s.Key, s => (s.Posts, s.EngagementRate));

        Assert.Equal(new Dictionary<string, (int, double?)> { ["monday"] = (2, 220.0 / 3000), ["tuesday"] = (1, 0.02), ["wednesday"] = (1, 0.03) }, weekday);
        Assert.Equal(new Dictionary<string, (int, double?)> { ["09-12"] = (2, 120.0 / 2000), ["12-15"] = (1, 0.03), ["18-21"] = (1, 0.06) }, hour);
    }

    [Fact]
    public void Overview_TotalAndShares_AllChannels()
    {
        var overview = Overview();

        Assert.Equal((4, 270L), (overview.Total!.Current.Posts, overview.Total.Current.Engagements!.Value));
        Assert.Equal(
            [(Channels.Instagram, 240L, 240.0 / 270), (Channels.Facebook, 30L, 30.0 / 270)],
            overview.EngagementShares.Select(s => (s.Channel, s.Engagements, s.Share)).ToArray());
        Assert.Equal(13, overview.History.Count);
        Assert.Equal((ReportMonth.Parse("2026-10"), 270L), (overview.History[^1].Month, overview.History[^1].Engagements!.Value));
        Assert.Equal(50L, overview.History[^2].Engagements); // September: e
    }
}
