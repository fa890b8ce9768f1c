using System.Globalization;
using SocialFunctions.Core.Ingest.Csv;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class CellDatesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("2026-10-27T14:05:00Z", "2026-10-27 14:05:00", 0)]
    [InlineData("2026-10-27T14:05:00.5+02:00", "2026-10-27 14:05:00.5", 120)]
    [InlineData("2026-10-27 14:05-0330", "2026-10-27 14:05:00", -210)]
    [InlineData("2026-10-27T14:05", "2026-10-27 14:05:00", null)]
    [InlineData("2026-10-27", "2026-10-27 00:00:00", null)]
    public void TryParseIso_Forms_ReadLocalTimeAndStatedOffset(string text, string local, int? offsetMinutes)
    {
        Assert.True(CellDates.TryParseIso(text, out var parsed, out var offset));
        Assert.Equal(DateTime.Parse(local, CultureInfo.InvariantCulture), parsed);
        Assert.Equal(offsetMinutes is { } m ? TimeSpan.FromMinutes(m) : null, offset);
    }

    [Theory]
    [InlineData("2026-02-30T10:00:00Z")]
    [InlineData("2026-10-27T25:00:00Z")]
    [InlineData("2026-10-27T14:05:00+2")]
    [InlineData("27/10/2026")]
    [InlineData("2026-10-27T14:05:00Zx")]
    public void TryParseIso_NotIso_ReturnsFalse(string text)
    {
        Assert.False(CellDates.TryParseIso(text, out _, out _));
    }

    [Theory]
    [InlineData("10/27/2026 14:05", "2026-10-27 14:05:00")]
    [InlineData("3/5/2026 9:07", "2026-03-05 09:07:00")]
    [InlineData("10/27/2026 14:05:30", "2026-10-27 14:05:30")]
    public void TryParseUsDateTime_MetaPublishTime_ReadsMonthFirst(string text, string expected)
    {
        Assert.True(CellDates.TryParseUsDateTime(text, out var parsed));
        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("13/01/2026 10:00")]
    [InlineData("10/27/2026 2:05 PM")]
    [InlineData("10/27/2026")]
    [InlineData("02/29/2026 10:00")]
    public void TryParseUsDateTime_OtherForms_ReturnFalseForTheFormatLists(string text)
    {
        Assert.False(CellDates.TryParseUsDateTime(text, out _));
    }

    /// <summary>The per-day offset cache agrees with CsvDates.LocalToUtc at every quarter hour, DST change days included.</summary>
    [Theory]
    [InlineData("2026-03-29")]
    [InlineData("2026-10-25")]
    [InlineData("2026-07-14")]
    public void LocalClock_EveryQuarterHour_AgreesWithLocalToUtc(string day)
    {
        var clock = new LocalClock(Paris);
        var midnight = DateTime.Parse(day, CultureInfo.InvariantCulture);
        for (var minutes = 0; minutes < 24 * 60; minutes += 15)
        {
            var local = midnight.AddMinutes(minutes);
            Assert.Equal(CsvDates.LocalToUtc(local, Paris), clock.ToUtc(local));
        }
    }
}
