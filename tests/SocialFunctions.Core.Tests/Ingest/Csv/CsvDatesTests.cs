using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

public sealed class CsvDatesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData(2026, 10, 6, 9, 30, "2026-10-06T07:30:00Z")]
    [InlineData(2026, 10, 27, 14, 5, "2026-10-27T13:05:00Z")]
    // BrandClock's rule: a time in the spring-forward gap is the instant of the change; a repeated one is the first.
    [InlineData(2026, 3, 29, 2, 30, "2026-03-29T01:00:00Z")]
    [InlineData(2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z")]
    [InlineData(2026, 12, 31, 23, 59, "2026-12-31T22:59:00Z")]
    public void LocalToUtc_ParisWallClock_ConvertsAcrossDst(int year, int month, int day, int hour, int minute, string expected)
    {
        var utc = CsvDates.LocalToUtc(new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), Paris);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(TimeSpan.Zero, utc.Offset);
    }

    [Theory]
    [InlineData("2026-10-27T14:05:00Z", "2026-10-27T14:05:00Z")]
    [InlineData("2026-10-27T14:05:00+02:00", "2026-10-27T12:05:00Z")]
    public void TryParseWithOffset_Iso_ReadsOffset(string text, string expected)
    {
        Assert.True(CsvDates.TryParseWithOffset(text, ["yyyy-MM-dd'T'HH:mm:ssK"], out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(2026, true)]
    [InlineData(1970, true)]
    [InlineData(1, false)]
    [InlineData(9999, false)]
    public void IsPlausibleYear_ExportDates_AcceptsOnlyRealisticYears(int year, bool expected) =>
        Assert.Equal(expected, CsvDates.IsPlausibleYear(new DateTime(year, 1, 1, 0, 30, 0, DateTimeKind.Unspecified)));
}
