using System.Globalization;
using SocialFunctions.Core.Ingest.Zip;

namespace SocialFunctions.Core.Tests.Ingest.Zip;

/// <summary>Which dates a file name is read to hold (they anchor years and ranges): whole dates only, never digits inside a longer number.</summary>
public sealed class ExportDatesMoreTests
{
    [Theory]
    [InlineData("2026-10-31.csv", "2026-10-31")]
    [InlineData("x20261031", "2026-10-31")]
    [InlineData("report-20261031.csv", "2026-10-31")]
    [InlineData("report 2026-10-31 and 2026-11-02.csv", "2026-10-31|2026-11-02")]
    [InlineData("20010101_20991231", "2001-01-01|2099-12-31")]
    [InlineData("id 120261031.csv", "")]
    [InlineData("id 202610311.csv", "")]
    [InlineData("20001231_21000101", "")]
    [InlineData("2026-13-01 20261301", "")]
    [InlineData("2026-10-3", "")]
    [InlineData("folder 2026-01-01/Content 2026-10-31.csv", "2026-10-31")]
    [InlineData(null, "")]
    public void DatesIn_Name_WholeDatesInOrder(string? name, string expected)
    {
        Assert.Equal(expected, string.Join('|', ExportDates.DatesIn(name).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("TikTok_Content_2026-11-02.csv", "2026-11-02")]
    [InlineData("Content 2026-10-31_2026-09-01.zip", "2026-10-31")]
    [InlineData("Table data.csv", null)]
    [InlineData(null, null)]
    public void LatestDateInName_LatestOfTheDates(string? name, string? expected)
    {
        Assert.Equal(expected, ExportDates.LatestDateInName(name)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryRangeFromName_SameDayTwice_IsAOneDayRange()
    {
        Assert.True(ExportDates.TryRangeFromName("2026-10-31_2026-10-31.csv", out var from, out var to));
        Assert.Equal((new DateOnly(2026, 10, 31), new DateOnly(2026, 10, 31)), (from, to));
    }

    [Fact]
    public void DayIn_InstantNearMidnight_IsTheZonesLocalDay()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal(new DateOnly(2026, 10, 1), ExportDates.DayIn(new DateTimeOffset(2026, 9, 30, 22, 30, 0, TimeSpan.Zero), paris));
        Assert.Equal(new DateOnly(2026, 9, 30), ExportDates.DayIn(new DateTimeOffset(2026, 9, 30, 21, 59, 0, TimeSpan.Zero), paris));
    }
}
