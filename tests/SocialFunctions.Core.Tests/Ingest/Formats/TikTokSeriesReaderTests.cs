using SocialFunctions.Core.Ingest.Formats;
using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class TikTokSeriesReaderTests
{
    private static readonly ExportContext UploadedMarch2 = ExportParse.Context with { ReceivedAt = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero) };

    [Fact]
    public async Task ReadAsync_ZipWithRangeInName_OneRowPerDayAndABadDayRefusedWhole()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "TikTok_Overview_2026-10-01_2026-10-03.zip");

        Assert.Equal("tiktok-overview", parsed.Format);
        Assert.Equal(2, parsed.DailyRows.Count);
        Assert.Equal(10, parsed.Daily.Count);
        Assert.Equal(new RejectedRow(4, 2, "Video Views: expected a number, found 'lots'"), Assert.Single(parsed.Rejected));
        Assert.DoesNotContain(parsed.Daily, d => d.Date == new DateOnly(2026, 10, 3));
        Assert.Equal(2500, parsed.Daily.Where(d => d.Metric == DailyMetricNames.VideoViews).Sum(v => v.Value));
        Assert.Equal(150, parsed.Daily.Where(d => d.Metric == DailyMetricNames.Reactions).Sum(d => d.Value));
        Assert.All(parsed.Daily, d => Assert.Equal(Channels.TikTok, d.Channel));
        Assert.Empty(parsed.Warnings);
    }

    /// <summary>A 365-day overview runs February 28 → February 27: the file's order carries the year boundary.</summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData("2026-02-28", false)]
    public async Task ReadAsync_365Days_KeepsFileOrderAcrossTheYearBoundary(string? exportedOn, bool warns)
    {
        var hints = new UploadHints(exportedOn is null ? null : DateOnly.Parse(exportedOn, CultureInfo.InvariantCulture));
        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.File("tiktok/overview-365-days.csv"), UploadedMarch2, hints);

        var days = parsed.DailyRows.Select(r => r.Values.Count > 0 ? r.Values[0].Date : default).ToList();
        Assert.Equal(365, parsed.DailyRows.Count);
        Assert.Equal(new DateOnly(2025, 2, 28), days[0]);
        Assert.Equal(new DateOnly(2026, 2, 27), days[^1]);
        Assert.Equal(days.Order(), days);
        Assert.Equal(days.Count, days.Distinct().Count());
        Assert.Equal(warns, parsed.Warnings.Count == 1);
    }

    [Fact]
    public async Task ReadAsync_365DaysUploadedMonthsLater_StillTheTwelveMonthsBeforeTheUpload()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "overview-365-days.csv");

        Assert.Equal(new DateOnly(2025, 2, 28), parsed.Daily[0].Date);
        Assert.Equal(new DateOnly(2026, 2, 27), parsed.Daily[^1].Date);
        Assert.Contains("2025-02-28 to 2026-02-27", Assert.Single(parsed.Warnings), StringComparison.Ordinal);
        Assert.Equal(1825, parsed.Daily.Count);
        Assert.Equal(0, parsed.DailyRows.Take(10).SelectMany(r => r.Values).Sum(v => v.Value));
    }

    [Fact]
    public async Task ReadAsync_NameWithRangeStartAndUnixTime_DatesFromTheName()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "TikTok_Overview_2026-02-10_1773500000.csv");

        Assert.Equal(33, parsed.DailyRows.Count);
        Assert.Equal(new DateOnly(2026, 2, 10), parsed.Daily[0].Date);
        Assert.Equal(new DateOnly(2026, 3, 14), parsed.Daily[^1].Date);
        Assert.Equal(Enumerable.Range(0, 33).Sum(i => 500 + i), parsed.Daily.Where(d => d.Metric == DailyMetricNames.VideoViews).Sum(d => d.Value));
        Assert.Empty(parsed.Warnings);
    }

    [Theory]
    [InlineData("overview-spanish.csv", "2026-03-08", "2026-03-14", 63)]
    [InlineData("overview-russian-dates.csv", "2026-09-30", "2026-10-01", 1600)]
    public async Task ReadAsync_LocalizedDayFirstDates_ResolveAgainstTheUploadDay(string file, string first, string last, double viewSum)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", file);

        Assert.Equal("tiktok-overview", parsed.Format);
        var views = parsed.Daily.Where(d => d.Metric == DailyMetricNames.VideoViews).ToList();
        Assert.Equal(DateOnly.Parse(first, CultureInfo.InvariantCulture), views[0].Date);
        Assert.Equal(DateOnly.Parse(last, CultureInfo.InvariantCulture), views[^1].Date);
        Assert.Equal(viewSum, views.Sum(d => d.Value));
        Assert.Contains("the upload day (2026-11-05)", Assert.Single(parsed.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Viewers_UndefinedIsMissingNeverZero()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "viewers.csv");

        Assert.Equal("tiktok-viewers", parsed.Format);
        Assert.Equal(10, parsed.DailyRows.Count);
        var reach = parsed.Daily.Where(d => d.Metric == DailyMetricNames.Reach).ToList();
        Assert.Equal(7, reach.Count);
        Assert.Equal(new DateOnly(2026, 10, 23), reach[0].Date);
        Assert.Equal(Enumerable.Range(3, 7).Sum(i => 1000 + (i * 100)), reach.Sum(d => d.Value));
        Assert.Equal(10, parsed.Daily.Count(d => d.Metric == "new-viewers"));
    }

    [Fact]
    public async Task ReadAsync_FollowerHistory_DailyFollowersWithoutUndefinedDays()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "follower-history.csv");

        Assert.Equal("tiktok-follower-history", parsed.Format);
        Assert.Equal(5, parsed.DailyRows.Count);
        Assert.Equal([5002d, 5003d, 5004d], parsed.Daily.Select(d => d.Value));
        Assert.All(parsed.Daily, d => Assert.Equal(DailyMetricNames.Followers, d.Metric));
        Assert.Equal(new DateOnly(2026, 10, 27), parsed.Daily[0].Date);
    }

    /// <summary>A day that is no date is refused with its line and column; the other days keep their own dates.</summary>
    [Fact]
    public async Task ReadAsync_BadDate_RejectedAndTheOtherDaysKept()
    {
        var parsed = await ReadTextAsync("\"Date\",\"Total Viewers\"\n\"October 20\",\"40\"\n\"Octember 21\",\"50\"\n\"October 22\",\"60\"\n");

        Assert.Equal(new RejectedRow(3, 1, "Date: expected a date such as 'October 31', found 'Octember 21'"), Assert.Single(parsed.Rejected));
        Assert.Equal(
            [(new DateOnly(2026, 10, 20), 40d), (new DateOnly(2026, 10, 22), 60d)],
            parsed.Daily.Select(d => (d.Date, d.Value)));

        // The year came from the upload day: the warning names the series and the file.
        Assert.Contains("TikTok Studio viewers (export.csv)", Assert.Single(parsed.Warnings), StringComparison.Ordinal);
    }

    /// <summary>No dated day at all: only the rejections, and no warning about days there are none of.</summary>
    [Fact]
    public async Task ReadAsync_NoDatedDay_OnlyRejectionsAndNoWarning()
    {
        var parsed = await ReadTextAsync("\"Date\",\"Total Viewers\"\n\"Octember 21\",\"50\"\n");

        Assert.Single(parsed.Rejected);
        Assert.Empty(parsed.Daily);
        Assert.Empty(parsed.Warnings);
    }

    /// <summary>10,000 days are read; one more is refused (a year is at most 366).</summary>
    [Theory]
    [InlineData(10_000, false)]
    [InlineData(10_001, true)]
    public async Task ReadAsync_MoreThanMaxDays_Refused(int days, bool refused)
    {
        var text = new System.Text.StringBuilder("\"Date\",\"Followers\"\n");
        for (var i = 0; i < days; i++)
        {
            text.Append("\"October 20\",\"1\"\n");
        }

        var read = ReadTextAsync(text.ToString());

        if (refused)
        {
            var error = await Assert.ThrowsAsync<ExportFormatException>(() => read);
            Assert.Contains("more than 10,000 days in one TikTok Studio follower history file", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(days, (await read).DailyRows.Count);
        }
    }

    /// <summary>Each reader reads the series its header is, whichever series it was chosen for.</summary>
    [Fact]
    public async Task ReadAsync_OverviewReaderGivenViewers_ReadsViewers()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = ExportFixtures.Text("\"Date\",\"Total Viewers\",\"New Viewers\"\n\"October 20\",\"40\",\"30\"\n");
        var probe = await ExportProbe.CreateAsync(file, ct);
        var context = new ExportContext("lumen-coffee", ExportParse.Paris, ExportParse.ReceivedAt, "upload-1");

        var rows = new List<ExportRow>();
        await foreach (var row in TikTokSeriesReader.Overview.ReadAsync(probe, context, ct))
        {
            rows.Add(row);
        }

        Assert.Equal(
            [(DailyMetricNames.Reach, 40d), ("new-viewers", 30d)],
            rows.OfType<DailyRow>().SelectMany(r => r.Values).Select(v => (v.Metric, v.Value)));
    }

    private static Task<ReadResult> ReadTextAsync(string text) =>
        ExportFixtures.ReadAsync(ExportFixtures.Text(text, "export.csv"), ExportParse.Context);
}
