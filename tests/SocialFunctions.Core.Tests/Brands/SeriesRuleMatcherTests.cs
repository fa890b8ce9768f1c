using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Brands;

public class SeriesRuleMatcherTests
{
    private static readonly SeriesRuleMatcher Matcher = new(
    [
        new SeriesRule { Name = "Tip Tuesday", Hashtag = "#TipTuesday" },
        new SeriesRule { Name = "Behind the Scenes", Prefix = "Behind the Scenes:" },
        new SeriesRule { Name = "Q&A", Pattern = "^Q&A\\b", Channels = ["instagram"] },
        new SeriesRule { Name = "Anything with tips", Pattern = "(?i)tip" },
    ]);

    [Theory]
    [InlineData("Our advice #tiptuesday!", "Tip Tuesday")]
    [InlineData("#TIPTUESDAY", "Tip Tuesday")]
    [InlineData("(#TipTuesday)", "Tip Tuesday")]
    [InlineData("More #TipTuesdays soon", "Anything with tips")]
    [InlineData("Learn C#TipTuesday", "Anything with tips")]
    public void Match_Hashtag_WholeTagCaseInsensitive(string text, string expected)
    {
        Assert.Equal(expected, Matcher.Match(Channels.Facebook, text));
    }

    [Theory]
    [InlineData("  behind the scenes: our studio", "Behind the Scenes")]
    [InlineData("Our Behind the Scenes: studio", null)]
    [InlineData("Behind the Scenes without colon", null)]
    public void Match_Prefix_AtStartAfterTrim(string text, string? expected)
    {
        Assert.Equal(expected, Matcher.Match(Channels.Facebook, text));
    }

    [Fact]
    public void Match_RuleWithChannels_AppliesOnlyToThem()
    {
        Assert.Equal("Q&A", Matcher.Match(Channels.Instagram, "Q&A with our chef"));
        Assert.Null(Matcher.Match(Channels.Facebook, "Q&A with our chef"));
    }

    [Fact]
    public void Match_SeveralRulesMatch_FirstWins()
    {
        Assert.Equal("Tip Tuesday", Matcher.Match(Channels.Instagram, "Behind the Scenes: #TipTuesday"));
    }

    [Fact]
    public void Match_CatastrophicPatternTimesOut_NoMatchNoThrow()
    {
        var matcher = new SeriesRuleMatcher([new SeriesRule { Name = "Slow", Pattern = "^(a+)+$" }]);

        Assert.Null(matcher.Match(Channels.Blog, new string('a', 40) + "!"));
    }

    [Fact]
    public void Match_NoText_Null()
    {
        Assert.Null(Matcher.Match(Channels.Blog, null));
    }

    [Fact]
    public void Rederive_ReturnsOnlyPostsWhoseSeriesChanges()
    {
        var unchanged = Post("1", "#TipTuesday one", "Tip Tuesday");
        var gained = Post("2", "Behind the Scenes: kitchen", null);
        var lost = Post("3", "plain text", "Old series");
        var clearedEmpty = Post("4", "plain text", string.Empty);

        var changed = Matcher.Rederive([unchanged, gained, lost, clearedEmpty]);

        Assert.Equal([("2", "Behind the Scenes"), ("3", null)], changed.Select(p => (p.PostId, p.Series)).ToArray());
    }

    private static CanonicalPost Post(string id, string text, string? series) => new()
    {
        Brand = "acme",
        Channel = Channels.Facebook,
        PostId = id,
        PublishedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
        Text = text,
        Series = series,
    };
}
