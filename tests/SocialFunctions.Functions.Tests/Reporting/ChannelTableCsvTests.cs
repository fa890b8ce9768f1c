using SocialFunctions.Functions.Reporting;

namespace SocialFunctions.Functions.Tests.Reporting;

public class ChannelTableCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-acme", "'-acme")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    public void TextCell_FormulaStarts_EscapedWithApostrophe(string value, string expected)
    {
        Assert.Equal(expected, ChannelTableCsv.TextCell(value));
    }
}
