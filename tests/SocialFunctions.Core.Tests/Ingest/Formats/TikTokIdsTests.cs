using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class TikTokIdsTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("https://www.tiktok.com/@lumencoffee/video/7450000000000000001", "7450000000000000001")]
    [InlineData("https://www.tiktok.com/@lumencoffee/video/7450000000000000001?lang=en", "7450000000000000001")]
    [InlineData("https://www.tiktok.com/@lumencoffee/photo/7450000000000000009", "7450000000000000009")]
    [InlineData("https://www.tiktok.com/@lumencoffee", null)]
    [InlineData(null, null)]
    public void FromLink_Link_ExtractsNumericId(string? link, string? expected)
    {
        Assert.Equal(expected, TikTokIds.FromLink(link));
    }

    [Theory]
    [InlineData("7590168427003893202", "2025-12-31T23:30:00Z")]
    [InlineData("1234", null)]
    [InlineData("4000000000000000000", null)]
    [InlineData("9223372036854775807", null)]
    public void CreatedAt_Id_TopBitsAreUnixSecondsWithinTikToksLifetime(string id, string? expected)
    {
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TikTokIds.CreatedAt(id, Now));
    }

    [Theory]
    [InlineData(1, 1, "2026-01-01T00:30:00+01:00")]
    [InlineData(12, 31, "2025-12-31T00:30:00+01:00")]
    public void PublishedAt_DayShownWins_IdGivesYearAndTime(int month, int day, string expected)
    {
        var created = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);

        var published = TikTokIds.PublishedAt(new LocalizedDates.PartialDate(month, day, null), created, Paris);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), published);
    }

    [Fact]
    public void PublishedAt_IdDaysAwayFromTheDayShown_IsNotThePostsTime()
    {
        var created = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);

        Assert.Null(TikTokIds.PublishedAt(new LocalizedDates.PartialDate(12, 27, null), created, Paris));
    }

    /// <summary>A marker at the very start of the text is found; text without a marker or without digits after it has no id.</summary>
    [Theory]
    [InlineData("/video/7450000000000000001", "7450000000000000001")]
    [InlineData("/photo/7450000000000000009", "7450000000000000009")]
    [InlineData("tiktok1234567", null)]
    [InlineData("https://www.tiktok.com/@lumencoffee/video/?lang=en", null)]
    public void FromLink_MarkerAtStartOrNoDigits_AsExpected(string link, string? expected)
    {
        Assert.Equal(expected, TikTokIds.FromLink(link));
    }

    /// <summary>TikTok's launch (2016-09-01 00:00 UTC) and the upper bound itself are both inside the range.</summary>
    [Fact]
    public void CreatedAt_AtLaunchOrAtTheBound_IsKept()
    {
        var launch = new DateTimeOffset(2016, 9, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(launch, TikTokIds.CreatedAt("6325146797211648005", Now));
        Assert.Null(TikTokIds.CreatedAt("6325146792916680709", Now));
        var created = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(created, TikTokIds.CreatedAt("7590168427003893202", created));
        Assert.Null(TikTokIds.CreatedAt("7590168427003893202", created.AddSeconds(-1)));
    }

    /// <summary>Created on 31 December (local): a day shown as 1 January is the next year's, at the id's time of day.</summary>
    [Fact]
    public void PublishedAt_DayShownInTheNextYear_IsFound()
    {
        var created = new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero);

        var published = TikTokIds.PublishedAt(new LocalizedDates.PartialDate(1, 1, null), created, Paris);

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero), published);
    }

    /// <summary>A day shown with its year is only that year's: 1 January 2025 is not the 2026 day the id is near.</summary>
    [Theory]
    [InlineData(2025, null)]
    [InlineData(2026, "2026-01-01T00:30:00+01:00")]
    public void PublishedAt_DayShownWithItsYear_OnlyThatYear(int year, string? expected)
    {
        var created = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);

        var published = TikTokIds.PublishedAt(new LocalizedDates.PartialDate(1, 1, year), created, Paris);

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), published);
    }
}
