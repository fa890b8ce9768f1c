using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class CsvTableTests
{
    /// <summary>
    /// Disposing the table closes the text it reads (an upload's stream or a zip entry, else left open until the GC):
    /// catches the reader not owned, or the dispose chain cut (Dispose(false), the call skipped, the test negated).
    /// </summary>
    [Fact]
    public void Dispose_ClosesTheText()
    {
        var text = new StringReader("a,b\n1,2\n");
        var table = new CsvTable(text, "export.csv", null, CsvDialect.Default);

        table.Dispose();

        Assert.Throws<ObjectDisposedException>(() => text.Peek());
    }

    /// <summary>An empty text read in a dialect with a <c>sep=</c> line has no record (catches the missing line taken as a record).</summary>
    [Fact]
    public async Task ReadAsync_EmptyTextInASepLineDialect_HasNoRecord()
    {
        using var table = new CsvTable(new StringReader(""), "export.csv", null, new CsvDialect(';', DecimalComma: true, HasSepLine: true));

        Assert.False(await table.ReadAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A file holding only its <c>sep=</c> line has no record.</summary>
    [Fact]
    public async Task ReadAsync_OnlyASepLine_HasNoRecord()
    {
        using var table = new CsvTable(new StringReader("sep=;\n"), "export.csv", null, new CsvDialect(';', DecimalComma: true, HasSepLine: true));

        Assert.False(await table.ReadAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The <c>sep=</c> line is skipped: the first record is the header after it.</summary>
    [Fact]
    public async Task ReadAsync_SepLine_IsSkipped()
    {
        using var table = new CsvTable(new StringReader("sep=;\nDate;Views\n"), "export.csv", null, new CsvDialect(';', DecimalComma: true, HasSepLine: true));

        Assert.True(await table.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["Date", "Views"], table.GetFields());
        Assert.Equal(2, table.Line);
    }

    /// <summary>
    /// An error about a zip entry's table names the entry before the message; a bare CSV's error is the message alone
    /// (catches the entry dropped, or the message blanked).
    /// </summary>
    [Theory]
    [InlineData("posts.csv", "posts.csv: header missing")]
    [InlineData(null, "header missing")]
    public void Error_NamesThePart(string? part, string reason)
    {
        using var table = new CsvTable(new StringReader(""), "export.zip", part, CsvDialect.Default);

        var error = table.Error(3, 2, "header missing");

        Assert.Equal(reason, error.Reason);
        Assert.Equal("export.zip", error.FileName);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
    }
}
