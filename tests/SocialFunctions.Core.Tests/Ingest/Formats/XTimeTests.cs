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
}
