using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class TableCellsTests
{
    [Theory]
    [InlineData("", EmptyCell.Zero, 0L)]
    [InlineData("", EmptyCell.Missing, null)]
    [InlineData("-", EmptyCell.Zero, null)]
    [InlineData("undefined", EmptyCell.Zero, null)]
    [InlineData("NaN", EmptyCell.Zero, null)]
    [InlineData("n/a", EmptyCell.Zero, null)]
    [InlineData("1203.0", EmptyCell.Missing, 1203L)]
    public async Task Count_CellSpellings_ZeroMissingOrValue(string cell, EmptyCell empty, long? expected)
    {
        using var table = await RecordAsync($"id,views\n1,{cell}\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Equal(expected, cells.Count(new TableColumn("views", [1]), empty));
        Assert.Null(cells.Rejection);
    }

    [Fact]
    public async Task Count_AbsentColumn_IsNullEvenWhenEmptyMeansZero()
    {
        using var table = await RecordAsync("id\n1\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Null(cells.Count(TableColumn.Absent, EmptyCell.Zero));
    }

    [Fact]
    public async Task Count_SecondBadCell_KeepsFirstRejection()
    {
        using var table = await RecordAsync("id,views,likes\n1,abc,xyz\n");
        var cells = new TableCells();
        cells.Begin(table);

        cells.Count(new TableColumn("Views", [1]), EmptyCell.Zero);
        cells.Count(new TableColumn("Likes", [2]), EmptyCell.Zero);

        Assert.Equal(new RejectedRow(2, 2, "Views: expected a number, found 'abc'"), cells.Rejection);
    }

    [Fact]
    public async Task Number_SemicolonResave_ReadsDecimalComma()
    {
        using var table = await RecordAsync("id;hours\n1;12,5\n");
        var cells = new TableCells();
        cells.Begin(table);

        Assert.Equal(12.5, cells.Number(new TableColumn("hours", [1]), EmptyCell.Missing));
    }

    [Fact]
    public async Task Begin_NextRecord_ClearsRejection()
    {
        using var table = await RecordAsync("id,views\n1,abc\n2,5\n");
        var cells = new TableCells();
        cells.Begin(table);
        cells.Count(new TableColumn("Views", [1]), EmptyCell.Zero);

        await table.ReadAsync(TestContext.Current.CancellationToken);
        cells.Begin(table);

        Assert.Equal(5, cells.Count(new TableColumn("Views", [1]), EmptyCell.Zero));
        Assert.Null(cells.Rejection);
    }

    /// <summary>A table positioned on its second record (the first data row).</summary>
    private static async Task<ExportTable> RecordAsync(string text)
    {
        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("t.csv", Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken);
        var table = ExportTables.Text(probe);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        return table;
    }
}
