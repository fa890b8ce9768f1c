using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class TikTokDatesTests
{
    [Theory]
    [InlineData("October 31", 10, 31, null)]
    [InlineData("28 August", 8, 28, null)]
    [InlineData("9月13日", 9, 13, null)]
    [InlineData("13 сентября", 9, 13, null)]
    [InlineData("1 октября", 10, 1, null)]
    [InlineData("28 augusti", 8, 28, null)]
    [InlineData("31 de octubre", 10, 31, null)]
    [InlineData("Oct 5", 10, 5, null)]
    [InlineData("2026-10-31", 10, 31, 2026)]
    [InlineData("2026-11-02 10:15:00", 11, 2, 2026)]
    [InlineData("February 29", 2, 29, null)]
    public void TryParse_LocalizedDate_ReadsMonthDayAndYear(string text, int month, int day, int? year)
    {
        Assert.True(TikTokDates.TryParse(text, out var date));
        Assert.Equal(new TikTokDates.PartialDate(month, day, year), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("February 30")]
    [InlineData("Octobre 31 bananas")]
    [InlineData("13/31")]
    public void TryParse_NotADate_ReturnsFalse(string text)
    {
        Assert.False(TikTokDates.TryParse(text, out _));
    }

    [Theory]
    [InlineData(10, 31, "2026-11-02", "2026-10-31")]
    [InlineData(11, 2, "2026-11-02", "2026-11-02")]
    [InlineData(11, 5, "2026-11-02", "2025-11-05")]
    [InlineData(2, 29, "2026-11-02", "2024-02-29")]
    public void Resolve_YearlessDate_TakesLatestYearNotAfterExportDay(int month, int day, string exportDay, string expected)
    {
        var resolved = TikTokDates.Resolve(new TikTokDates.PartialDate(month, day, null), DateOnly.Parse(exportDay, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), resolved);
    }
}
