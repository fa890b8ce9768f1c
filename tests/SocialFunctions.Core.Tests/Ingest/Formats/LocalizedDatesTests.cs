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

    // One date per UI language, with a month name only that language's culture gives (written here, not taken from the
    // table): a misspelt or dropped culture fails its row. en-US, en-GB and sv-SE add nothing beyond the spelled-out
    // lists, vi-VN's ICU names all hold a space (Vietnamese is read separately, below), and pt-BR/pt-PT and nb-NO share
    // their names with another culture, so their rows catch only the loss of both.
    [Theory]
    [InlineData("13 янв.", 1)]
    [InlineData("13 janvier", 1)]
    [InlineData("13. März", 3)]
    [InlineData("13 ene", 1)]
    [InlineData("13 de outubro", 10)]
    [InlineData("13 gennaio", 1)]
    [InlineData("13 maart", 3)]
    [InlineData("13 stycznia", 1)]
    [InlineData("13 Ocak", 1)]
    [InlineData("13 Agustus", 8)]
    [InlineData("13 січня", 1)]
    [InlineData("13 มกราคม", 1)]
    [InlineData("13 Julai", 7)]
    [InlineData("13 ianuarie", 1)]
    [InlineData("13. ledna", 1)]
    [InlineData("március 13.", 3)]
    [InlineData("13 ιανουαρίου", 1)]
    [InlineData("13. marts", 3)]
    [InlineData("13. mai", 5)]
    [InlineData("13. tammikuuta", 1)]
    public void TryParse_MonthNameOfEachCulture_ReadsMonth(string text, int month)
    {
        Assert.True(LocalizedDates.TryParse(text, out var date));
        Assert.Equal(new LocalizedDates.PartialDate(month, 13, null), date);
    }

    [Theory]
    [InlineData("một", 1)]
    [InlineData("hai", 2)]
    [InlineData("ba", 3)]
    [InlineData("tư", 4)]
    [InlineData("năm", 5)]
    [InlineData("sáu", 6)]
    [InlineData("bảy", 7)]
    [InlineData("tám", 8)]
    [InlineData("chín", 9)]
    [InlineData("mười", 10)]
    [InlineData("mười một", 11)]
    [InlineData("Mười Hai", 12)]
    public void TryParse_VietnameseMonthWord_ReadsMonth(string word, int month)
    {
        Assert.True(LocalizedDates.TryParse($"18 tháng {word}", out var date));
        Assert.Equal(new LocalizedDates.PartialDate(month, 18, null), date);
    }

    // Boundaries of the parser (Stryker survivors): each row fails under one of its one-line changes.
    [Theory]
    [InlineData("1969-07-20", 7, 20, 1969, null)] // ISO is read by position, whatever its year; the general path refuses 1969
    [InlineData("1969-07-20 9:05", 7, 20, 1969, "09:05")]
    [InlineData("2025/10/31 18:19", 10, 31, 2025, "18:19")] // five numbers: a timestamp without seconds
    [InlineData("2025/10/31 23:59:59", 10, 31, 2025, "23:59:59")]
    [InlineData("2026. október 13.", 10, 13, 2026, null)] // a year first is not a timestamp without a clock
    [InlineData("13 ม.ค. 2026", 1, 13, 2026, null)] // a dot inside a month name
    [InlineData("13 de octubre del 2026", 10, 13, 2026, null)] // three-letter connectors
    [InlineData("13October", 10, 13, null, null)]
    [InlineData("October13", 10, 13, null, null)]
    [InlineData("13 October 1970", 10, 13, 1970, null)]
    [InlineData("13 October 2999", 10, 13, 2999, null)]
    [InlineData("18 tháng 8, 2026", 8, 18, 2026, null)]
    [InlineData("18 tháng 8 năm 2026", 8, 18, 2026, null)]
    [InlineData("ngày 18 tháng 8", 8, 18, null, null)]
    [InlineData("ngày 18 tháng 8 năm 2026", 8, 18, 2026, null)]
    [InlineData("18 tháng mười hai, 2026", 12, 18, 2026, null)] // a two-word month before the year
    [InlineData("18 tháng mười hai năm 2026", 12, 18, 2026, null)]
    [InlineData("18 tháng năm năm 2026", 5, 18, 2026, null)] // "năm": May, then the year's word
    [InlineData("18 tháng năm 2026", 5, 18, 2026, null)] // "năm" alone after "tháng" is the month
    [InlineData("Thứ Sáu, 18 tháng 12, 2026", 12, 18, 2026, null)] // .NET's vi-VN long date, weekday first
    [InlineData("Thứ 6, 18 tháng 12, 2026", 12, 18, 2026, null)] // a weekday written with a digit
    [InlineData("Chủ Nhật, 20 tháng 12, 2026", 12, 20, 2026, null)]
    [InlineData("18 thg 12, 2026", 12, 18, 2026, null)] // the abbreviated month word
    [InlineData("tháng 8 18", 8, 18, null, null)] // month first
    public void TryParse_Boundary_ReadsDate(string text, int month, int day, int? year, string? time)
    {
        Assert.True(LocalizedDates.TryParse(text, out var date));
        Assert.Equal(new LocalizedDates.PartialDate(month, day, year, time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)), date);
    }

    [Theory]
    [InlineData("2026-10-31 25:00")]
    [InlineData("2026-10-31 9:5")] // ISO with a time it does not know is refused, not read by the general path
    [InlineData("2025/10/31 18 19")] // five numbers without a clock
    [InlineData("2025/10/31 24:00")]
    [InlineData("October 000013")]
    [InlineData("1 2 3 4 5 6 7")]
    [InlineData("1 2 3 4")]
    [InlineData("13 October November")]
    [InlineData("October 13 2025 2026")]
    [InlineData("October 1 2")]
    [InlineData("13")]
    [InlineData("13 October 1969")]
    [InlineData("13 October 3000")]
    [InlineData("29 February 2025")]
    [InlineData("32 tháng 8")]
    [InlineData("18 19 tháng 8")] // two days
    [InlineData("18 ngày tháng 8")] // a word after the day
    [InlineData("Thứ 8, 18 tháng 12")] // no eighth weekday
    [InlineData("Thứ Sáu 18 tháng")] // no month
    [InlineData("tháng 8")] // no day
    [InlineData("18 tháng mười ba")] // no thirteenth month
    [InlineData("18 tháng 8 foo")]
    [InlineData("18 tháng 12, 1969")]
    public void TryParse_BeyondBoundary_ReturnsFalse(string text)
    {
        Assert.False(LocalizedDates.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(9999, true)]
    [InlineData(0, false)]
    [InlineData(10000, false)]
    public void TryIn_YearBounds(int year, bool expected)
    {
        Assert.Equal(expected, new LocalizedDates.PartialDate(1, 1, null).TryIn(year, out var date));
        Assert.Equal(expected ? new DateOnly(year, 1, 1) : default, date);
    }

    [Fact]
    public void EarliestOnOrAfter_SameDay_IsThatDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 2), LocalizedDates.EarliestOnOrAfter(new LocalizedDates.PartialDate(11, 2, null), new DateOnly(2026, 11, 2)));
        Assert.Equal(new DateOnly(2028, 2, 29), LocalizedDates.EarliestOnOrAfter(new LocalizedDates.PartialDate(2, 29, null), new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void LatestAndEarliest_DayNoYearHas_ThrowNamingTheWindow()
    {
        var never = new LocalizedDates.PartialDate(2, 30, null);

        var before = Assert.Throws<ArgumentOutOfRangeException>(() => LocalizedDates.LatestOnOrBefore(never, new DateOnly(2026, 11, 2)));
        var after = Assert.Throws<ArgumentOutOfRangeException>(() => LocalizedDates.EarliestOnOrAfter(never, new DateOnly(2026, 11, 2)));

        Assert.StartsWith("no such date in the eight years before the reference", before.Message, StringComparison.Ordinal);
        Assert.StartsWith("no such date in the eight years after the reference", after.Message, StringComparison.Ordinal);
    }
}
