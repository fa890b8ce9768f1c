using SocialFunctions.Core.Brands;

namespace SocialFunctions.Core.Tests.Brands;

/// <summary>A hashtag rule matches exactly the texts <see cref="SeriesRuleMatcher.ContainsHashtag"/> finds its tag in, and the first matching rule still wins.</summary>
public sealed class SeriesRuleMatcherTagTests
{
    [Theory]
    [InlineData("Today: #TipTuesday!")]
    [InlineData("#tiptuesday at the start")]
    [InlineData("C#TipTuesday is glued to a word")]
    [InlineData("##TipTuesday")]
    [InlineData("#TipTuesdays is another tag")]
    [InlineData("#Tip_Tuesday")]
    [InlineData("no tag at all")]
    [InlineData("#")]
    [InlineData("#Other #TIPTUESDAY")]
    public void Match_HashtagRule_AgreesWithContainsHashtag(string text)
    {
        // Catches tags collected case-sensitively, or a tag glued to a word ("C#…") taken as standing alone.
        var matcher = new SeriesRuleMatcher([new SeriesRule { Name = "Tip Tuesday", Hashtag = "#TipTuesday" }]);
        Assert.Equal(SeriesRuleMatcher.ContainsHashtag(text, "#TipTuesday"), matcher.Match("instagram", text) is not null);
    }

    [Fact]
    public void Match_SeveralHashtagRules_FirstMatchingRuleWins()
    {
        // Catches the text's tags read once but checked against the last rule, or a set left over from another text.
        var matcher = new SeriesRuleMatcher([
            new SeriesRule { Name = "Channel only", Hashtag = "#Both", Channels = ["tiktok"] },
            new SeriesRule { Name = "Second", Hashtag = "#Second" },
            new SeriesRule { Name = "Both", Hashtag = "Both" },
        ]);
        Assert.Equal("Second", matcher.Match("instagram", "#second and #both"));
        Assert.Equal("Channel only", matcher.Match("tiktok", "#second and #both"));
        Assert.Equal("Both", matcher.Match("instagram", "#both only"));
        Assert.Null(matcher.Match("instagram", "#Third"));
    }
}
