using System.IO.Compression;
using System.Security;
using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class LinkedInContentReaderTests
{
    [Theory]
    [InlineData("content.xls", 3, 2, 17, 0)]
    [InlineData("content-resaved.xlsx", 2, 0, 6, 0)]
    public async Task ReadAsync_Workbook_YieldsPostsDailyAndRejections(string file, int posts, int rejectedPosts, int daily, int rejectedDaily)
    {
        var parsed = await ExportParse.ParseAsync("linkedin", file);

        Assert.Equal("linkedin-content", parsed.Format);
        Assert.Equal(posts, parsed.Posts.Count);
        Assert.Equal(daily, parsed.Daily.Count);
        Assert.Equal(rejectedPosts + rejectedDaily, parsed.Rejected.Count);
        Assert.All(parsed.Posts, p => Assert.Equal(Channels.LinkedIn, p.Channel));
    }

    [Fact]
    public async Task ReadAsync_Workbook_RowsAreItsPostsAndItsMetricDays()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        // Three posts (the boosted one's Organic/Sponsored/Total rows count once) and three metric days.
        Assert.Equal(3, parsed.PostRows.Count);
        Assert.Equal(3, parsed.DailyRows.Count);
        Assert.Equal([6, 6, 5], parsed.DailyRows.Select(r => r.Values.Count));
    }

    [Fact]
    public async Task ReadAsync_BoostedPost_CountsOnceFromTotalRow()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        var boosted = Assert.Single(parsed.PostRows, r => r.Post.PostId == "urn:li:activity:7240000000000000002");
        Assert.Equal(6, boosted.Line);
        Assert.Equal(2000, boosted.Post.Impressions);
        Assert.Equal(30, boosted.Post.Reactions);
        Assert.Equal(45, boosted.Post.Clicks);
        Assert.Equal(3, boosted.Post.Comments);
        Assert.Equal(1, boosted.Post.Shares);
        Assert.Equal(ContentTypes.Video, boosted.Post.ContentType);
        Assert.Equal(3900, parsed.Posts.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task ReadAsync_NoteRowAboveHeader_MapsFieldsAndUtcDates()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        var first = parsed.PostRows[0];
        Assert.Equal(3, first.Line);
        Assert.Equal("urn:li:activity:7240000000000000001", first.Post.PostId);
        Assert.Equal("Tip: grind size matters ☕", first.Post.Text);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 0, 0, 0, TimeSpan.Zero), first.Post.PublishedAt);
        Assert.Equal("https://www.linkedin.com/feed/update/urn:li:activity:7240000000000000001", first.Post.Permalink);
        Assert.Equal(ContentTypes.Image, first.Post.ContentType);
        Assert.Equal(1200, first.Post.Impressions);
        Assert.Equal(45, first.Post.Reactions);
        Assert.Null(first.Post.Reach);
        Assert.Equal("lumen-coffee", first.Post.Brand);
        Assert.Equal("upload-1", first.Post.UploadId);
        Assert.Equal(ExportParse.ReceivedAt, first.Post.ExportedAt);
        Assert.Equal("We are hiring ☕\nBased in Lyon.", parsed.Posts[^1].Text);
        Assert.Equal(ContentTypes.Article, parsed.Posts[^1].ContentType);
    }

    [Theory]
    [InlineData(7, 15, "Likes: expected a number, found 'abc'")]
    [InlineData(8, 6, "Created date: expected a date MM/DD/YYYY, found '2026/13/45'")]
    public async Task ReadAsync_BadCell_RejectsRowWithLineColumnAndExpectation(int line, int column, string message)
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        Assert.Contains(new RejectedRow(line, column, message), parsed.Rejected);
    }

    [Fact]
    public async Task ReadAsync_MetricsSheet_PrefersTotalColumns()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content.xls");

        var impressions = parsed.Daily.Where(d => d.Metric == DailyMetricNames.Impressions).ToList();
        Assert.Equal([150d, 200d, 300d], impressions.Select(d => d.Value));
        Assert.Equal(new DateOnly(2026, 10, 1), impressions[0].Date);
        Assert.Equal(80, parsed.Daily.Single(d => d.Metric == DailyMetricNames.Reach && d.Date == new DateOnly(2026, 10, 1)).Value);
        Assert.DoesNotContain(parsed.Daily, d => d.Metric == DailyMetricNames.Clicks && d.Date == new DateOnly(2026, 10, 3));
    }

    [Fact]
    public async Task ReadAsync_ResavedXlsx_ReadsTypedDatesAndOlderSharesHeader()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "content-resaved.xlsx");

        var first = parsed.PostRows[0];
        Assert.Equal(2, first.Line);
        Assert.Equal(new DateTimeOffset(2026, 10, 7, 0, 0, 0, TimeSpan.Zero), first.Post.PublishedAt);
        Assert.Equal(4, first.Post.Shares);
        Assert.Equal(2120, parsed.Posts[1].Impressions);
        Assert.Equal(100, parsed.Daily.Single(d => d.Metric == DailyMetricNames.Impressions).Value);
    }

    /// <summary>
    /// The 2020 vintage: "Update engagement" and "Update metrics (aggregated)" sheets, "Update link/title/type" and
    /// "Shares" columns (refused as an unknown workbook before; catches either sheet or the link alias lost).
    /// </summary>
    [Fact]
    public async Task ReadAsync_UpdatesVintage2020_ReadsPostsAndDailyMetrics()
    {
        var parsed = await ExportParse.ParseAsync("linkedin", "updates-2020.xls");

        Assert.Equal("linkedin-content", parsed.Format);
        Assert.Empty(parsed.Rejected);
        Assert.Equal(2, parsed.PostRows.Count);
        var boosted = parsed.Post("urn:li:activity:7240000000000000007");
        Assert.Equal((1200L, 15L, 1L, 16L), (boosted.Impressions!.Value, boosted.Reactions!.Value, boosted.Shares!.Value, boosted.Clicks!.Value));
        Assert.Equal("Summer menu", boosted.Text);
        Assert.Equal(new DateTimeOffset(2020, 7, 2, 0, 0, 0, TimeSpan.Zero), boosted.PublishedAt);
        Assert.Equal([300d, 220d], parsed.Daily.Where(d => d.Metric == DailyMetricNames.Impressions).Select(d => d.Value));
        Assert.Equal([1d, 2d], parsed.Daily.Where(d => d.Metric == DailyMetricNames.Shares).Select(d => d.Value));
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNotAWorkbook_ThrowsNotASpreadsheet()
    {
        var probe = await ExportParse.ProbeAsync("linkedin", "not-a-spreadsheet.xlsx");

        var error = await Assert.ThrowsAsync<ExportFormatException>(async () =>
        {
            await foreach (var _ in new LinkedInContentReader().ReadAsync(probe, ExportParse.Context, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal("not a spreadsheet: it is a zip archive without xl/workbook.xml.", error.Reason);
        Assert.Equal(0, new LinkedInContentReader().Match(probe));
        Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));
    }

    [Fact]
    public async Task ReadAsync_RequiredColumnRenamed_ThrowsNamingColumnAndHeaderRow()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportParse.ParseAsync("linkedin", "renamed-created-date-header.xlsx"));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("sheet 'All posts': required column 'Created date' is missing; the header has: Post title, Post link, Post type", error.Reason, StringComparison.Ordinal);
        Assert.Contains("Publish date", error.HeadersSeen);
    }

    [Theory]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:activity:7240000000000000001", "urn:li:activity:7240000000000000001")]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:share:7111/", "urn:li:share:7111")]
    [InlineData("https://www.linkedin.com/posts/lumen-coffee_tip", "h-")]
    [InlineData("https://www.linkedin.com/feed/update/urn:li:activity:draft/", "h-")]
    public void LinkedInPostId_Link_UsesUrnElseHash(string link, string expectedStart)
    {
        Assert.StartsWith(expectedStart, LinkedInContentReader.LinkedInPostId(link), StringComparison.Ordinal);
    }

    // Each row pins one metric header as the Metrics sheet writes it (the name written here, not taken from the reader):
    // a misspelt name drops that metric from every file.
    [Theory]
    [InlineData("Impressions", DailyMetricNames.Impressions)]
    [InlineData("Impressions (total)", DailyMetricNames.Impressions)]
    [InlineData("Unique impressions (total)", DailyMetricNames.Reach)]
    [InlineData("Clicks (organic)", DailyMetricNames.Clicks)]
    [InlineData("Reactions", DailyMetricNames.Reactions)]
    [InlineData("Comments (total)", DailyMetricNames.Comments)]
    [InlineData("Reposts (organic)", DailyMetricNames.Shares)]
    [InlineData("Shares", DailyMetricNames.Shares)]
    public async Task ReadAsync_MetricsSheetColumn_LandsInItsMetric(string header, string metric)
    {
        var file = Workbook(("Metrics", [["Date", header], ["10/01/2026", "42"]]));

        var parsed = await ExportFixtures.ReadAsync(file);

        var value = Assert.Single(parsed.Daily);
        Assert.Equal((metric, new DateOnly(2026, 10, 1), 42d), (value.Metric, value.Date, value.Value));
    }

    // One row per day format LinkedIn or a re-save writes (text MM/DD/YYYY, M/D/YYYY, ISO, a typed date's serial).
    [Theory]
    [InlineData("10/01/2026", "2026-10-01")]
    [InlineData("1/5/2026", "2026-01-05")]
    [InlineData("2026-10-01", "2026-10-01")]
    [InlineData("10/01/2026 00:00:00", "2026-10-01")]
    [InlineData("2026-10-01T00:00:00", "2026-10-01")]
    [InlineData("46296", "2026-10-01")]
    [InlineData("1.5", "1899-12-31")]
    [InlineData("2958465", "9999-12-31")]
    public async Task ReadAsync_MetricsDate_ReadInEachForm(string cell, string expected)
    {
        var file = Workbook(("Metrics", [["Date", "Impressions (total)"], [cell, "42"]]));

        var parsed = await ExportFixtures.ReadAsync(file);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(parsed.Daily).Date);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2958466")]
    [InlineData("13/01/2026")]
    public async Task ReadAsync_MetricsDateOutOfRange_RejectsNamingTheCell(string cell)
    {
        var file = Workbook(("Metrics", [["Date", "Impressions (total)"], [cell, "42"]]));

        var parsed = await ExportFixtures.ReadAsync(file);

        Assert.Equal(new RejectedRow(2, 1, $"Date: expected a date MM/DD/YYYY, found '{cell}'"), Assert.Single(parsed.Rows));
    }

    [Fact]
    public async Task ReadAsync_MetricsSheet_SkipsBlankDaysRejectsBadNumbersAndCountsSharesOnce()
    {
        var file = Workbook(("Metrics", [
            ["Date", "Reposts (total)", "Shares (total)", "Clicks (total)"],
            ["10/01/2026", "3", "9", "5"],
            ["", "1", "1", "1"],
            ["10/02/2026", "4", "9", "lots"],
        ]));

        var parsed = await ExportFixtures.ReadAsync(file);

        Assert.Equal(2, parsed.Rows.Count);
        Assert.Equal([(DailyMetricNames.Clicks, 5d), (DailyMetricNames.Shares, 3d)], parsed.Daily.Select(d => (d.Metric, d.Value)));
        var rejected = Assert.Single(parsed.Rejected);
        Assert.Equal((4, 4), (rejected.Line, rejected.Column));
        Assert.Contains("'lots'", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PostsSheet_SkipsBlankRowsRejectsMissingLinkAndKeepsFirstRowWithoutTotal()
    {
        var file = Workbook(("All posts", [
            ["Post title", "Post link", "Post type", "Created date", "Impressions"],
            ["Roast day", "https://www.linkedin.com/feed/update/urn:li:activity:71", "Organic", "10/01/2026", "100"],
            ["Roast day", "https://www.linkedin.com/feed/update/urn:li:activity:71", "Sponsored", "10/01/2026", "900"],
            ["", "", "", "", ""],
            ["Orphan", "", "Organic", "10/02/2026", "5"],
        ]));

        var parsed = await ExportFixtures.ReadAsync(file);

        var post = Assert.Single(parsed.Posts);
        Assert.Equal(("urn:li:activity:71", 100L, "UTC"), (post.PostId, post.Impressions!.Value, post.SourceTimeZone));
        Assert.Equal(new RejectedRow(5, 2, "Post link: expected the post's URL, found an empty cell"), Assert.Single(parsed.Rejected));
    }

    // The posts sheet's header is found by any of its three key columns, so a file missing one is told which.
    [Theory]
    [InlineData("Post title")]
    [InlineData("Created date")]
    public async Task ReadAsync_PostsHeaderWithoutPostLink_ThrowsNamingPostLink(string column)
    {
        var file = Workbook(("All posts", [[column, "Impressions"], ["x", "1"]]));

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportFixtures.ReadAsync(file));

        Assert.Contains("required column 'Post link' is missing", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_PostsSheetWithoutHeaderInFiveRows_Throws()
    {
        var file = Workbook(("All posts", [["note"], ["note"], ["note"], ["note"], ["note"], ["Post title", "Post link", "Created date"]]));

        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ExportFixtures.ReadAsync(file));

        Assert.Contains("no header row found in the first 5 rows.", error.Reason, StringComparison.Ordinal);
    }

    // A re-saved workbook may rename its sheets: each is then read by its header (posts, daily metrics) or skipped.
    [Fact]
    public async Task ReadAsync_RenamedSheets_ReadByTheirHeaders()
    {
        var file = Workbook(
            ("Sheet1", [["Post title", "Post link", "Created date", "Impressions"], ["Roast day", "https://www.linkedin.com/feed/update/urn:li:activity:71", "10/01/2026", "100"]]),
            ("Sheet2", [["Date", "Impressions (organic)"], ["10/01/2026", "42"]]),
            ("Notes", [["Date", "Comment"], ["10/01/2026", "launch"]]));

        var parsed = await ExportFixtures.ReadAsync(file);

        Assert.Equal("linkedin-content", parsed.Format);
        Assert.Equal(100, Assert.Single(parsed.Posts).Impressions);
        Assert.Equal((DailyMetricNames.Impressions, 42d), (Assert.Single(parsed.Daily).Metric, parsed.Daily[0].Value));
        Assert.Equal(2, parsed.Rows.Count);
    }

    [Fact]
    public async Task ReadAsync_RenamedSheetWithDateAndPostTitleButNoLink_ThrowsNamingPostLink()
    {
        var ct = TestContext.Current.CancellationToken;
        var probe = await ExportProbe.CreateAsync(Workbook(("Sheet1", [["Date", "Post title"], ["10/01/2026", "Roast day"]])), ct);

        // Not detected as LinkedIn (no Post link), but read as LinkedIn when chosen: the title marks a posts table.
        var error = await Assert.ThrowsAsync<ExportFormatException>(async () =>
        {
            await foreach (var _ in new LinkedInContentReader().ReadAsync(probe, ExportFixtures.Context, ct))
            {
            }
        });

        Assert.Contains("required column 'Post link' is missing", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Metrics", 1, 0.95)]
    [InlineData("All posts", 1, 0.95)]
    [InlineData("Sheet1", 1, 0.9)]
    [InlineData("Sheet1", 5, 0.9)]
    [InlineData("Sheet1", 6, 0)]
    public async Task Match_SheetNameOrHeaderInFirstFiveRows(string sheet, int headerRow, double expected)
    {
        var rows = Enumerable.Range(1, headerRow - 1).Select(_ => (string?[])["Page report"]).Append(["Post title", "Post link"]).ToArray();
        var probe = await ExportProbe.CreateAsync(Workbook((sheet, rows)), TestContext.Current.CancellationToken);

        Assert.Equal(expected, new LinkedInContentReader().Match(probe));
    }

    [Theory]
    [InlineData("Post link", "Impressions")]
    [InlineData("Post title", "Impressions")]
    public async Task Match_OnlyOneOfLinkAndTitle_IsNotLinkedIn(string first, string second)
    {
        var probe = await ExportProbe.CreateAsync(Workbook(("Sheet1", [[first, second]])), TestContext.Current.CancellationToken);

        Assert.Equal(0, new LinkedInContentReader().Match(probe));
    }

    [Fact]
    public async Task Match_WorkbookThatCannotBeRead_IsUnlikely()
    {
        var file = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "not xml at all"));
        var probe = await ExportProbe.CreateAsync(file, TestContext.Current.CancellationToken);

        Assert.Equal(0.05, new LinkedInContentReader().Match(probe));
    }

    [Theory]
    [InlineData("image", ContentTypes.Image)]
    [InlineData("images", ContentTypes.Image)]
    [InlineData("photo", ContentTypes.Image)]
    [InlineData(" Video ", ContentTypes.Video)]
    [InlineData("text", ContentTypes.Text)]
    [InlineData("article", ContentTypes.Article)]
    [InlineData("document", ContentTypes.Carousel)]
    [InlineData("carousel", ContentTypes.Carousel)]
    [InlineData("multi-image", ContentTypes.Carousel)]
    [InlineData("link", ContentTypes.Link)]
    [InlineData("url", ContentTypes.Link)]
    [InlineData("poll", ContentTypes.Other)]
    [InlineData(null, ContentTypes.Other)]
    public void MapContentType_EachLinkedInName(string? value, string expected)
    {
        Assert.Equal(expected, LinkedInContentReader.MapContentType(value));
    }

    /// <summary>A minimal .xlsx (inline strings) with these sheets, in memory: invented data only.</summary>
    private static ExportFile Workbook(params (string Name, string?[][] Rows)[] sheets)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string Rels = "http://schemas.openxmlformats.org/package/2006/relationships";
        const string Doc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var parts = new List<(string, string)>
        {
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
                + "</Types>"),
            ("_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{Rels}\"><Relationship Id=\"rId1\" Type=\"{Doc}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Doc}\"><sheets>"
                + string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"))
                + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{Rels}\">"
                + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{Doc}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
                + "</Relationships>"),
        };
        for (var i = 0; i < sheets.Length; i++)
        {
            var xml = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
            for (var r = 0; r < sheets[i].Rows.Length; r++)
            {
                xml.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < sheets[i].Rows[r].Length; c++)
                {
                    if (sheets[i].Rows[r][c] is { Length: > 0 } text)
                    {
                        xml.Append($"<c r=\"{(char)('A' + c)}{r + 1}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(text)}</t></is></c>");
                    }
                }

                xml.Append("</row>");
            }

            parts.Add(($"xl/worksheets/sheet{i + 1}.xml", xml.Append("</sheetData></worksheet>").ToString()));
        }

        return Zip([.. parts]);
    }

    private static ExportFile Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return ExportFile.FromBytes("content.xlsx", buffer.ToArray());
    }
}
