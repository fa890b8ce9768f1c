using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

public sealed class CsvHeaderTests
{
    [Theory]
    [InlineData("Duration (secs)", "duration(secs)")]
    [InlineData("  Publish  Time ", "publishtime")]
    [InlineData("impressões:", "impressões")]
    [InlineData("\uFEFFPost ID", "postid")]
    [InlineData("ツイートID", "ツイートid")]
    public void Normalize_Names_IgnoresCaseSpacesBomAndTrailingColon(string name, string expected)
    {
        Assert.Equal(expected, CsvHeader.Normalize(name));
    }

    [Fact]
    public void Find_Aliases_ReturnsFirstAliasPresentWithDuplicates()
    {
        var header = new CsvHeader(["Post ID", "Views", "Reach", "views"], 1);

        var views = header.Find("Impressions", "VIEWS");

        Assert.Equal("Views", views.Name);
        Assert.Equal([1, 3], views.Indexes);
        Assert.False(header.Find("Plays").IsPresent);
    }

    [Fact]
    public void Require_MissingColumn_ThrowsWithLineAndName()
    {
        var header = new CsvHeader(["Post ID", "Views"], 2);

        var error = Assert.Throws<ExportFormatException>(() => header.Require("posts.csv", "Publish time"));

        Assert.Equal(2, error.Line);
        Assert.StartsWith("required column 'Publish time' is missing", error.Reason, StringComparison.Ordinal);
        Assert.Equal(["Post ID", "Views"], error.HeadersSeen);
    }
}
