using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

/// <summary>
/// CSV exports downloaded or re-saved as a workbook (fixtures written from the CSV fixtures beside them by
/// samples/generate/ingest/workbooks.mjs): the detector hands the one sheet a text reader takes to that reader, which
/// reads it as the CSV.
/// </summary>
public sealed class SheetExportReaderTests
{
    /// <summary>
    /// TikTok's .xlsx download (text cells, one sheet "Overview") and its .xls twin give the CSV's days, values and
    /// lines (catches the sheet not offered to the text readers, its rows read from the wrong sheet or numbered from 0).
    /// </summary>
    [Theory]
    [InlineData("tiktok/overview-365-days.xlsx", "tiktok/overview-365-days.csv", 365)]
    [InlineData("tiktok/TikTok_Overview_2026-02-10_1773500000.xls", "tiktok/TikTok_Overview_2026-02-10_1773500000.csv", 33)]
    public async Task Read_TikTokOverviewWorkbook_GivesTheCsvRows(string workbook, string csv, int days)
    {
        var fromSheet = await ExportFixtures.ReadAsync(workbook);
        var fromCsv = await ExportFixtures.ReadAsync(csv);

        Assert.Equal("tiktok-overview", fromSheet.Format);
        Assert.Equal(days, fromSheet.DailyRows.Count);
        Assert.Equal(fromCsv.DailyRows.Select(r => r.Line), fromSheet.DailyRows.Select(r => r.Line));
        Assert.Equal(fromCsv.Daily, fromSheet.Daily);
        // The warning that the year was inferred names the file: the workbook's, otherwise the same.
        Assert.Equal(fromCsv.Warnings.Select(w => w.Replace(Path.GetFileName(csv), Path.GetFileName(workbook), StringComparison.Ordinal)), fromSheet.Warnings);
        Assert.Empty(fromSheet.Rejected);
    }

    /// <summary>
    /// YouTube table data re-saved as a workbook — publish times typed dates, metrics typed numbers, the chart and totals
    /// tables as further sheets, the chart first — gives the CSV's videos; its bad row is rejected on the same sheet row,
    /// naming the sheet (catches typed cells written otherwise than the export writes them, the first sheet taken or read
    /// blindly, or the sheet left out of a rejection).
    /// </summary>
    [Fact]
    public async Task Read_YouTubeTableDataWorkbook_GivesTheCsvRows()
    {
        var fromSheet = await ExportFixtures.ReadAsync("youtube/Table data.xlsx");
        var fromCsv = await ExportFixtures.ReadAsync("youtube/Table data.csv");

        Assert.Equal("youtube-content", fromSheet.Format);
        Assert.Equal(2, fromSheet.Posts.Count);
        Assert.Equal(fromCsv.PostRows, fromSheet.PostRows);
        var csvRejected = Assert.Single(fromCsv.Rejected);
        var sheetRejected = Assert.Single(fromSheet.Rejected);
        Assert.Equal(csvRejected with { Message = "sheet 'Table data': " + csvRejected.Message }, sheetRejected);
        Assert.Equal(
            [
                "sheet 'Table data' was read as YouTube Studio content (Table data.csv or the export zip); the workbook's other sheets hold no export the app reads and were not read: 'Chart data', 'Totals'.",
                .. fromCsv.Warnings,
            ],
            fromSheet.Warnings);
    }

    /// <summary>
    /// A table that starts at B3 with a blank row inside: the day and the rejection carry the sheet's own row and column
    /// numbers, as the spreadsheet shows them (catches rows or columns counted from the table's first cell, or the
    /// preview and the read counting rows apart).
    /// </summary>
    [Fact]
    public async Task Read_TableAwayFromA1_ReportsSheetRowsAndColumns()
    {
        var read = await ExportFixtures.ReadAsync(ExportFixtures.File("tiktok/overview-at-b3.xlsx"), hints: new SocialFunctions.Core.Ingest.Pipeline.UploadHints(ExportedOn: new DateOnly(2026, 4, 20)));

        var day = Assert.Single(read.DailyRows);
        Assert.Equal(4, day.Line);
        Assert.Equal(1591, day.Values.Single(v => v.Metric == SocialFunctions.Core.Records.DailyMetricNames.VideoViews).Value);
        Assert.Equal(new DateOnly(2026, 4, 12), day.Values[0].Date);
        var rejected = Assert.Single(read.Rejected);
        Assert.Equal(new RejectedRow(6, 3, "sheet 'Overview': Video Views: expected a number, found 'many'"), rejected);
    }

