using System.Globalization;
using System.Runtime.CompilerServices;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

/// <summary>The boundaries of the positional date parsers: every field at its last valid value and one beyond.</summary>
public sealed class CellDatesMoreTests
{
    [Theory]
    [InlineData("2026-12-31T23:59:59", "2026-12-31 23:59:59", null)]
    [InlineData("2026-01-01 00:00:00", "2026-01-01 00:00:00", null)]
    [InlineData("2026-02-28", "2026-02-28 00:00:00", null)]
    [InlineData("2026-10-27T14:05:00.1234567", "2026-10-27 14:05:00.1234567", null)]
    [InlineData("2026-10-27T14:05:00.25Z", "2026-10-27 14:05:00.25", 0)]
    [InlineData("2026-10-27T14:05z", "2026-10-27 14:05:00", 0)]
    [InlineData("2026-10-27T14:05:00-03:30", "2026-10-27 14:05:00", -210)]
    [InlineData("2026-10-27T14:05:00+1459", "2026-10-27 14:05:00", 899)]
    [InlineData(" 2026-10-27 ", "2026-10-27 00:00:00", null)]
    [InlineData("0001-01-01", "0001-01-01 00:00:00", null)]
    [InlineData("9999-12-31T23:59:59", "9999-12-31 23:59:59", null)] // catches `year >= 9999` refusing the last year
    public void TryParseIso_LastValidValues_AreRead(string text, string local, int? offsetMinutes)
    {
        Assert.True(CellDates.TryParseIso(text, out var parsed, out var offset));
        Assert.Equal(DateTime.Parse(local, CultureInfo.InvariantCulture), parsed);
        Assert.Equal(offsetMinutes is { } m ? TimeSpan.FromMinutes(m) : null, offset);
    }

    [Theory]
    [InlineData("2026-10-2")]
    [InlineData("2026/10/27")]
    [InlineData("2026-10/27")]
    [InlineData("20a6-10-27")]
    [InlineData("2026-1a-27")]
    [InlineData("2026-10-2a")]
    [InlineData("0000-01-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-13-10")]
    [InlineData("2026-10-00")]
    [InlineData("2026-11-31")]
    [InlineData("2026-10-27T24:00")]
    [InlineData("2026-10-27T23:60")]
    [InlineData("2026-10-27T23:59:60")]
    [InlineData("2026-10-27T2:05")]
    [InlineData("2026-10-27T14-05")]
    [InlineData("2026-10-27T1a:05")]
    [InlineData("2026-10-27T14:0a")]
    [InlineData("2026-10-27T14:05:0a")]
    [InlineData("2026-10-27T14:05:00+15:00")]
    [InlineData("2026-10-27T14:05:00+02:60")]
    [InlineData("2026-10-27T14:05:00+02-00")]
    [InlineData("2026-10-27T14:05:00*02:00")]
    [InlineData("2026-10-27T14:05:00+2a:00")]
    [InlineData("2026-10-27T14:05:00+02:0a")]
    [InlineData("2026-10-27T14:05:00+02:000")]
    [InlineData("2026-10-27x")]
    public void TryParseIso_OneBeyond_IsNotIso(string text)
    {
        Assert.False(CellDates.TryParseIso(text, out _, out _));
    }

    [Theory]
    [InlineData("12/31/2026 23:59:59", "2026-12-31 23:59:59")]
    [InlineData("1/1/1000 0:00", "1000-01-01 00:00:00")]
    [InlineData(" 02/28/2026 10:00 ", "2026-02-28 10:00:00")]
    public void TryParseUsDateTime_LastValidValues_AreRead(string text, string expected)
    {
        Assert.True(CellDates.TryParseUsDateTime(text, out var parsed));
        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("1/1/999 10:00")]
    [InlineData("0/10/2026 10:00")]
    [InlineData("10/0/2026 10:00")]
    [InlineData("11/31/2026 10:00")]
    [InlineData("10/27/2026 24:00")]
    [InlineData("10/27/2026 10:60")]
    [InlineData("10/27/2026 10:00:60")]
    [InlineData("10/27/2026 10:00:")]
    [InlineData("10/27/2026 10:00x")]
    [InlineData("123/1/2026 10:00")]
    [InlineData("10/27/20261 10:00")]
    [InlineData("10-27-2026 10:00")]
    [InlineData("10/27/2026T10:00")]
    [InlineData("10/27/2026 10.00")]
    [InlineData("/27/2026 10:00")]
    [InlineData("1027/2026 10:00")] // these two catch a missing separator taken as present (Expect answering true)
    [InlineData("10/27/2026 10:0030")]
    public void TryParseUsDateTime_OneBeyond_IsNotMetasForm(string text)
    {
        Assert.False(CellDates.TryParseUsDateTime(text, out _));
    }

    [Fact]
    public void LocalClock_SameDayTwice_UsesTheDaysOffsetBothTimes()
    {
        var clock = new LocalClock(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

        Assert.Equal(new DateTimeOffset(2026, 7, 14, 13, 0, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2026, 7, 14, 9, 0, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 30, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2026, 7, 14, 18, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2026, 1, 14, 18, 30, 0)));
    }

