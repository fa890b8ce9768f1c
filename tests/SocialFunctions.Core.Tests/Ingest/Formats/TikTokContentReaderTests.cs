using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Records;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class TikTokContentReaderTests
{
    [Theory]
    [InlineData("content.csv", 5, 2, 99_930)]
    [InlineData("content-swedish.csv", 2, 0, 2000)]
    [InlineData("content-vietnamese.csv", 2, 0, 6700)]
    [InlineData("content-european-resave.csv", 2, 0, 37_500)]
    [InlineData("content-business-timestamps.csv", 2, 0, 26_355)]
    [InlineData("content-without-links.csv", 3, 0, 4300)]
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

    /// <summary>
    /// content.csv shows year-less days ("June 14") in an order that is not by date; each video id carries its creation
    /// time. Line 3 was posted at 23:30 UTC on December 31 — January 1 in Paris, the day shown. Line 5 shows January 31
    /// (the account's day) while its id is 05:30 UTC on February 1: the day shown wins, the id gives year and time.
    /// </summary>
    [Theory]
    [InlineData(2, "2025-06-14 16:20")]
    [InlineData(3, "2026-01-01 00:30")]
    [InlineData(5, "2026-01-31 06:30")]
    [InlineData(6, "2025-04-22 11:05")]
    [InlineData(9, "2025-12-19 18:45")]
    public async Task ReadAsync_YearlessPostTime_TakesYearAndTimeFromVideoId(int line, string expectedParis)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content.csv");

        var post = Assert.Single(parsed.PostRows, r => r.Line == line).Post;
        Assert.Equal(expectedParis, Local(post.PublishedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public async Task ReadAsync_Content_PostsLandInTheirMonthsAcrossTheYearBoundary()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content.csv");

        Assert.Equal(
            ["2025-04", "2025-06", "2025-12", "2026-01", "2026-01"],
            parsed.Posts.Select(p => Local(p.PublishedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task ReadAsync_YearlessTimeColumn_ExportedAtIsThatDayBeforeTheUpload()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content.csv");

        // "March 16", uploaded 2026-11-05: the latest March 16 on or before it, midnight in Paris.
        Assert.All(parsed.Posts, p => Assert.Equal(new DateTimeOffset(2026, 3, 15, 23, 0, 0, TimeSpan.Zero), p.ExportedAt));
    }

    /// <summary>
    /// Posts without an id (no link column): the year comes from the export day ("January 12"), whose year comes from
    /// ?exportedOn=, else a Unix time or date in the file name, else the upload day — which alone adds a warning.
    /// December 20 and January 5 straddle the year boundary.
    /// </summary>
    [Theory]
    [InlineData("content.csv", null, "2026-01-05", "2025-12-20", "2025-11-02", true)]
    [InlineData("content.csv", "2027-02-01", "2027-01-05", "2026-12-20", "2026-11-02", false)]
    [InlineData("TikTok_Content_2025-01-20.csv", null, "2025-01-05", "2024-12-20", "2024-11-02", false)]
    [InlineData("Content_1768230000.csv", null, "2026-01-05", "2025-12-20", "2025-11-02", false)]
    [InlineData("TikTok_Content_2025-01-20.csv", "2027-02-01", "2027-01-05", "2026-12-20", "2026-11-02", false)]
    public async Task ReadAsync_NoIds_YearFromExportDayAndEachAnchorInTurn(string fileName, string? exportedOn, string first, string second, string third, bool warns)
    {
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.TestData("tiktok", "content-without-links.csv"), TestContext.Current.CancellationToken);
        var hints = new UploadHints(exportedOn is null ? null : DateOnly.Parse(exportedOn, CultureInfo.InvariantCulture));

        var parsed = await ExportFixtures.ReadAsync(ExportFile.FromBytes(fileName, bytes), ExportParse.Context, hints);

        Assert.Equal([first, second, third], parsed.Posts.Select(p => Local(p.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Equal(warns, parsed.Warnings.Count == 1);
        if (warns)
        {
            Assert.Contains("the upload day (2026-11-05)", parsed.Warnings[0], StringComparison.Ordinal);
            Assert.Contains("2025-11-02 to 2026-01-05", parsed.Warnings[0], StringComparison.Ordinal);
            Assert.Contains("?exportedOn=", parsed.Warnings[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadAsync_NoIdsNoTimeColumn_RowsFallInThe12MonthsBeforeTheUploadDay()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content-without-links-or-time.csv");

        Assert.Equal(
            ["2026-01-05", "2025-12-20", "2026-11-02"],
            parsed.Posts.Select(p => Local(p.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        Assert.Single(parsed.Warnings);
    }

    [Fact]
    public async Task ReadAsync_BusinessTimestamps_KeepStatedDateAndTime()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content-business-timestamps.csv");

        Assert.Equal(["2025-10-31 18:19", "2025-11-02 10:05"], parsed.Posts.Select(p => Local(p.PublishedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        Assert.Equal([18L, 5L], parsed.Posts.Select(p => p.Saves ?? -1));
        Assert.Empty(parsed.Warnings);
    }

    [Theory]
    [InlineData("content-vietnamese.csv", "2026-08-18", "2026-07-30")]
    [InlineData("content-swedish.csv", "2026-09-03", "2026-08-28")]
    public async Task ReadAsync_LocalizedDayFirstDates_ReadTheDayShown(string file, string first, string second)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", file);

        Assert.Equal([first, second], parsed.Posts.Select(p => Local(p.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task ReadAsync_QuotedMultiLineTitle_KeepsTextLineAndVideoId()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content.csv");

        var row = parsed.PostRows[1];
        Assert.Equal(3, row.Line);
        Assert.Equal("Behind the Scenes: packing\nday two", row.Post.Text);
        Assert.Equal("7590168427003893202", row.Post.PostId);
        Assert.Equal(30_120, row.Post.VideoViews);
        Assert.Equal(280, row.Post.Reactions);
        Assert.Equal(8, row.Post.Comments);
        Assert.Equal(4, row.Post.Shares);
        Assert.Null(row.Post.Saves);
        Assert.Equal(ContentTypes.Video, row.Post.ContentType);
    }

    [Theory]
    [InlineData("content.csv", 7, 5, "Total likes: expected a number, found 'abc'")]
    [InlineData("content.csv", 8, 4, "Post time: expected a date such as 'October 31', found 'February 30'")]
    [InlineData("truncated-inside-quoted-title.csv", 3, 2, "file ends inside a quoted field — the download was probably cut off")]
    public async Task ReadAsync_BadRow_RejectsWithLineAndColumn(string file, int line, int column, string message)
    {
        var parsed = await ExportParse.ParseAsync("tiktok", file);

        Assert.Contains(new RejectedRow(line, column, message), parsed.Rejected);
    }

    [Fact]
    public async Task ReadAsync_SwedishHeaders_MapsFavoritesToSaves()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content-swedish.csv");

        Assert.Equal([7L, 9L], parsed.Posts.Select(p => p.Saves ?? -1));
        Assert.Equal([40L, 60L], parsed.Posts.Select(p => p.Reactions ?? -1));
    }

    [Fact]
    public async Task ReadAsync_ZipWithContentOverviewAndViewers_YieldsPostsAndOneRowPerDay()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "TikTok_Studio_2026-11-02.zip");

        Assert.Equal(["2026-10-30", "2026-10-12"], parsed.Posts.Select(p => Local(p.PublishedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // Overview: two good days of five metrics, the third refused whole; Viewers: a full day and an "undefined" one.
        Assert.Equal(4, parsed.DailyRows.Count);
        Assert.Equal(15, parsed.Daily.Count);
        Assert.Equal(new RejectedRow(4, 2, "Video Views: expected a number, found 'lots'"), Assert.Single(parsed.Rejected));
        Assert.Equal(800, parsed.Daily.Single(d => d.Metric == DailyMetricNames.Reach).Value);
        Assert.All(parsed.Daily, d => Assert.Equal(2026, d.Date.Year));
    }

    [Fact]
    public async Task Detect_RenamedPostTimeHeader_NamesClosestFormat()
    {
        var probe = await ExportParse.ProbeAsync("tiktok", "renamed-post-time-header.csv");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal("tiktok-content", error.ClosestFormat);
        Assert.Contains("'Post time'", error.Message, StringComparison.Ordinal);
    }

    private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ExportParse.Paris).DateTime;

    /// <summary>
    /// The Time column is read on every row where it changes: a row stating a later day is exported that day. Without a
    /// Time column the export time is the upload's; with one that states no date, the start of the upload day.
    /// </summary>
    [Theory]
    [InlineData(true, "March 16", "March 17", "2026-03-15T23:00:00Z", "2026-03-16T23:00:00Z")]
    [InlineData(true, "", "", "2026-11-04T23:00:00Z", "2026-11-04T23:00:00Z")]
    [InlineData(false, "", "", "2026-11-05T09:00:00Z", "2026-11-05T09:00:00Z")]
    public async Task ReadAsync_TimeColumn_ExportedAtPerRow(bool hasTime, string firstTime, string secondTime, string first, string second)
    {
        string Row(string time, string id, string views) =>
            (hasTime ? $"\"{time}\"," : string.Empty) + $"\"https://www.tiktok.com/@lumencoffee/video/{id}\",\"June 14\",\"{views}\"";
        var text = string.Join(
            "\n",
            (hasTime ? "\"Time\"," : string.Empty) + "\"Video link\",\"Post time\",\"Total views\"",
            Row(firstTime, "7515809660922021981", "100"),
            Row(secondTime, "7515809660922021982", "200")) + "\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text, "content.csv"), ExportParse.Context);

        Assert.Equal("tiktok-content", parsed.Format);
        Assert.Equal(
            [DateTimeOffset.Parse(first, CultureInfo.InvariantCulture), DateTimeOffset.Parse(second, CultureInfo.InvariantCulture)],
            parsed.Posts.Select(p => p.ExportedAt));
    }

    /// <summary>The warning about years taken from the upload day names the file it is about.</summary>
    [Fact]
    public async Task ReadAsync_NoIdsYearFromTheUploadDay_WarningNamesTheFile()
    {
        var parsed = await ExportParse.ParseAsync("tiktok", "content-without-links.csv");

        Assert.Contains("TikTok Studio content (content-without-links.csv)", Assert.Single(parsed.Warnings), StringComparison.Ordinal);
    }

    /// <summary>
    /// A zip of a one-video Content file and an Overview: the series' days take their year from the Content file's Time
    /// (March 16, 2026), so October 20 is 2025's — not from the upload day (which would make it 2026's).
    /// </summary>
    [Fact]
    public async Task ReadAsync_ZipWithOneVideo_SeriesYearFromTheContentTimeColumn()
    {
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }

            Add("Content.csv", "\"Time\",\"Video link\",\"Post time\",\"Total views\"\n\"March 16\",\"https://www.tiktok.com/@lumencoffee/video/7515809660922021981\",\"June 14\",\"100\"\n");
            Add("Overview.csv", "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n\"October 20\",\"5\",\"1\",\"1\",\"1\",\"1\"\n");
        }

        var parsed = await ExportFixtures.ReadAsync(ExportFile.FromBytes("TikTok_Studio.zip", zip.ToArray()), ExportParse.Context);

        Assert.Equal("tiktok-content", parsed.Format);
        Assert.Single(parsed.Posts);
        Assert.Equal(5, parsed.Daily.Count);
        Assert.All(parsed.Daily, d => Assert.Equal(new DateOnly(2025, 10, 20), d.Date));
    }

    /// <summary>A first row shorter than the header, without the Time cell: the export day is the upload day's, read without error.</summary>
    [Fact]
    public async Task ReadAsync_FirstRowWithoutItsTimeCell_ExportDayIsTheUploadDay()
    {
        var text = "\"Video link\",\"Post time\",\"Total views\",\"Time\"\n\"https://www.tiktok.com/@lumencoffee/video/7515809660922021981\",\"June 14\",\"100\"\n";

        var parsed = await ExportFixtures.ReadAsync(ExportFixtures.Text(text, "content.csv"), ExportParse.Context);

        Assert.Empty(parsed.Rejected);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 23, 0, 0, TimeSpan.Zero), Assert.Single(parsed.Posts).ExportedAt);
    }
}
