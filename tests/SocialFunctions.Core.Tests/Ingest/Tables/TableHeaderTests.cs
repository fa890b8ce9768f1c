using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class TableHeaderTests
{
    [Theory]
    [InlineData("Duration (secs)", "duration(secs)")]
    [InlineData("  Publish  Time ", "publishtime")]
    [InlineData("impressões:", "impressões")]
    [InlineData("\uFEFFPost ID", "postid")]
    [InlineData("ツイートID", "ツイートid")]
    [InlineData("Vi\u00ADdeo\u00ADti\u00ADtel", "videotitel")]
    [InlineData("Ge\u00ADsamt", "gesamt")]
    [InlineData("Views\uFF1A", "views")]
    [InlineData("Reach::", "reach")]
    [InlineData("\"Post\u200B ID\"", "postid")]
    public void Normalize_Names_IgnoresCaseSpacesBomSoftHyphensAndTrailingColon(string name, string expected)
    {
        Assert.Equal(expected, TableHeader.Normalize(name));
    }

    [Fact]
    public void Find_Aliases_ReturnsFirstAliasPresentWithDuplicates()
    {
        var header = new TableHeader(["Post ID", "Views", "Reach", "views"], 1);

        var views = header.Find("Impressions", "VIEWS");

        Assert.Equal("Views", views.Name);
        Assert.Equal([1, 3], views.Indexes);
        Assert.False(header.Find("Plays").IsPresent);
    }

    [Fact]
    public void Require_MissingColumn_ThrowsWithLineAndName()
    {
        var header = new TableHeader(["Post ID", "Views"], 2);

        var error = Assert.Throws<ExportFormatException>(() => header.Require("Publish time"));

        Assert.Equal(2, error.Line);
        Assert.StartsWith("required column 'Publish time' is missing", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["Post ID", "Views"], error.HeadersSeen);
    }

    [Theory]
    [InlineData("Ge\u00ADsamt", true)]
    [InlineData(" Total ", true)]
    [InlineData("Totals row", false)]
    public void IsNamed_Cell_ComparesLikeHeaderNames(string cell, bool expected)
    {
        Assert.Equal(expected, TableHeader.IsNamed(cell, "Total", "Gesamt"));
    }

    [Fact]
    public void Normalize_NameLongerThanTheStackBuffer_IsNormalizedWhole()
    {
        // Catches a cut-off or wrong buffer on the heap path (names over 256 characters).
        var name = string.Concat(Enumerable.Repeat("Ab ", 150));

        Assert.Equal(string.Concat(Enumerable.Repeat("ab", 150)), TableHeader.Normalize(name));
        Assert.True(TableHeader.IsNamed(name, "x", name.ToUpperInvariant()));
        Assert.False(TableHeader.IsNamed(name + "c", name));
    }

    [Fact]
    public void Has_AnyAlias_TrueOnlyWhenOneIsAColumn()
    {
        var header = new TableHeader(["", " ", "Post ID", "Views"], 1);

        Assert.True(header.Has("Plays", "views"));
        Assert.False(header.Has("Plays", "Reach"));
        // Blank header cells are no column: an alias that normalises to nothing never matches one.
        Assert.False(header.Has(" "));
        Assert.False(header.Find("").IsPresent);
        Assert.Equal([2], header.Find("post id").Indexes);
    }

    [Fact]
    public void Require_ColumnPresent_ReturnsItByPriority()
    {
        var header = new TableHeader(["Reach", "Impressions"], 1);

        Assert.Equal("Impressions", header.Require("Impressions", "Reach").Name);
    }

    [Fact]
    public async Task Require_MissingInAZipEntry_NamesFilePartAndTheFirst40Headers()
    {
        var names = Enumerable.Range(0, 45).Select(i => $"c{i}").ToArray();
        using var table = new CsvTable(new StringReader(string.Join(',', names) + "\n"), "export.zip", "posts.csv", CsvDialect.Default);
        await table.ReadAsync(TestContext.Current.CancellationToken);
        var header = TableHeader.From(table);

        var error = Assert.Throws<ExportFormatException>(() => header.Require("Post ID", "ID"));

        Assert.Equal("export.zip", error.FileName);
        Assert.Equal(1, error.Line);
        Assert.Equal($"posts.csv: required column 'Post ID' is missing; the header has: {string.Join(", ", names.Take(40))}", error.Reason);
        Assert.Equal(names, error.HeadersSeen);
    }

    [Fact]
    public void Require_HeaderWithoutTable_NamesAnUnknownFile()
    {
        var error = Assert.Throws<ExportFormatException>(() => new TableHeader(["a"], 3).Require("b"));

        Assert.Equal("(unknown)", error.FileName);
        Assert.Equal("required column 'b' is missing; the header has: a", error.Reason);
    }

    [Theory]
    [InlineData("Gesamt", true)]
    [InlineData("Ge\u00ADsamt", true)] // soft hyphen, as German YouTube exports write it
    [InlineData(" TOTAL: ", true)]
    [InlineData("Total general", true)]
    [InlineData("合計", true)]
    [InlineData("Totalx", false)]
    [InlineData("Tota", false)]
    [InlineData("aB3dE5fG7hI", false)]
    [InlineData("", false)]

    // The first-character shortcut: upper case, a leading quote, white space or soft hyphen (all normalized away or
    // lowered) must still reach the names; other first characters are no name's.
    [InlineData("TOTAL", true)]
    [InlineData("\"Gesamt\"", true)]
    [InlineData("\tgesamt", true)]
    [InlineData("\u00ADGesamt", true)]
    [InlineData("-Total", false)]
    [InlineData(":::", false)]
    [InlineData("ötal", false)]
    public void TableNames_Contains_AgreesWithIsNamed(string cell, bool expected)
    {
        string[] names = ["Total", "Gesamt", "Total general", "合計"];

        Assert.Equal(expected, new TableNames(names).Contains(cell));
        Assert.Equal(TableHeader.IsNamed(cell, names), new TableNames(names).Contains(cell));
    }

    /// <summary>A name that normalizes to nothing matches a cell that does too (all colons): no first-character shortcut then.</summary>
    [Fact]
    public void TableNames_Contains_NameNormalizedToNothing_MatchesCellNormalizedToNothing()
    {
        string[] names = [":", "Total"];

        Assert.True(new TableNames(names).Contains("::"));
        Assert.True(TableHeader.IsNamed("::", names));
    }

    /// <summary>
    /// A name starting with U+0080 (the first non-ASCII character) has no place in the ASCII shortcut, and is found
    /// (catches <c>name[0] &lt;= 128</c> indexing past the 128 ASCII flags).
    /// </summary>
    [Fact]
    public void TableNames_NameStartingJustPastAscii_IsFound()
    {
        var names = new TableNames("\u0080 Total");

        Assert.True(names.Contains("\u0080total"));
        Assert.False(names.Contains("total"));
    }

    /// <summary>
    /// Cells longer than the 256-character stack buffer are normalized whole, whether they match or not (catches the
    /// long cell written into the stack buffer: out of range).
    /// </summary>
    [Fact]
    public void TableNames_CellLongerThanTheStackBuffer_IsComparedWhole()
    {
        var longName = "Total " + new string('x', 300);

        Assert.True(new TableNames("Total", longName).Contains(longName.ToUpperInvariant()));
        Assert.False(new TableNames("Total").Contains("T" + new string('x', 300)));
    }
}
