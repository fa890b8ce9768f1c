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

    [Theory]
    [InlineData(64, true)] // a cell of 64 characters is still read ("0…01": 1)
    [InlineData(65, false)] // longer is no number an export writes: refused, never an overflow of the parser's buffer
    public void TryParseDouble_LongCells_ReadUpTo64Characters(int length, bool parsed)
    {
        var text = "1.5".PadLeft(length, '0');

        Assert.Equal(parsed, ExportNumbers.TryParseDouble(text, decimalComma: false, out var value));
        Assert.Equal(parsed ? 1.5 : 0, value);
    }

    [Theory]
    [InlineData("8 999 999 999 999 999", true, 8_999_999_999_999_999)] // the largest count below 9e15 that is exact
    [InlineData("9 000 000 000 000 000", false, 0)] // from 9e15 a double no longer holds every integer: refused
    [InlineData("9000000000000000.4", false, 0)]
    public void TryParseCount_SeparatedOrDecimalCounts_BelowNineQuadrillion(string text, bool parsed, long expected)
    {
        Assert.Equal(parsed, ExportNumbers.TryParseCount(text, decimalComma: false, out var value));
        Assert.Equal(expected, value);
    }
}
