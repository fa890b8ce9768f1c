using SocialFunctions.Core.Digest;

namespace SocialFunctions.Core.Tests.Digest;

/// <summary>The ISO week a digest reports on: its bounds, its key and what the API accepts as a week.</summary>
public sealed class DigestWeekTests
{
    private static readonly DigestWeek W44 = new(new DateOnly(2026, 10, 26));

    [Fact]
    public void Week_MondayToSunday_PreviousIsSevenDaysBefore()
    {
        Assert.Equal(new DateOnly(2026, 11, 1), W44.Sunday);
        Assert.Equal(new DateOnly(2026, 10, 19), W44.Previous.Monday);
        Assert.Equal("2026-W44", W44.ToString());
    }

    [Theory]
    [InlineData("2026-10-26")]
    [InlineData("2026-10-29")]
    [InlineData("2026-11-01")]
    public void Of_AnyDayOfTheWeek_ItsMonday(string day)
    {
        Assert.Equal(W44, DigestWeek.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void New_NotAMonday_SaysWhichDayItWas()
    {
        var ex = Assert.Throws<ArgumentException>(() => new DigestWeek(new DateOnly(2026, 10, 27)));

        Assert.StartsWith("A digest week starts on a Monday, not on 2026-10-27 (Tuesday).", ex.Message, StringComparison.Ordinal);
        Assert.Equal("monday", ex.ParamName);
    }

    [Theory]
    [InlineData("2026-W01", "2025-12-29")] // ISO week 1 of 2026 starts in December 2025
    [InlineData("2026-W53", "2026-12-28")] // 2026 has 53 ISO weeks
    [InlineData("2000-W10", "2000-03-06")]
    [InlineData("2999-W01", "2998-12-31")]
    public void TryParse_IsoWeek_ItsMonday(string text, string monday)
    {
        Assert.True(DigestWeek.TryParse(text, out var week));
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), week.Monday);
        Assert.Equal(text, week.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-W4")]
    [InlineData("2026-W440")]
    [InlineData("2026W44x")]
    [InlineData("2026-w44")]
    [InlineData("2026_W44")]
    [InlineData("+026-W44")]
    [InlineData("2026-W+4")]
    [InlineData("2026-W00")]
    [InlineData("2027-W53")] // 2027 has 52 weeks
    [InlineData("1999-W10")]
    [InlineData("3000-W10")]
    public void TryParse_NotAnIsoWeek_Refused(string? text)
    {
        Assert.False(DigestWeek.TryParse(text, out var week));
        Assert.Equal(default, week);
    }
}
