using SocialFunctions.Core.Alerts;

namespace SocialFunctions.Core.Tests.Alerts;

public sealed class SeriesCheckServiceReportMonthTests
{
    [Theory]
    [InlineData("2026-11-23T10:00:00Z", "Europe/Paris", "2026-10")]
    [InlineData("2026-10-31T23:30:00Z", "Europe/Paris", "2026-10")] // already 1 November in Paris
    [InlineData("2026-10-31T23:30:00Z", "UTC", "2026-09")]
    [InlineData("2026-01-05T08:00:00Z", "America/New_York", "2025-12")]
    public void ReportMonth_AnyDay_IsTheLatestCompleteMonthInTheBrandZone(string now, string zone, string expected) =>
        Assert.Equal(expected, SeriesCheckService.ReportMonth(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone));
}
