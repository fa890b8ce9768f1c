using System.Globalization;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

/// <summary>
/// The exact-format fast paths of the readers must give what the general parsers they skip give (the framework's
/// TryParseExact with the reader's formats is the oracle here), and leave everything else to them.
/// </summary>
public sealed class CellDatesFastPathTests
{
    [Theory]
    [InlineData("Sep 29, 2026")]
    [InlineData("Jan 1, 2026")]
    [InlineData("Dec 31, 2025")]
    [InlineData("May 05, 2026")]
    [InlineData("Feb 29, 2028")]
    public void TryParseEnglishDate_MonthDayYear_AgreesWithTryParseExact(string text)
    {
        // Catches a month table off by one (Jan read as February) or a day/year cut at the wrong comma.
        Assert.True(DateOnly.TryParseExact(text, ["MMM d, yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected));
        Assert.True(CellDates.TryParseEnglishDate(text, withWeekday: false, out var day));
        Assert.Equal(expected, day);
    }

    [Fact]
    public void TryParseEnglishDate_EveryDayOfTwoYears_AgreesWithTryParseExact()
    {
        // Every month and weekday name, both day widths, a leap day: catches one month or weekday mapped wrong.
        for (var day = new DateOnly(2027, 1, 1); day < new DateOnly(2029, 1, 1); day = day.AddDays(1))
        {
            var text = day.ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
            Assert.True(CellDates.TryParseEnglishDate(text, withWeekday: false, out var parsed), text);
            Assert.Equal(day, parsed);
            Assert.True(CellDates.TryParseEnglishDate(day.ToString("ddd, MMM d, yyyy", CultureInfo.InvariantCulture), withWeekday: true, out parsed));
            Assert.Equal(day, parsed);
        }
    }

    [Theory]
    [InlineData("Tue, Oct 27, 2026")]
    [InlineData("Mon, Feb 2, 2026")]
    [InlineData("Sat, Jan 31, 2026")]
    public void TryParseEnglishDate_WithWeekday_AgreesWithTryParseExact(string text)
    {
        Assert.True(DateOnly.TryParseExact(text, ["ddd, MMM d, yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected));
        Assert.True(CellDates.TryParseEnglishDate(text, withWeekday: true, out var day));
        Assert.Equal(expected, day);
    }

    [Theory]
    [InlineData("Wed, Oct 27, 2026", true)] // 27 October 2026 is a Tuesday: TryParseExact refuses it too
    [InlineData("Feb 29, 2026", false)]
    [InlineData("Sep 31, 2026", false)]
    [InlineData("sep 29, 2026", false)]
    [InlineData("Sept 29, 2026", false)]
    [InlineData("Sep 29 2026", false)]
    [InlineData("Sep 29, 26", false)]
    [InlineData("2026-09-29", false)]
    public void TryParseEnglishDate_OtherText_IsLeftToTheFormats(string text, bool withWeekday)
    {
        // Catches a weekday that is read but not checked, or a day not checked against its month.
        Assert.False(CellDates.TryParseEnglishDate(text, withWeekday, out _));
    }

    [Theory]
    [InlineData("2026-10-06 07:30")]
    [InlineData("2024-02-29 23:59")]
    [InlineData("2026-01-01 00:00")]
    public void TryParseIsoMinutes_AgreesWithTryParseExact(string text)
    {
        // Catches hours and minutes swapped or read from the wrong positions.
        Assert.True(DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected));
        Assert.True(CellDates.TryParseIsoMinutes(text, out var local));
        Assert.Equal(expected, local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);
    }

    [Theory]
    [InlineData("2026-10-06 24:00")]
    [InlineData("2026-10-06 07:60")]
    [InlineData("2026-02-29 07:30")]
    [InlineData("2026-10-06T07:30")]
    [InlineData("2026-10-06 07:30:15")]
    [InlineData("2026-10-6 07:30")]
    public void TryParseIsoMinutes_OtherText_IsLeftToTheFormats(string text)
    {
        Assert.False(CellDates.TryParseIsoMinutes(text, out _));
    }

    [Theory]
    [InlineData("1203.0", false, 1203L)]
    [InlineData("1203.00", false, 1203L)]
    [InlineData("1.000", false, 1L)]
    [InlineData("1.000", true, 1000L)] // decimal-comma dialect: the dot groups thousands
    [InlineData("0.0", false, 0L)]
    [InlineData("999999999999999.0", false, 999999999999999L)]
    [InlineData("12.5", false, 13L)]
    public void TryParseCount_FloatCounts_AgreeWithTheGeneralParser(string text, bool decimalComma, long expected)
    {
        // Catches the integral-float shortcut taken in a decimal-comma dialect ("1.000" is a thousand there).
        Assert.True(ExportNumbers.TryParseDouble(text, decimalComma, out var general));
        Assert.Equal(expected, (long)Math.Round(general, MidpointRounding.AwayFromZero));
        Assert.True(ExportNumbers.TryParseCount(text, decimalComma, out var count));
        Assert.Equal(expected, count);
    }

    [Theory]
    [InlineData("20.25")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("2.675")]
    [InlineData("1.005")]
    [InlineData("123456789.012345")]
    [InlineData("999999999999.999")]
    [InlineData("0.000000000000001")]
    [InlineData("1.7976931348623157")]
    [InlineData("300")]
    [InlineData("007")]
    public void TryParseDouble_ShortDecimalsAndDigits_AreTheCorrectlyRoundedValue(string text)
    {
        // Catches the short-decimal shortcut multiplying by a rounded 0.01 instead of dividing by an exact 100, or a scale
        // off by one digit.
        Assert.True(ExportNumbers.TryParseDouble(text, decimalComma: false, out var value));
        Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParseCount_BeyondTheGeneralLimit_IsRefusedAsBefore()
    {
        // Catches the shortcut accepting more digits than the general path's 9e15 limit allows.
        Assert.False(ExportNumbers.TryParseCount("99999999999999999.0", decimalComma: false, out _));
    }
}
