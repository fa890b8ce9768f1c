using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class TikTokOverviewReaderTests
{
    [Fact]
    public async Task ReadAsync_Zip_YieldsDailyMetricsWithYearFromZipName()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "TikTok_Overview_2026-10-01_2026-10-03.zip");

        Assert.Equal("tiktok-overview", parsed.Format);
        Assert.Equal(14, parsed.Daily.Count);
        var views = parsed.Daily.Where(d => d.Metric == DailyMetricNames.VideoViews).ToList();
        Assert.Equal([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)], views.Select(v => v.Date));
        Assert.Equal(2500, views.Sum(v => v.Value));
        Assert.Equal(150, parsed.Daily.Where(d => d.Metric == DailyMetricNames.Reactions && d.Date.Day < 3).Sum(d => d.Value));
        Assert.All(parsed.Daily, d => Assert.Equal(Channels.TikTok, d.Channel));
    }

    [Fact]
    public async Task ReadAsync_BadValue_RejectsCellAndKeepsTheRest()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "TikTok_Overview_2026-10-01_2026-10-03.zip");

        var rejected = Assert.Single(parsed.Rejected);
        Assert.Equal(new RejectedRow(4, 2, "Video Views: expected a number, found 'lots'"), rejected);
        Assert.Equal(4, parsed.Daily.Count(d => d.Date == new DateOnly(2026, 10, 3)));
    }

    [Fact]
    public async Task ReadAsync_RussianMonthNames_ResolvesAgainstUploadDay()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "overview-russian-dates.csv");

        Assert.Equal("tiktok-overview", parsed.Format);
        Assert.Equal(
            [new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 1)],
            parsed.Daily.Where(d => d.Metric == DailyMetricNames.VideoViews).Select(d => d.Date));
        Assert.Equal(1600, parsed.Daily.Where(d => d.Metric == DailyMetricNames.VideoViews).Sum(d => d.Value));
    }
}
