using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

/// <summary>The cell reads every reader relies on: what is missing, what is zero, what is rejected and with which text.</summary>
public sealed class TableCellsMoreTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("", EmptyCell.Zero, 0.0)]
    [InlineData("  ", EmptyCell.Missing, null)]
    [InlineData("--", EmptyCell.Zero, null)]
    [InlineData("\u2014", EmptyCell.Zero, null)]
    [InlineData("N/A", EmptyCell.Zero, null)]
    [InlineData("12.5", EmptyCell.Missing, 12.5)]
    public async Task Number_CellSpellings_ZeroMissingOrValue(string cell, EmptyCell empty, double? expected)
    {
        using var table = await RecordAsync($"id,hours\n1,{cell}\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Equal(expected, cells.Number(new TableColumn("hours", [1]), empty));
        Assert.Null(cells.Rejection);
    }

    [Fact]
    public async Task Number_NotANumber_RejectsNamingColumnLineAndCell()
    {
        using var table = await RecordAsync("id,hours\n1,abc\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Null(cells.Number(new TableColumn("Hours", [1]), EmptyCell.Zero));
        Assert.Equal(new RejectedRow(2, 2, "Hours: expected a number, found 'abc'"), cells.Rejection);
    }

    [Fact]
    public async Task Number_AbsentColumn_IsNullEvenWhenEmptyMeansZero()
    {
        using var table = await RecordAsync("id\n1\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Null(cells.Number(TableColumn.Absent, EmptyCell.Zero));
        Assert.Null(cells.Rejection);
    }

    [Fact]
    public async Task Count_LongBadCell_IsShortenedTo40CharactersInTheMessage()
    {
        var cell = new string('x', 41);
        using var table = await RecordAsync($"id,views\n1,{cell}\n");
        var cells = new TableCells();
        cells.Begin(table);

        cells.Count(new TableColumn("Views", [1]), EmptyCell.Zero);

        Assert.Equal($"Views: expected a number, found '{new string('x', 40)}…'", cells.Rejection?.Message);
        Assert.Equal(new string('x', 40), TableCells.Shorten(new string('x', 40)));
    }

    [Fact]
    public async Task Text_TrimsAndReadsBlankAsNull()
    {
        using var table = await RecordAsync("id,title,note\n1, Hello ,  \n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Equal("Hello", cells.Text(new TableColumn("title", [1])));
        Assert.Null(cells.Text(new TableColumn("note", [2])));
        Assert.Null(cells.Text(TableColumn.Absent));
    }

    [Fact]
    public async Task RequiredText_EmptyCell_RejectsNamingTheColumn()
    {
        using var table = await RecordAsync("id,title\n1,\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Null(cells.RequiredText(new TableColumn("Title", [1])));
        Assert.Equal(new RejectedRow(2, 2, "Title: expected a value, found an empty cell"), cells.Rejection);
    }

    [Fact]
    public async Task RequiredText_AbsentColumnOrValue_DoesNotReject()
    {
        using var table = await RecordAsync("id,title\n1,Hi\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Null(cells.RequiredText(TableColumn.Absent));
        Assert.Equal("Hi", cells.RequiredText(new TableColumn("Title", [1])));
        Assert.Null(cells.Rejection);
    }

    [Fact]
    public async Task Reject_WholeRecord_HasLineButNoColumn()
    {
        using var table = await RecordAsync("id\n1\n");
        var cells = new TableCells();
        cells.Begin(table);

        cells.Reject(-1, "duplicate row");

        Assert.Equal(new RejectedRow(2, null, "duplicate row"), cells.Rejection);
    }

    [Fact]
    public void Text_BeforeBegin_SaysToCallBegin()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TableCells().Text(new TableColumn("a", [0])));

        Assert.Equal("Call Begin(table) first.", error.Message);
    }

    [Theory]
    [InlineData("10/27/2026 14:05", "2026-10-27T13:05:00Z")]
    [InlineData("2026-10-27 14:05", "2026-10-27T13:05:00Z")]
    [InlineData("27.10.2026 14:05", "2026-10-27T13:05:00Z")]
    public async Task LocalTime_LocalForms_AreTheBrandZonesWallClock(string cell, string utc)
    {
        using var table = await RecordAsync($"id,published\n1,{cell}\n");
        var cells = new TableCells();
        cells.Begin(table);

        var at = cells.LocalTime(new TableColumn("Published", [1]), ["dd.MM.yyyy HH:mm"], new LocalClock(Paris), "a date");

        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), at);
        Assert.Null(cells.Rejection);
    }

    [Theory]
    [InlineData("2026-10-27T14:05:00+02:00")]
    [InlineData("10/27/1969 14:05")]
    [InlineData("10/27/3000 14:05")]
    [InlineData("soon")]
    public async Task LocalTime_StatedOffsetImplausibleYearOrText_IsRejected(string cell)
    {
        // A stated offset is not a local time: reading it as the brand's wall clock would shift it silently.
        using var table = await RecordAsync($"id,published\n1,{cell}\n");
        var cells = new TableCells();
        cells.Begin(table);

        var at = cells.LocalTime(new TableColumn("Published", [1]), ["dd.MM.yyyy HH:mm"], new LocalClock(Paris), "a date like 10/27/2026 14:05");

        Assert.Null(at);
        Assert.Equal(new RejectedRow(2, 2, $"Published: expected a date like 10/27/2026 14:05, found '{cell}'"), cells.Rejection);
    }

    [Fact]
    public async Task LocalTime_AbsentColumn_IsNullWithoutRejection()
    {
        using var table = await RecordAsync("id\n1\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Null(cells.LocalTime(TableColumn.Absent, [], new LocalClock(Paris), "a date"));
        Assert.Null(cells.Rejection);
    }

    private static async Task<ExportTable> RecordAsync(string text)
    {
        var table = new CsvTable(new StringReader(text), "t.csv", null, CsvDialect.Default);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        return table;
    }
}