    /// <summary>
    /// A known export the report does not use, as a workbook, is named as its CSV is, with the sheet (catches the
    /// sheets' known exports left unconsulted: "unknown export format" instead).
    /// </summary>
    [Fact]
    public async Task Detect_KnownUnusedExportInASheet_IsNamed()
    {
        var probe = await ExportFixtures.ProbeAsync("youtube/viewer-age.xlsx");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal("youtube-viewer-age", error.KnownExport?.Name);
        Assert.StartsWith("sheet 'Table data': YouTube Studio tables by viewer age are not used by the report: ", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// The YouTube workbook's cells are typed (so the test above reads typed cells): a date cell previews as the ISO day
    /// and a number cell as its invariant text, where the CSV holds "Sep 29, 2026" (catches the fixture written as text).
    /// </summary>
    [Fact]
    public async Task Preview_ResavedWorkbook_WritesTypedCellsAsExportText()
    {
        var probe = await ExportFixtures.ProbeAsync("youtube/Table data.xlsx");

        var sheets = SheetPreview.ReadAll(probe);

        Assert.Equal(["Chart data", "Table data", "Totals"], sheets.Select(s => s.Name));
        Assert.Equal([0, 1, 2], sheets.Select(s => s.Index));
        var video = sheets[1].Preview.Records[2];
        Assert.Equal(3, video.Line);
        Assert.Equal(["dQ3kLm9xP2A", "How to dial in espresso", "2026-09-29", "300", "1000", "20.25"], video.Fields.Take(6));
    }

    /// <summary>
    /// The detector answers the text format's reader bound to the sheet it reads (catches the workbook probe handed to
    /// the text reader, which reads nothing from it).
    /// </summary>
    [Fact]
    public async Task Detect_WorkbookHoldingAnExport_IsThatFormatsReaderOnItsSheet()
    {
        var probe = await ExportFixtures.ProbeAsync("youtube/Table data.xlsx");

        var reader = Assert.IsType<SheetExportReader>(ExportFormatDetector.Default.Detect(probe));

        Assert.IsType<YouTubeContentReader>(reader.Inner);
        Assert.Equal("Table data", reader.SheetName);
        Assert.Equal(["Chart data", "Totals"], reader.OtherSheets);
        Assert.Same(reader.Inner.Format, reader.Format);
        Assert.Equal(0.95, reader.Match(probe));
    }

    /// <summary>The LinkedIn workbooks are still LinkedIn's, not offered to the text readers (catches the sheet path tried first).</summary>
    [Theory]
    [InlineData("linkedin/content.xls")]
    [InlineData("linkedin/content-resaved.xlsx")]
    public async Task Detect_LinkedInWorkbook_IsStillLinkedIn(string path)
    {
        var probe = await ExportFixtures.ProbeAsync(path);

        Assert.IsType<LinkedInContentReader>(ExportFormatDetector.Default.Detect(probe));
    }

    /// <summary>
    /// Two sheets that each hold an export are refused, naming both and what each is (catches the first one read and
    /// the other silently dropped).
    /// </summary>
    [Fact]
    public async Task Detect_TwoReadableSheets_RefusedNamingThem()
    {
        var probe = await ExportFixtures.ProbeAsync("common/tiktok-content-and-overview.xlsx");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal(
            "this .xlsx workbook has 2 sheets that each hold an export: 'Content' (TikTok Studio content), 'Overview' (TikTok Studio overview); "
            + "an upload is read as one export, so upload each sheet as its own file (save it as CSV, or delete the other sheets)",
            error.Reason);
        Assert.Null(error.Line);
    }

    /// <summary>
    /// A workbook whose sheets hold no export is refused naming each sheet (with its headers, or empty) and what the app
    /// reads (catches the old answer that named only LinkedIn).
    /// </summary>
    [Fact]
    public async Task Detect_NoReadableSheet_RefusedNamingTheSheetsAndWhatIsRead()
    {
        var probe = await ExportFixtures.ProbeAsync("common/budget.xlsx");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.Equal(
            "this .xlsx workbook matches no known export; sheets seen: 'Budget' (headers: 'Month', 'Channel', 'Spend (EUR)'), 'Notes' (empty); "
            + ExportFormatDetector.WorkbooksRead,
            error.Reason);
        Assert.Contains("LinkedIn Page content exports (the sheets 'Metrics' and 'All posts'), LinkedIn creator analytics (the sheets 'ENGAGEMENT' and 'FOLLOWERS')", error.Reason, StringComparison.Ordinal);
        Assert.Contains("TikTok, YouTube", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// A workbook of one unknown sheet gets the unknown-CSV answer for that sheet — headers seen, the closest format and
    /// what it lacks, the header's sheet row (catches the sheet's headers or the closest format lost).
    /// </summary>
    [Fact]
    public async Task Detect_OneUnknownSheet_NamesItsHeadersAndTheClosestFormat()
    {
        var probe = await ExportFixtures.ProbeAsync("common/overview-without-date.xlsx");

        var error = Assert.Throws<ExportFormatException>(() => ExportFormatDetector.Default.Detect(probe));

        Assert.StartsWith(
            "sheet 'Sheet1' of this .xlsx workbook: unknown export format; headers seen: 'Video Views', 'Profile Views', 'Likes', 'Comments', 'Shares'; closest known format: ",
            error.Reason,
            StringComparison.Ordinal);
        Assert.Contains("missing 'Date'", error.Reason, StringComparison.Ordinal);
        Assert.EndsWith(ExportFormatDetector.WorkbooksRead, error.Reason, StringComparison.Ordinal);
        Assert.Equal("tiktok-overview", error.ClosestFormat);
        Assert.Equal(["Video Views", "Profile Views", "Likes", "Comments", "Shares"], error.HeadersSeen);
        Assert.Equal(1, error.Line);
    }

    /// <summary>
    /// The preview reads at most <see cref="SocialFunctions.Core.Ingest.Csv.CsvPreview.MaxRecords"/> rows of a sheet, not the sheet (catches the
    /// bound dropped: a long sheet held whole in memory to detect it).
    /// </summary>
    [Fact]
    public async Task Preview_LongSheet_KeepsOnlyTheFirstRecords()
    {
        var probe = await ExportFixtures.ProbeAsync("tiktok/overview-365-days.xlsx");

        var sheet = Assert.Single(SheetPreview.ReadAll(probe));

        Assert.Equal("Overview", sheet.Name);
        Assert.Equal(SocialFunctions.Core.Ingest.Csv.CsvPreview.MaxRecords, sheet.Preview.Records.Count);
        Assert.Equal(Enumerable.Range(1, 16), sheet.Preview.Records.Select(r => r.Line));
        Assert.Equal(["February 28", "0", "0", "0", "0", "0"], sheet.Preview.Records[1].Fields);
    }

    /// <summary>A sheet view opens the sheet, never the workbook's bytes as text (catches OpenText used on a sheet view).</summary>
    [Fact]
    public async Task ForSheet_IsATextProbeThatOpensTheSheet()
    {
        var probe = await ExportFixtures.ProbeAsync("youtube/Table data.xlsx");
        var sheet = SheetPreview.ReadAll(probe)[2];

        var view = probe.ForSheet(sheet);

        Assert.Equal(ExportContainer.Text, view.Container);
        Assert.Same(sheet.Preview, view.Csv);
        Assert.Throws<InvalidOperationException>(() => view.OpenText());
        using var table = ExportTables.Text(view);
        Assert.True(await table.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Date", "Views"], table.GetFields());
        Assert.Equal("sheet 'Totals'", table.Part);
    }

    /// <summary>A reader bound to one upload's sheet refuses another upload (catches the bound sheet read for any file).</summary>
    [Fact]
    public async Task ReadAsync_AnotherUpload_Throws()
    {
        var probe = await ExportFixtures.ProbeAsync("youtube/Table data.xlsx");
        var other = await ExportFixtures.ProbeAsync("youtube/Table data.xlsx");
        var reader = ExportFormatDetector.Default.Detect(probe);

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var row in reader.ReadAsync(other, ExportFixtures.Context, TestContext.Current.CancellationToken))
            {
                Assert.Fail($"read {row}");
            }
        });
    }
}
