using System.Text;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

/// <summary>The dialect rule at its ties and edges: which delimiter wins, when a first line is Excel's <c>sep=</c> hint.</summary>
public sealed class CsvDialectMoreTests
{
    [Theory]
    [InlineData("a;b,c\n", ',', false)]
    [InlineData("a;b;c\tx\td,e\n", ';', true)]
    [InlineData("a;b\tc\n", ';', true)]
    [InlineData("a\tb\tc,d,e\n", ',', false)]
    [InlineData("a\tb\tc;d,e\n", '\t', false)]
    [InlineData("a\tb,c\n", ',', false)]
    [InlineData("abc\n", ',', false)]
    public void Detect_Counts_MostFrequentDelimiterWinsTiesGoToCommaThenSemicolon(string head, char delimiter, bool decimalComma)
    {
        Assert.Equal(new CsvDialect(delimiter, decimalComma, false), CsvDialect.Detect(head));
    }

    [Theory]
    [InlineData("\uFEFFsep=;\nDate;Primary\n", ';', true)]
    [InlineData("\"sep=,\"\nDate,Primary\n", ',', false)]
    [InlineData("SEP=\t\r\nDate\tPrimary\r\n", '\t', false)]
    [InlineData("sep=, \nDate,Primary\n", ',', false)]
    public void Detect_SepLine_TheCharacterAfterTheEqualsSign(string head, char delimiter, bool decimalComma)
    {
        Assert.Equal(new CsvDialect(delimiter, decimalComma, true), CsvDialect.Detect(head));
    }

    [Theory]
    [InlineData("sep=;x\nDate;Primary\n")]
    [InlineData("sep=\nDate;Primary\n")]
    [InlineData("separator;x\nDate;Primary\n")]
    public void Detect_SepLookalike_IsNoHint(string head)
    {
        Assert.False(CsvDialect.Detect(head).HasSepLine);
        Assert.Equal(';', CsvDialect.Detect(head).Delimiter);
    }

    [Fact]
    public void Detect_OnlyTheFirstTwentyLines_AreCounted()
    {
        // Twenty comma lines, then a semicolon-heavy note: the note is past what the rule looks at.
        var head = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            head.Append("a,b\n");
        }

        head.Append(new string(';', 100)).Append('\n');

        Assert.Equal(',', CsvDialect.Detect(head.ToString()).Delimiter);
        Assert.Equal(';', CsvDialect.Detect(head.ToString()[4..]).Delimiter);
    }
}
