using SocialFunctions.Core.Ingest.Zip;

namespace SocialFunctions.Core.Tests.Ingest.Zip;

public sealed class ExportDatesTests
{
    [Theory]
    [InlineData("Content 2026-09-01_2026-10-31 Lumen Coffee.zip", "2026-09-01", "2026-10-31")]
    [InlineData("ga4_20260901-20261031.csv", "2026-09-01", "2026-10-31")]
    [InlineData("/uploads/x/Table data 2026-10-31 2026-09-01.csv", "2026-09-01", "2026-10-31")]
    public void TryRangeFromName_NameWithTwoDates_ReturnsOrderedRange(string name, string from, string to)
    {
        Assert.True(ExportDates.TryRangeFromName(name, out var f, out var t));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), f);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), t);
    }

    [Theory]
    [InlineData("Table data.csv")]
    [InlineData("TikTok_Content_2026-11-02.csv")]
    [InlineData("")]
    public void TryRangeFromName_FewerThanTwoDates_ReturnsFalse(string name)
    {
        Assert.False(ExportDates.TryRangeFromName(name, out _, out _));
    }

    [Fact]
    public void StartOfDayUtc_ParisSummerAndWinter_UsesEachDaysOffset()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 22, 0, 0, TimeSpan.Zero), ExportDates.StartOfDayUtc(new DateOnly(2026, 10, 1), paris));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), ExportDates.StartOfDayUtc(new DateOnly(2026, 12, 1), paris));
    }
}
