using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Reporting;

public sealed class ReportScheduleTests
{
    private static BrandSettings Brand(string zone, int day = 1, string time = "07:00") =>
        new() { Brand = BrandName.Parse("contoso"), Clock = BrandClock.Find(zone), ReportDayOfMonth = day, ReportTime = TimeOnly.ParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture) };

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Paris in winter (UTC+1) and summer (UTC+2): 07:00 local is 06:00 / 05:00 UTC, never 07:00 UTC.
    [InlineData("Europe/Paris", 1, "07:00", "2026-10", "2026-11-01T06:00:00Z")]
    [InlineData("Europe/Paris", 1, "07:00", "2026-05", "2026-06-01T05:00:00Z")]
    // New York: EDT (UTC-4) in June, EST (UTC-5) in December.
    [InlineData("America/New_York", 3, "09:30", "2026-05", "2026-06-03T13:30:00Z")]
    [InlineData("America/New_York", 3, "09:30", "2026-11", "2026-12-03T14:30:00Z")]
    // Tokyo is a day ahead: 1 March 08:00 JST is still 28 February in UTC.
    [InlineData("Asia/Tokyo", 1, "08:00", "2026-02", "2026-02-28T23:00:00Z")]
    [InlineData("UTC", 28, "23:59", "2026-12", "2027-01-28T23:59:00Z")]
    // Day clamped to the month's length: 31 → 28 Feb 2026, 29 Feb in the leap year 2028.
    [InlineData("UTC", 31, "07:00", "2026-01", "2026-02-28T07:00:00Z")]
    [InlineData("UTC", 31, "07:00", "2028-01", "2028-02-29T07:00:00Z")]
    [InlineData("UTC", 31, "07:00", "2026-03", "2026-04-30T07:00:00Z")]
    public void DueAt_BrandSchedule_IsLocalTimeInBrandZone(string zone, int day, string time, string month, string expectedUtc)
    {
        var due = ReportSchedule.DueAt(Brand(zone, day, time), ReportMonth.Parse(month));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void DueAt_ParisSpringForwardGap_MovesToTheEndOfTheGap()
    {
        // 2026-03-29 02:30 does not exist in Paris (02:00 → 03:00): BrandClock's rule makes it 03:00 CEST = 01:00 UTC.
        var due = ReportSchedule.DueAt(Brand("Europe/Paris", 29, "02:30"), ReportMonth.Parse("2026-02"));

        Assert.Equal(Utc(2026, 3, 29, 1, 0), due);
    }

    [Fact]
    public void DueAt_ParisFallBackOverlap_TakesFirstOccurrence()
    {
        // 2026-10-25 02:30 happens twice in Paris (CEST then CET): the first is 00:30 UTC.
        var due = ReportSchedule.DueAt(Brand("Europe/Paris", 25, "02:30"), ReportMonth.Parse("2026-09"));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), due);
    }

    [Fact]
    public void DueAt_NewYorkSpringForwardGap_MovesToTheEndOfTheGap()
    {
        // 2026-03-08 02:15 does not exist in New York (02:00 EST → 03:00 EDT): 03:00 EDT = 07:00 UTC.
        var due = ReportSchedule.DueAt(Brand("America/New_York", 8, "02:15"), ReportMonth.Parse("2026-02"));

        Assert.Equal(Utc(2026, 3, 8, 7, 0), due);
    }

    [Fact]
    public void DueAt_NewYorkFallBackOverlap_TakesFirstOccurrence()
    {
        // 2026-11-01 01:30 happens twice in New York: first as EDT (UTC-4) = 05:30 UTC.
        var due = ReportSchedule.DueAt(Brand("America/New_York", 1, "01:30"), ReportMonth.Parse("2026-10"));

        Assert.Equal(Utc(2026, 11, 1, 5, 30), due);
    }

    [Fact]
    public void DuePeriods_ParisAt0700Utc_SentAt0700ParisNotUtc()
    {
        var brand = Brand("Europe/Paris", 1, "07:00");
        var time = new FakeTimeProvider(Utc(2026, 11, 1, 5, 59));
        var lastDelivered = ReportMonth.Parse("2026-09");

        Assert.Empty(ReportSchedule.DuePeriods(brand, time, lastDelivered));

        time.SetUtcNow(Utc(2026, 11, 1, 6, 0));
        Assert.Equal([ReportMonth.Parse("2026-10")], ReportSchedule.DuePeriods(brand, time, lastDelivered));
    }

    [Fact]
    public void DuePeriods_AcrossParisSpringForward_DueAtTheEndOfTheGap()
    {
        var brand = Brand("Europe/Paris", 29, "02:30");
        var time = new FakeTimeProvider(Utc(2026, 3, 29, 0, 59));
        var lastDelivered = ReportMonth.Parse("2026-01");

        Assert.Empty(ReportSchedule.DuePeriods(brand, time, lastDelivered));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([ReportMonth.Parse("2026-02")], ReportSchedule.DuePeriods(brand, time, lastDelivered));
    }

    [Fact]
    public void DuePeriods_AcrossParisFallBack_DueAtFirstOccurrenceOnly()
    {
        var brand = Brand("Europe/Paris", 25, "02:30");
        var time = new FakeTimeProvider(Utc(2026, 10, 25, 0, 29));
        var lastDelivered = ReportMonth.Parse("2026-08");

        Assert.Empty(ReportSchedule.DuePeriods(brand, time, lastDelivered));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([ReportMonth.Parse("2026-09")], ReportSchedule.DuePeriods(brand, time, lastDelivered));
    }

    [Fact]
    public void DuePeriods_TokyoLateInUtcMonth_ReportForPreviousLocalMonth()
    {
        // 2026-02-28 23:30 UTC is 1 March 08:30 in Tokyo: February's report is due there.
        var brand = Brand("Asia/Tokyo", 1, "08:00");
        var time = new FakeTimeProvider(Utc(2026, 2, 28, 23, 30));

        Assert.Equal([ReportMonth.Parse("2026-02")], ReportSchedule.DuePeriods(brand, time, ReportMonth.Parse("2026-01")));
    }

    [Fact]
    public void DuePeriods_BeforeDueDayOfMonth_OnlyTheMonthBeforeLast()
    {
        var brand = Brand("UTC", 5, "07:00");
        var time = new FakeTimeProvider(Utc(2026, 11, 4, 12, 0));

        Assert.Equal(ReportMonth.Parse("2026-09"), ReportSchedule.LatestDue(brand, time.GetUtcNow()));
        Assert.Empty(ReportSchedule.DuePeriods(brand, time, ReportMonth.Parse("2026-09")));
    }

    [Fact]
    public void DuePeriods_HostDownForThreeMonths_AllMissedPeriodsOldestFirst()
    {
        var brand = Brand("Europe/Paris");
        var time = new FakeTimeProvider(Utc(2026, 11, 2, 12, 0));

        var due = ReportSchedule.DuePeriods(brand, time, ReportMonth.Parse("2026-07"));

        Assert.Equal(["2026-08", "2026-09", "2026-10"], due.Select(p => p.ToString()));
    }

    [Fact]
    public void DuePeriods_AcrossYearEnd_IncludesDecemberAndJanuary()
    {
        var brand = Brand("America/New_York", 2, "08:00");
        var time = new FakeTimeProvider(Utc(2027, 2, 2, 13, 0));

        var due = ReportSchedule.DuePeriods(brand, time, ReportMonth.Parse("2026-11"));

        Assert.Equal(["2026-12", "2027-01"], due.Select(p => p.ToString()));
    }

    [Fact]
    public void DuePeriods_DownLongerThanBound_KeepsMostRecentTwelve()
    {
        var brand = Brand("UTC");
        var time = new FakeTimeProvider(Utc(2026, 11, 2, 0, 0));

        var due = ReportSchedule.DuePeriods(brand, time, ReportMonth.Parse("2024-01"));

        Assert.Equal(12, due.Count);
        Assert.Equal("2025-11", due[0].ToString());
        Assert.Equal("2026-10", due[^1].ToString());
    }

    [Fact]
    public void DuePeriods_NothingDeliveredYet_OnlyLatestPeriod()
    {
        var time = new FakeTimeProvider(Utc(2026, 11, 2, 0, 0));

        Assert.Equal([ReportMonth.Parse("2026-10")], ReportSchedule.DuePeriods(Brand("UTC"), time, lastDelivered: null));
    }
}
