using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class TikTokContentReaderTests
{
    [Theory]
    [InlineData("content.csv", 4, 2, 5700)]
    [InlineData("content-swedish.csv", 2, 0, 2000)]
    [InlineData("content-european-resave.csv", 2, 0, 37500)]
    [InlineData("truncated-inside-quoted-title.csv", 1, 1, 100)]
    [InlineData("TikTok_Studio_2026-11-02.zip", 2, 1, 9000)]
    public async Task ReadAsync_Fixture_YieldsExactCounts(string file, int posts, int rejected, long viewSum)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", file);

        Assert.Equal("tiktok-content", parsed.Format);
        Assert.Equal(posts, parsed.Posts.Count);
        Assert.Equal(rejected, parsed.Rejected.Count);
        Assert.Equal(viewSum, parsed.Posts.Sum(p => p.VideoViews));
        Assert.All(parsed.Posts, p => Assert.Equal(p.VideoViews, p.Impressions));
    }

    [Theory]
    [InlineData("content.csv", 0, "2026-01-03")]
    [InlineData("content.csv", 1, "2025-12-30")]
    [InlineData("content.csv", 2, "2025-01-10")]
    [InlineData("content.csv", 3, "2025-01-04")]
    [InlineData("content-swedish.csv", 0, "2026-09-03")]
    [InlineData("content-swedish.csv", 1, "2026-08-28")]
    [InlineData("content-european-resave.csv", 0, "2026-10-31")]
    public async Task ReadAsync_YearlessPostTime_InfersYearFromExportDayAndRowOrder(string file, int index, string expectedDay)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", file);

        var day = DateOnly.ParseExact(expectedDay, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expected = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ExportParse.Paris.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
        Assert.Equal(expected, parsed.Posts[index].PublishedAt);
    }

    [Fact]
    public async Task ReadAsync_QuotedMultiLineTitle_KeepsTextLineAndVideoId()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content.csv");

        var row = parsed.PostRows[1];
        Assert.Equal(3, row.Line);
        Assert.Equal("Behind the Scenes: packing\nday two", row.Post.Text);
        Assert.Equal("7450000000000000002", row.Post.PostId);
        Assert.Equal(1800, row.Post.VideoViews);
        Assert.Equal(80, row.Post.Reactions);
        Assert.Equal(3, row.Post.Comments);
        Assert.Equal(1, row.Post.Shares);
        Assert.Null(row.Post.Saves);
        Assert.Equal(ContentTypes.Video, row.Post.ContentType);
        Assert.Equal(new DateTimeOffset(2026, 1, 4, 23, 0, 0, TimeSpan.Zero), row.Post.ExportedAt);
    }

    [Theory]
    [InlineData("content.csv", 5, 5, "Total likes: expected a number, found 'abc'")]
    [InlineData("content.csv", 6, 4, "Post time: expected a date such as 'October 31', found 'February 30'")]
    [InlineData("truncated-inside-quoted-title.csv", 3, 2, "file ends inside a quoted field — the download was probably cut off")]
    public async Task ReadAsync_BadRow_RejectsWithLineAndColumn(string file, int line, int column, string message)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", file);

        Assert.Contains(new RejectedRow(line, column, message), parsed.Rejected);
    }

    [Fact]
    public async Task ReadAsync_RowsNotInDateOrder_DoNotDriftBackAYearPerRow()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content-ascending-order.csv");

        Assert.Equal(
            [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 30)],
            parsed.Posts.Select(p => ExportDatesDay(p.PublishedAt)));
    }

    [Fact]
    public async Task ReadAsync_SwedishHeaders_MapsFavoritesToSaves()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content-swedish.csv");

        Assert.Equal([7L, 9L], parsed.Posts.Select(p => p.Saves ?? -1));
        Assert.Equal([40L, 60L], parsed.Posts.Select(p => p.Reactions ?? -1));
    }

    [Fact]
    public async Task ReadAsync_ZipWithContentAndOverview_YieldsPostsAndDaily()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "TikTok_Studio_2026-11-02.zip");

        Assert.Equal(["7460000000000000001", "7460000000000000002"], parsed.Posts.Select(p => p.PostId));
        Assert.Equal(14, parsed.Daily.Count);
        Assert.Equal(new DateOnly(2026, 10, 1), parsed.Daily[0].Date);
    }

    [Fact]
    public async Task Detect_RenamedPostTimeHeader_NamesClosestFormat()
    {
        var probe = await ExportParse.ProbeAsync("tiktok", "renamed-post-time-header.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal("tiktok-content", error.ClosestFormat);
        Assert.Contains("'Post time'", error.Message, StringComparison.Ordinal);
    }

    private static DateOnly ExportDatesDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ExportParse.Paris).DateTime);

    [Theory]
    [InlineData("https://www.tiktok.com/@lumencoffee/video/7450000000000000001", "7450000000000000001")]
    [InlineData("https://www.tiktok.com/@lumencoffee/video/7450000000000000001?lang=en", "7450000000000000001")]
    [InlineData("https://www.tiktok.com/@lumencoffee", null)]
    [InlineData(null, null)]
    public void VideoId_Link_ExtractsNumericId(string? link, string? expected)
    {
        Assert.Equal(expected, TikTokContentReader.VideoId(link));
    }
}
