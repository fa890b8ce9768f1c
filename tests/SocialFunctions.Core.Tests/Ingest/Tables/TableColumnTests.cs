using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class TableColumnTests
{
    [Theory]
    [InlineData("   ", "")]
    [InlineData(" 5", " 5")]
    [InlineData("5 ", "5 ")]
    [InlineData("", "")]
    public async Task Cell_OneOccurrence_BlankReadsEmptyOtherwiseRaw(string cell, string expected)
    {
        // Catches: a whitespace-only cell handed to the number parsers as text (it must read as empty, like a missing value).
        using var table = await RecordAsync($"id,views\n1,{cell}\n");

        var span = new TableColumn("views", [1]).Cell(table, out var field);

        Assert.Equal(expected, span.ToString());
        Assert.Equal(1, field);
    }

    [Fact]
    public async Task Cell_DuplicatedColumn_ReadsFirstNonBlankOccurrenceAndItsField()
    {
        // Meta writes "Views" twice: catches reading only the first occurrence, or naming the wrong field in an error.
        using var table = await RecordAsync("views,id,views\n  ,1,7\n");

        var span = new TableColumn("views", [0, 2]).Cell(table, out var field);

        Assert.Equal("7", span.ToString());
        Assert.Equal(2, field);
    }

    [Fact]
    public async Task Cell_DuplicatedColumnAllBlank_IsEmptyAtTheFirstField()
    {
        using var table = await RecordAsync("views,id,views\n ,1,\n");

        var span = new TableColumn("views", [0, 2]).Cell(table, out var field);

        Assert.True(span.IsEmpty);
        Assert.Equal(0, field);
    }

    [Fact]
    public async Task Cell_Absent_IsEmptyWithNoField()
    {
        using var table = await RecordAsync("id\n1\n");

        var span = TableColumn.Absent.Cell(table, out var field);

        Assert.True(span.IsEmpty);
        Assert.Equal(-1, field);
        Assert.Equal(-1, TableColumn.Absent.Index);
        Assert.False(TableColumn.Absent.IsPresent);
        Assert.Equal(3, new TableColumn("x", [3, 5]).Index);
    }

    private static async Task<ExportTable> RecordAsync(string text)
    {
        var table = new CsvTable(new StringReader(text), "t.csv", null, CsvDialect.Default);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        return table;
    }
}
