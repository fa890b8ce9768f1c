using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XTimeTests
{
    [Fact]
    public void TryParseActivityTime_ExportStyle_ConvertsToUtc()
    {
        Assert.True(XTime.TryParseActivityTime("2026-10-27 14:05 +0200", XTime.LocalFormats, out var value, out var zone));
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 12, 5, 0, TimeSpan.Zero), value);
        Assert.Equal("+0200", zone);
    }

    [Theory]
    [InlineData("2026-10-27 14:05 +2500")] // offset hours out of range: a bad cell, not a crash
    [InlineData("2026-10-27 14:05 +0275")]
    [InlineData("0001-01-01 00:30 +0100")] // before year 1 in UTC
    public void TryParseActivityTime_ImpossibleValue_FalseInsteadOfThrowing(string text) =>
        Assert.False(XTime.TryParseActivityTime(text, XTime.LocalFormats, out _, out _));

    /// <summary>
    /// One time per local format, each written so that the exact fast path (<c>yyyy-MM-dd HH:mm</c>, one space) does not
    /// take it and only that format reads it: catches any one format misspelt or dropped.
    /// </summary>
    [Theory]
    [InlineData("2026-10-27  14:05 +0200", 0)] // yyyy-MM-dd HH:mm, with the extra space the framework allows
    [InlineData("2026-10-27 14:05:09 +0200", 9)] // yyyy-MM-dd HH:mm:ss
    [InlineData("2026-10-27T14:05:09 +0200", 9)] // yyyy-MM-dd'T'HH:mm:ss
    [InlineData("2026-10-27T14:05 +0200", 0)] // yyyy-MM-dd'T'HH:mm
    public void TryParseActivityTime_EachLocalFormat_Read(string text, int seconds)
    {
        Assert.True(XTime.TryParseActivityTime(text, XTime.LocalFormats, out var value, out var zone));
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 12, 5, seconds, TimeSpan.Zero), value);
        Assert.Equal("+0200", zone);
    }

    /// <summary>
    /// One date per vintage, each written so that the exact fast path (<c>Tue, Oct 27, 2026</c>, single spaces) does not
    /// take it and only its format reads it: catches any one format misspelt or dropped; the two-digit days show that
    /// <c>d</c> reads them (no <c>dd</c> twin needed).
    /// </summary>
    [Theory]
    [InlineData("Tue,  Oct 6, 2026", "2026-10-06")] // ddd, MMM d, yyyy
    [InlineData("Tue,  Oct 06, 2026", "2026-10-06")]
    [InlineData("Mon Feb 17 2025", "2025-02-17")] // ddd MMM d yyyy (2025 files)
    [InlineData("Mon Feb 3 2025", "2025-02-03")]
    [InlineData("Mon Feb 03 2025", "2025-02-03")]
    [InlineData("Oct 6, 2026", "2026-10-06")] // MMM d, yyyy
    [InlineData("2024-04-26", "2024-04-26")] // yyyy-MM-dd
    [InlineData("4/26/2024", "2024-04-26")] // M/d/yyyy
    public void TryParsePremiumDate_EachVintage_Read(string text, string expected)
    {
        Assert.True(XTime.TryParsePremiumDate(text, XTime.PremiumDateFormats, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("Wed, Oct 27, 2026")] // wrong weekday
    [InlineData("Tue,  Oct 27, 2026x")]
    [InlineData("27/10/2026")]
    public void TryParsePremiumDate_NotADate_False(string text) =>
        Assert.False(XTime.TryParsePremiumDate(text, XTime.PremiumDateFormats, out _));

    /// <summary>
    /// The id cell when it is all digits, else the digits after <c>/status/</c> in the permalink, else null: catches each
    /// bound of those tests moved by one (a leading non-digit kept, a permalink starting with the marker ignored, a
    /// query string or an empty tail kept as the id).
    /// </summary>
    [Theory]
    [InlineData("1849000000000000007", null, "1849000000000000007")]
    [InlineData("x1849000000000000007", null, null)]
    [InlineData("6.54E+17", "https://x.com/lumencoffee/status/654000000000000123?s=20", "654000000000000123")]
    [InlineData("6.54E+17", "/status/654000000000000123", "654000000000000123")]
    [InlineData("6.54E+17", "https://x.com/lumencoffee/status/x654", null)]
    [InlineData("6.54E+17", "https://x.com/lumencoffee/status/", null)]
    [InlineData("", "https://x.com/lumencoffee", null)]
    public void PostId_FromIdCellElsePermalink(string? idCell, string? permalink, string? expected) =>
        Assert.Equal(expected, XTime.PostId(idCell, permalink));

    /// <summary>Catches the offset's sign ignored and the limits of its hours (14) and minutes (59) made strict.</summary>
    [Theory]
    [InlineData("2026-10-27 14:05 -0300", "2026-10-27T17:05:00Z")]
    [InlineData("2026-10-27 14:05 +1400", "2026-10-27T00:05:00Z")]
    [InlineData("2026-10-27 14:05 +0059", "2026-10-27T13:06:00Z")]
    public void TryParseActivityTime_OffsetAtItsLimits_Applied(string text, string utc)
    {
        Assert.True(XTime.TryParseActivityTime(text, XTime.LocalFormats, out var value, out var zone));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(text[^5..], zone);
    }

    /// <summary>An offset that is not four digits after its sign is not taken apart: catches the guard's length test dropped (it would read past the text).</summary>
    [Theory]
    [InlineData("2026-10-27 14:05 +020")]
    [InlineData("2026-10-27 14:05 +02:00")]
    public void TryParseActivityTime_OffsetNotFourDigits_False(string text) =>
        Assert.False(XTime.TryParseActivityTime(text, XTime.LocalFormats, out _, out _));

    /// <summary>Nearly every legacy row says +0000: one shared string, not one per row. Catches the shortcut removed.</summary>
    [Fact]
    public void TryParseActivityTime_Utc_SharedZoneString()
    {
        Assert.True(XTime.TryParseActivityTime("2026-10-27 14:05 +0000", XTime.LocalFormats, out _, out var zone));
        Assert.Same("+0000", zone);
    }

    /// <summary>Catches the shortest snowflake (15 digits) refused, a shorter id or zero taken for one, and a null id not refused.</summary>
    [Theory]
    [InlineData("100000000000000", 1288858816514L)]
    [InlineData("10000000000000", null)]
    [InlineData("000000000000000", null)]
    [InlineData(null, null)]
    public void FromSnowflake_FifteenDigitsOrMore(string? id, long? unixMilliseconds) =>
        Assert.Equal(unixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, XTime.FromSnowflake(id));
}
