using System.Globalization;
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
}
