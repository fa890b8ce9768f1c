using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Brands;

public sealed class BrandClockTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Europe/Paris", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Romance Standard Time", false)] // a Windows id: found on Linux too, but the contract is IANA
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryFind_LookupPolicy_IanaOrUtcOnly(string? id, bool found)
    {
        Assert.Equal(found, BrandClock.TryFind(id, out var clock));
        Assert.Equal(found ? id : null, clock?.ZoneId);
    }

    [Fact]
    public void Find_Unknown_ThrowsNamingZone()
    {
        var error = Assert.Throws<TimeZoneNotFoundException>(() => BrandClock.Find("Mars/Olympus"));

        Assert.Contains("'Mars/Olympus'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Paris 2026-03-29: 02:00 → 03:00. Anything in the gap is the instant of the change (01:00 UTC).
    [InlineData("Europe/Paris", "2026-03-29T02:00:00", "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Paris", "2026-03-29T02:59:00", "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Paris", "2026-03-29T03:00:00", "2026-03-29T01:00:00Z")]
    [InlineData("Europe/Paris", "2026-03-29T01:59:00", "2026-03-29T00:59:00Z")]
    // Paris 2026-10-25: 02:00–03:00 happens twice; the first occurrence (CEST) wins.
    [InlineData("Europe/Paris", "2026-10-25T02:30:00", "2026-10-25T00:30:00Z")]
    // New York 2026-11-01: 01:30 first as EDT.
    [InlineData("America/New_York", "2026-11-01T01:30:00", "2026-11-01T05:30:00Z")]
    // Santiago 2026-09-06: midnight is skipped (00:00 → 01:00), so the day starts at 01:00 local = 04:00 UTC.
    [InlineData("America/Santiago", "2026-09-06T00:00:00", "2026-09-06T04:00:00Z")]
    public void ToUtc_OneDstRule_GapToItsEndOverlapToFirst(string zone, string local, string expected)
    {
        var clock = BrandClock.Find(zone);

        var instant = clock.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void StartOf_SkippedMidnight_NoInstantBelongsToNoDay()
    {
        var clock = BrandClock.Find("America/Santiago");
        var day = new DateOnly(2026, 9, 6);

        var start = clock.StartOf(day);

        Assert.Equal(day, clock.LocalDate(start));
        Assert.Equal(day.AddDays(-1), clock.LocalDate(start.AddTicks(-1)));
    }

    [Theory]
    // 1 November 00:30 in Tokyo is still 31 October in UTC: October is over in Tokyo, not in UTC.
    [InlineData("Asia/Tokyo", "2026-10-31T15:30:00Z", "2026-10")]
    [InlineData("UTC", "2026-10-31T15:30:00Z", "2026-09")]
    // 31 January 23:00 in New York is 1 February 04:00 UTC: January is not over there yet.
    [InlineData("America/New_York", "2026-02-01T04:00:00Z", "2025-12")]
    // Leap day: 29 February 2028 is still February.
    [InlineData("UTC", "2028-02-29T23:59:00Z", "2028-01")]
    public void LatestCompleteMonth_AcrossMonthEnds_IsLocal(string zone, string now, string expected)
    {
        var clock = BrandClock.Find(zone);
        var instant = DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ReportMonth.Parse(expected), clock.LatestCompleteMonth(instant));
        Assert.True(clock.HasEnded(ReportMonth.Parse(expected), instant));
        Assert.False(clock.HasEnded(ReportMonth.Parse(expected).AddMonths(1), instant));
    }

    [Fact]
    public void Span_ParisOctober_FromLocalMidnightToLocalMidnight()
    {
        var (from, to) = BrandClock.Find("Europe/Paris").Span(ReportMonth.Parse("2026-10"));

        Assert.Equal((Utc(2026, 9, 30, 22), Utc(2026, 10, 31, 23)), (from, to));
    }

    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    [InlineData("America/Santiago")]      // DST changes at midnight
    [InlineData("Australia/Lord_Howe")]   // 30-minute DST
    public void ToUtc_EveryQuarterHourOf2026_KeepsLocalOrderAndRoundTripsWhereTheTimeExists(string zone)
    {
        var clock = BrandClock.Find(zone);
        var previous = DateTimeOffset.MinValue;
        for (var local = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified); local.Year == 2026; local = local.AddMinutes(15))
        {
            var instant = clock.ToUtc(local);

            Assert.True(instant >= previous, $"{zone} {local:s} went back in time");
            if (!clock.Zone.IsInvalidTime(local))
            {
                Assert.Equal(local, clock.LocalTime(instant));
            }
            else
            {
                // In a gap: the instant of the change — after it the clock reads past the gap, just before it, before.
                Assert.True(clock.LocalTime(instant) > local, $"{zone} {local:s}");
                Assert.True(clock.LocalTime(instant.AddTicks(-1)) < local, $"{zone} {local:s}");
            }

            previous = instant;
        }
    }
}
