using SocialFunctions.Core.Ingest;
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
}
