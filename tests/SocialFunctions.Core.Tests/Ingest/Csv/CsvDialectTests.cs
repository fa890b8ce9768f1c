using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

public sealed class CsvDialectTests
{
    [Theory]
    [InlineData("\"Post ID\",\"Page ID\",Views\n1,2,3\n", ',', false, false)]
    [InlineData("Post ID;Page ID;Reactions, comments and shares\n1;2;3,5\n", ';', true, false)]
    [InlineData("a\tb\tc\n1\t2\t3\n", '\t', false, false)]
    [InlineData("sep=,\n\"Instagram reach\"\n\"Date\",\"Primary\"\n", ',', false, true)]
    [InlineData("sep=;\nDate;Primary\n", ';', true, true)]
    [InlineData("\"Tweet text\",\"time\"\n\"a; b; c; d\",\"x\"\n", ',', false, false)]
    public void Detect_HeadText_FindsDelimiterDecimalMarkAndSepLine(string head, char delimiter, bool decimalComma, bool sepLine)
    {
        var dialect = CsvDialect.Detect(head);

        Assert.Equal(new CsvDialect(delimiter, decimalComma, sepLine), dialect);
    }
}
