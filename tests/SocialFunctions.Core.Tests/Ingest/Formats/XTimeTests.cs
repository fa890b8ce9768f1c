using SocialFunctions.Core.Ingest.Formats;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

public sealed class XTimeTests
{
    [Fact]
    public void TryParseActivityTime_ExportStyle_ConvertsToUtc()
    {
        Assert.True(XTime.TryParseActivityTime("2026-10-27 14:05 +0200", out var value, out var zone));
        Assert.Equal(new DateTimeOffset(2026, 10, 27, 12, 5, 0, TimeSpan.Zero), value);
        Assert.Equal("+0200", zone);
    }

    [Theory]
    [InlineData("2026-10-27 14:05 +2500")] // offset hours out of range: a bad cell, not a crash
    [InlineData("2026-10-27 14:05 +0275")]
    [InlineData("0001-01-01 00:30 +0100")] // before year 1 in UTC
    public void TryParseActivityTime_ImpossibleValue_FalseInsteadOfThrowing(string text) =>
        Assert.False(XTime.TryParseActivityTime(text, out _, out _));
}
