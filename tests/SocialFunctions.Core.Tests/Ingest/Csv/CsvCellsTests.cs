using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

public sealed class CsvCellsTests
{
    [Theory]
    [InlineData("", EmptyCell.Zero, 0L)]
    [InlineData("", EmptyCell.Missing, null)]
    [InlineData("-", EmptyCell.Zero, null)]
    [InlineData("1203.0", EmptyCell.Missing, 1203L)]
    public async Task Count_CellSpellings_ZeroMissingOrValue(string cell, EmptyCell empty, long? expected)
    {
        var (csv, cells) = await RecordAsync($"id,views\n1,{cell}\n");
        using (csv)
        {
            Assert.Equal(expected, cells.Count(new CsvColumn("views", [1]), empty));
            Assert.Null(cells.Rejection);
        }
    }

    [Fact]
    public async Task Count_AbsentColumn_IsNullEvenWhenEmptyMeansZero()
    {
        var (csv, cells) = await RecordAsync("id\n1\n");
        using (csv)
        {
            Assert.Null(cells.Count(CsvColumn.Absent, EmptyCell.Zero));
        }
    }

    [Fact]
    public async Task Count_SecondBadCell_KeepsFirstRejection()
    {
        var (csv, cells) = await RecordAsync("id,views,likes\n1,abc,xyz\n");
        using (csv)
        {
            cells.Count(new CsvColumn("Views", [1]), EmptyCell.Zero);
            cells.Count(new CsvColumn("Likes", [2]), EmptyCell.Zero);

            Assert.Equal(new RejectedRow(2, 2, "Views: expected a number, found 'abc'"), cells.Rejection);
        }
    }

    [Fact]
    public async Task Begin_NextRecord_ClearsRejection()
    {
        var (csv, cells) = await RecordAsync("id,views\n1,abc\n2,5\n");
        using (csv)
        {
            cells.Count(new CsvColumn("Views", [1]), EmptyCell.Zero);
            await csv.ReadAsync(TestContext.Current.CancellationToken);
            cells.Begin(csv);

            Assert.Equal(5, cells.Count(new CsvColumn("Views", [1]), EmptyCell.Zero));
            Assert.Null(cells.Rejection);
        }
    }

    private static async Task<(CsvReader Csv, CsvCells Cells)> RecordAsync(string text)
    {
        var csv = new CsvReader(new StringReader(text), ',');
        await csv.ReadAsync(TestContext.Current.CancellationToken);
        await csv.ReadAsync(TestContext.Current.CancellationToken);
        var cells = new CsvCells(CsvDialect.Default);
        cells.Begin(csv);
        return (csv, cells);
    }
}