    /// <summary>The first year and the last month (catches <c>year &lt;= 1</c> and <c>month &gt;= 12</c> refusing them).</summary>
    [Theory]
    [InlineData("0001-01-01 00:00", 1, 1, 1, 0, 0)]
    [InlineData("2026-12-31 23:59", 2026, 12, 31, 23, 59)]
    public void TryParseIsoMinutes_FirstYearAndLastMonth_AreRead(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.True(CellDates.TryParseIsoMinutes(text, out var parsed));
        Assert.Equal(new DateTime(year, month, day, hour, minute, 0), parsed);
    }

    /// <summary>
    /// One date of each weekday (27 September 2026 is a Sunday: 1 January 2026 is a Thursday, and 27 September is the
    /// year's 270th day, 269 = 38 × 7 + 3 days later): catches any weekday name blanked in the table of names.
    /// </summary>
    [Theory]
    [InlineData("Sun, Sep 27, 2026", 27)]
    [InlineData("Mon, Sep 28, 2026", 28)]
    [InlineData("Tue, Sep 29, 2026", 29)]
    [InlineData("Wed, Sep 30, 2026", 30)]
    [InlineData("Thu, Oct 1, 2026", 1)]
    [InlineData("Fri, Oct 2, 2026", 2)]
    [InlineData("Sat, Oct 3, 2026", 3)]
    public void TryParseEnglishDate_EveryWeekday_IsRead(string text, int day)
    {
        Assert.True(CellDates.TryParseEnglishDate(text, withWeekday: true, out var date));
        Assert.Equal(new DateOnly(2026, day > 26 ? 9 : 10, day), date);
    }

    /// <summary>Year 1 is a year (catches <c>year &lt;= 1</c>); 1 January of year 1 is a Monday in the proleptic Gregorian calendar.</summary>
    [Theory]
    [InlineData("Jan 1, 0001", false)]
    [InlineData("Mon, Jan 1, 0001", true)]
    public void TryParseEnglishDate_FirstYear_IsRead(string text, bool withWeekday)
    {
        Assert.True(CellDates.TryParseEnglishDate(text, withWeekday, out var date));
        Assert.Equal(new DateOnly(1, 1, 1), date);
    }

    /// <summary>Text that is not the form is refused (false, no exception), each case the one-line bug it catches.</summary>
    [Theory]
    [InlineData("Tue; Sep 29, 2026", true)] // weekday not followed by a comma taken (`&&` for `||` after the length test)
    [InlineData("Tue,-Sep 29, 2026", true)] // weekday's comma not followed by a space taken (`&&` between the two)
    [InlineData("Sun, Sep 29, 2026", true)] // 29 September 2026 is a Tuesday: Sunday (weekday 0) must not pass as "any"
    [InlineData("Xyz, Sep 28, 2026", true)] // unknown weekday: no read past the seven names, no "not found" taken as Monday
    [InlineData("Sep 029, 2026", false)] // 13 characters: the comma position is only computed for 11 or 12
    [InlineData("Sep", false)] // too short: no position read when the length rules it out
    [InlineData("Tue, Sep", true)]
    public void TryParseEnglishDate_NotTheForm_IsRefused(string text, bool withWeekday)
    {
        Assert.False(CellDates.TryParseEnglishDate(text, withWeekday, out _));
    }

    /// <summary>
    /// A day's offset is worked out once and kept (the cache is what makes a large file fast): the entry for a winter day
    /// in Paris is +01:00, a day with a DST change keeps no offset (its rows convert one by one), and the result is
    /// the same as without the cache. Catches a cache never filled or filled with nothing.
    /// </summary>
    [Fact]
    public void LocalClock_Day_IsConvertedWithItsCachedOffset()
    {
        var clock = new LocalClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        Assert.Equal(new DateTimeOffset(2026, 1, 14, 17, 30, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2026, 1, 14, 18, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2026, 3, 29, 1, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero), clock.ToUtc(new DateTime(2026, 3, 29, 10, 0, 0)));

        var offsets = Offsets(clock);
        Assert.Equal(2, offsets.Count);
        Assert.Equal(TimeSpan.FromHours(1), offsets[new DateOnly(2026, 1, 14)]);
        Assert.Null(offsets[new DateOnly(2026, 3, 29)]);
    }

    /// <summary>
    /// A file spanning more days than the cache holds (8,192 days, about 22 years) keeps memory flat: the cache stops
    /// at its bound and later days still convert right (catches the bound dropped or off by one).
    /// </summary>
    [Fact]
    public void LocalClock_MoreDaysThanTheBound_CachesOnlyTheBound()
    {
        var clock = new LocalClock(TimeZoneInfo.Utc);
        var first = new DateTime(2000, 1, 1, 12, 0, 0);
        for (var i = 0; i < 8192 + 10; i++)
        {
            var local = first.AddDays(i);
            Assert.Equal(new DateTimeOffset(local, TimeSpan.Zero), clock.ToUtc(local));
        }

        Assert.Equal(8192, Offsets(clock).Count);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_offsets")]
    private static extern ref Dictionary<DateOnly, TimeSpan?> Offsets(LocalClock clock);
}
