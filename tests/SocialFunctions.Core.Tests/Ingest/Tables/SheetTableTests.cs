using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class SheetTableTests
{
    public static TheoryData<object?, string> TypedCells() => new()
    {
        { null, "" },
        { "Tips", "Tips" },
        { 1203.0, "1203" },
        { 0.045, "0.045" },
        { new DateTime(2026, 10, 27), "2026-10-27" },
        { new DateTime(2026, 10, 27, 14, 5, 9), "2026-10-27 14:05:09" },
        { true, "TRUE" },
        { false, "FALSE" },
        { 1.5m, "1.5" },
        { 42, "42" },
    };

    /// <summary>A re-saved workbook's typed cells read as an export writes them (catches a culture- or format-dependent cell).</summary>
    [Theory]
    [MemberData(nameof(TypedCells))]
    public void Text_TypedCell_IsWrittenTheWayExportsWriteIt(object? value, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, SheetTable.Text(value));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    /// <summary>
    /// A value of no type an export writes is its own text, and no text when it has none (catches the fallback dropped
    /// for empty, or the missing text replaced).
    /// </summary>
    [Fact]
    public void Text_OtherValue_IsItsOwnText()
    {
        Assert.Equal("post 7", SheetTable.Text(new Named("post 7")));
        Assert.Equal("", SheetTable.Text(new NoText()));
    }

    /// <summary>
    /// Each sheet of a re-saved LinkedIn workbook keeps its name as written in the workbook ("Metrics", "All posts":
    /// xl/workbook.xml), which the LinkedIn reader names in its messages (catches the name dropped for empty).
    /// </summary>
    [Fact]
    public async Task Sheets_ResavedWorkbook_NamesEachSheetAsWritten()
    {
        var probe = await ExportFixtures.ProbeAsync("linkedin/content-resaved.xlsx");

        Assert.Equal(["Metrics", "All posts"], ExportTables.Sheets(probe).Select(t => ((SheetTable)t).SheetName).ToList());
    }

    /// <summary>
    /// A field past the record's last is empty, as for every table (catches the bound test dropped or made inclusive:
    /// an index out of range).
    /// </summary>
    [Fact]
    public async Task GetSpan_PastTheLastField_IsEmpty()
    {
        var probe = await ExportFixtures.ProbeAsync("linkedin/content-resaved.xlsx");
        var read = 0;
        foreach (var sheet in ExportTables.Sheets(probe))
        {
            // The "Metrics" sheet (A1:G2): a header of 7 cells, then one day.
            Assert.True(await sheet.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(7, sheet.FieldCount);
            Assert.Equal("Reposts (organic)", sheet.GetString(6));
            Assert.True(sheet.GetSpan(7).IsEmpty);
            Assert.True(sheet.GetSpan(-1).IsEmpty);
            read++;
            break; // the workbook closes when the loop over its sheets ends
        }

        Assert.Equal(1, read);
    }

    /// <summary>A cancelled read stops before the next row (catches the cancellation check removed).</summary>
    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        var probe = await ExportFixtures.ProbeAsync("linkedin/content-resaved.xlsx");
        var read = 0;
        foreach (var sheet in ExportTables.Sheets(probe))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sheet.ReadAsync(new CancellationToken(canceled: true)).AsTask());
            Assert.True(await sheet.ReadAsync(TestContext.Current.CancellationToken));
            Assert.Equal(1, sheet.Line); // the cancelled read did not move to a row
            read++;
            break;
        }

        Assert.Equal(1, read);
    }

    private sealed class Named(string text)
    {
        public override string ToString() => text;
    }

    private sealed class NoText
    {
        public override string? ToString() => null;
    }
}
