using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Core.Tests.Ingest;

public sealed class ExportNumbersTests
{
    [Theory]
    [InlineData("1203", false, 1203)]
    [InlineData("1203.0", false, 1203)]
    [InlineData(" 42 ", false, 42)]
    [InlineData("1,203", false, 1203)]
    [InlineData("1,203,456", false, 1203456)]
    [InlineData("1 203", true, 1203)]
    [InlineData("1\u202F203", true, 1203)]
    [InlineData("1203,0", true, 1203)]
    [InlineData("1.203", true, 1203)]
    [InlineData("1.203,0", true, 1203)]
    [InlineData("1,203.0", false, 1203)]
    [InlineData("-3", false, -3)]
    [InlineData("1.2e3", false, 1200)]
    public void TryParseCount_ExportSpellings_ParsesValue(string text, bool decimalComma, long expected)
    {
        Assert.True(ExportNumbers.TryParseCount(text, decimalComma, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("20450.5", false, 20450.5)]
    [InlineData("20450,5", true, 20450.5)]
    [InlineData("12,5", false, 12.5)]
    [InlineData("0.0399", false, 0.0399)]
    [InlineData("0,0399", true, 0.0399)]
    [InlineData("1.234,56", true, 1234.56)]
    [InlineData("1,234.56", false, 1234.56)]
    public void TryParseDouble_DecimalMarks_ParsesValue(string text, bool decimalComma, double expected)
    {
        Assert.True(ExportNumbers.TryParseDouble(text, decimalComma, out var value));
        Assert.Equal(expected, value, 10);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("2,450k")]
    [InlineData("NaN")]
    public void TryParseCount_NotANumber_ReturnsFalse(string text)
    {
        Assert.False(ExportNumbers.TryParseCount(text, false, out _));
    }
}
