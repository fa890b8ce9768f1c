using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Records;

/// <summary>Channel and content-type names as stored and exchanged: exact lower-case names, a few common spellings accepted on input.</summary>
public sealed class ChannelsTests
{
    [Fact]
    public void All_TheNineChannelsOfMetricsMd()
    {
        Assert.Equal(["facebook", "instagram", "x", "linkedin", "tiktok", "youtube", "pinterest", "blog", "reddit"], Channels.All);
    }

    [Theory]
    [InlineData("instagram", true)]
    [InlineData("reddit", true)]
    [InlineData("Instagram", false)] // stored names are exact: ordinal comparison
    [InlineData("twitter", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsKnown_ExactStoredNamesOnly(string? channel, bool known)
    {
        Assert.Equal(known, Channels.IsKnown(channel));
    }

    [Theory]
    [InlineData("instagram", "instagram")]
    [InlineData(" LinkedIn ", "linkedin")]
    [InlineData("TikTok", "tiktok")]
    [InlineData("Twitter", "x")]
    [InlineData("YT", "youtube")]
    [InlineData("GA4", "blog")]
    [InlineData("web", "blog")]
    [InlineData("Website", "blog")]
    [InlineData("myspace", null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void Normalize_AnyCasingAndCommonSpellings(string? value, string? expected)
    {
        Assert.Equal(expected, Channels.Normalize(value));
    }

    [Fact]
    public void ContentTypes_All_TheTenTypesOfMetricsMd()
    {
        Assert.Equal(["image", "video", "carousel", "link", "text", "reel", "story", "short", "article", "other"], ContentTypes.All);
    }

    [Theory]
    [InlineData("reel", true)]
    [InlineData("other", true)]
    [InlineData("Reel", false)]
    [InlineData("gif", false)]
    [InlineData(null, false)]
    public void ContentTypes_IsKnown_ExactNamesOnly(string? value, bool known)
    {
        Assert.Equal(known, ContentTypes.IsKnown(value));
    }
}
