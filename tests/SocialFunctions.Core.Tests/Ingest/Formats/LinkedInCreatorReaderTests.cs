using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>
/// A member's creator analytics workbook (invented, shaped on the real downloads listed in docs/exports.md): daily
/// impressions, engagements and new followers, the follower total, and the sheets not read named in the answer.
/// </summary>
public sealed class LinkedInCreatorReaderTests
{
    private const string File = "Content_2026-10-01_2026-10-07_Camille Roux.xlsx";

    private static DateOnly Day(int day) => new(2026, 10, day);

    [Fact]
    public async Task ReadAsync_CreatorWorkbook_DetectedAndEveryDayOfBothDailySheetsIsARow()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", File);

        // 6 ENGAGEMENT days (a seventh refused), 7 FOLLOWERS days and the follower total; no posts.
        Assert.Equal("linkedin-creator", parsed.Format);
        Assert.Equal(14, parsed.DailyRows.Count);
        Assert.Single(parsed.Rejected);
        Assert.Empty(parsed.PostRows);
        Assert.All(parsed.Daily, d => Assert.Equal(Channels.LinkedIn, d.Channel));
    }

    [Fact]
    public async Task ReadAsync_EngagementSheetInNoDateOrder_EachDayOnItsOwnDate()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", File);

        var impressions = parsed.Daily.Where(d => d.Metric == DailyMetricNames.Impressions).ToDictionary(d => d.Date, d => d.Value);
        Assert.Equal(new Dictionary<DateOnly, double> { [Day(3)] = 0, [Day(1)] = 120, [Day(7)] = 95, [Day(2)] = 640, [Day(4)] = 410, [Day(5)] = 505 }, impressions);
        Assert.Equal(31, parsed.Daily.Single(d => d.Metric == DailyMetricNames.Engagements && d.Date == Day(2)).Value);
        Assert.Equal(2, parsed.DailyRows[0].Line);
    }

    [Fact]
    public async Task ReadAsync_NegativeEngagements_LeftOutOfTheDayWithAWarning()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", File);

        var fourth = parsed.DailyRows.Single(r => r.Values.Any(v => v.Date == Day(4)) && r.Values.Any(v => v.Metric == DailyMetricNames.Impressions));
        Assert.Equal([DailyMetricNames.Impressions], fourth.Values.Select(v => v.Metric));
        Assert.Equal(410, fourth.Values[0].Value);
        Assert.Contains(
            "sheet 'ENGAGEMENT': 1 negative count(s) not stored, the earliest Engagements -6 on 2026-10-04 (LinkedIn writes them; a count cannot be below zero); those days' other values were stored",
            parsed.Warnings);
    }

    [Fact]
    public async Task ReadAsync_BadCount_RejectsTheDayWithSheetRowAndColumn()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", File);

        Assert.Equal(new RejectedRow(8, 3, "Engagements: expected a number, found 'x9'"), Assert.Single(parsed.Rejected));
        Assert.DoesNotContain(parsed.Daily, d => d.Date == Day(6) && d.Metric == DailyMetricNames.Impressions);
    }

    [Fact]
    public async Task ReadAsync_FollowersSheet_NewFollowersByDayAndTheTotalOnItsDay()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", File);

        var newFollowers = parsed.Daily.Where(d => d.Metric == DailyMetricNames.NewFollowers).ToList();
        Assert.Equal([3d, 11, 0, 5, 4, 2, 1], newFollowers.Select(d => d.Value));
        Assert.Equal(Day(1), newFollowers[0].Date);
        var total = Assert.Single(parsed.Daily, d => d.Metric == DailyMetricNames.Followers);
        Assert.Equal((Day(7), 1250d), (total.Date, total.Value));
        Assert.Equal(1, parsed.DailyRows.Single(r => r.Values.Contains(total)).Line);
    }

    [Fact]
    public async Task ReadAsync_SheetsNotRead_NamedWithWhy_AndTheProfileWarningGiven()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", File);

        Assert.Contains(parsed.Warnings, w => w.StartsWith("sheet 'TOP POSTS' was not read: its two top-50 lists", StringComparison.Ordinal));
        Assert.Contains(parsed.Warnings, w => w.StartsWith("sheet 'DISCOVERY' was not read:", StringComparison.Ordinal));
        Assert.Contains("sheet 'DEMOGRAPHICS' was not read: audience demographics are not used by the report", parsed.Warnings);
        Assert.Contains(parsed.Warnings, w => w.StartsWith("LinkedIn creator analytics describe a member's profile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Match_PageContentExport_IsNotCreatorAnalytics()
    {
        var probe = await ExportParse.ProbeAsync("linkedin", "content.xls");

        Assert.Equal(0, new LinkedInCreatorReader().Match(probe));
        Assert.Equal(0, new LinkedInContentReader().Match(await ExportParse.ProbeAsync("linkedin", File)));
    }
}
