using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class LocalizedDatesTests
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
    [InlineData("February 29", 2, 29, null)]
    [InlineData("8 de marzo", 3, 8, null)]
    [InlineData("10 February", 2, 10, null)]
    [InlineData("18 tháng Tám", 8, 18, null)]
    [InlineData("18 tháng 8", 8, 18, null)]
    [InlineData("8월 13일", 8, 13, null)]
    [InlineData("28 sept. 2026", 9, 28, 2026)]
    [InlineData("13. Sept.", 9, 13, null)]
    public void TryParse_LocalizedDate_ReadsMonthDayAndYear(string text, int month, int day, int? year)
    {
        Assert.True(LocalizedDates.TryParse(text, out var date));
        Assert.Equal(new LocalizedDates.PartialDate(month, day, year), date);
    }

    [Theory]
    [InlineData("2026-11-02 10:15:00", 11, 2, 2026, 10, 15, 0)]
    [InlineData("2025/10/31 18:19:10", 10, 31, 2025, 18, 19, 10)]
    [InlineData("2026-07-12 09:00", 7, 12, 2026, 9, 0, 0)]
    public void TryParse_Timestamp_KeepsTimeOfDay(string text, int month, int day, int year, int hour, int minute, int second)
    {
        Assert.True(LocalizedDates.TryParse(text, out var date));
        Assert.Equal(new LocalizedDates.PartialDate(month, day, year, new TimeOnly(hour, minute, second)), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("February 30")]
    [InlineData("Octobre 31 bananas")]
    [InlineData("13/31")]
    [InlineData("2025/13/31 18:19:10")]
    [InlineData("2025/10/31 25:19:10")]
    public void TryParse_NotADate_ReturnsFalse(string text)
    {
        Assert.False(LocalizedDates.TryParse(text, out _));
    }

    [Theory]
    [InlineData(10, 31, "2026-11-02", "2026-10-31")]
    [InlineData(11, 2, "2026-11-02", "2026-11-02")]
    [InlineData(11, 5, "2026-11-02", "2025-11-05")]
    [InlineData(2, 29, "2026-11-02", "2024-02-29")]
    public void Resolve_YearlessDate_TakesLatestYearNotAfterExportDay(int month, int day, string exportDay, string expected)
    {
        var resolved = LocalizedDates.Resolve(new LocalizedDates.PartialDate(month, day, null), DateOnly.Parse(exportDay, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), resolved);
    }
}
