using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Brands;

public class SeriesSuggesterTests
{
    [Fact]
    public void Suggest_HashtagInThreeUncoveredPosts_Suggested()
    {
        var posts = new[]
        {
            Post(Channels.Instagram, "1", "Monday mood #FridayFeels"),
            Post(Channels.Instagram, "2", "#fridayfeels again"),
            Post(Channels.Facebook, "3", "Weekend! #FridayFeels #FridayFeels"),
            Post(Channels.Facebook, "4", "Only twice #Rare"),
            Post(Channels.Facebook, "5", "#Rare"),
        };

        var suggestion = Assert.Single(SeriesSuggester.Suggest(posts, new SeriesRuleMatcher([]), []));

        Assert.Equal("Friday Feels", suggestion.Name);
        Assert.Equal("#FridayFeels", suggestion.Hashtag);
        Assert.Null(suggestion.Prefix);
        Assert.Equal(3, suggestion.Posts);
        Assert.Equal(["facebook", "instagram"], suggestion.Channels);
    }

    [Fact]
    public void Suggest_TagOnMostOfAChannelsPosts_BrandWideNotASeries()
    {
        // #coffee is on 4 of Instagram's 6 posts (more than half): a brand-wide tag. #TipTuesday on 3 of 6 is a series.
        var posts = new[]
        {
            Post(Channels.Instagram, "1", "Beans #coffee #TipTuesday"),
            Post(Channels.Instagram, "2", "Grind #coffee #TipTuesday"),
            Post(Channels.Instagram, "3", "Brew #coffee #TipTuesday"),
            Post(Channels.Instagram, "4", "Latte #coffee"),
            Post(Channels.Instagram, "5", "Shop news"),
            Post(Channels.Instagram, "6", "Team news"),
        };

        var suggestion = Assert.Single(SeriesSuggester.Suggest(posts, new SeriesRuleMatcher([]), []));

        Assert.Equal("#TipTuesday", suggestion.Hashtag);
    }

    [Fact]
    public void Suggest_BrandsOwnNameOrHandle_NotASeries()
    {
        var posts = Enumerable.Range(0, 8).Select(i => Post(Channels.Instagram, $"p{i}", i switch
        {
            < 3 => $"Post {i} #LumenCoffee",
            < 6 => $"Lumen Coffee Roasters: news {i}",
            _ => "Other",
        })).ToArray();
        string[] names = ["lumen-coffee", "Lumen Coffee Roasters"];

        Assert.Empty(SeriesSuggester.Suggest(posts, new SeriesRuleMatcher([]), names));
        Assert.Equal(2, SeriesSuggester.Suggest(posts, new SeriesRuleMatcher([]), []).Count); // without the names, both would be
    }

    [Fact]
    public void Suggest_PostsMatchedByARule_NotCounted()
    {
        var rules = new SeriesRuleMatcher([new SeriesRule { Name = "Tips", Hashtag = "#tip" }]);
        var posts = new[]
        {
            Post(Channels.Instagram, "1", "#tip #Recipe"),
            Post(Channels.Instagram, "2", "#tip #Recipe"),
            Post(Channels.Instagram, "3", "#Recipe"),
            Post(Channels.Instagram, "4", "#tip"),
        };

        Assert.Empty(SeriesSuggester.Suggest(posts, rules, []));
    }

    [Fact]
    public void Suggest_TitlePrefixInThreePosts_SuggestedWithColon()
    {
        var posts = new[]
        {
            Post(Channels.Blog, "1", "Meet the Team: Anna"),
            Post(Channels.Blog, "2", "meet the team: Bob"),
            Post(Channels.LinkedIn, "3", "Meet the Team: Chloé"),
            Post(Channels.LinkedIn, "4", "https://example.com/a"),
            Post(Channels.LinkedIn, "5", "https://example.com/b"),
            Post(Channels.LinkedIn, "6", "https://example.com/c"),
        };

        var suggestion = Assert.Single(SeriesSuggester.Suggest(posts, new SeriesRuleMatcher([]), []));

        Assert.Equal("Meet the Team", suggestion.Name);
        Assert.Equal("Meet the Team:", suggestion.Prefix);
        Assert.Equal(3, suggestion.Posts);
        Assert.Equal(["blog", "linkedin"], suggestion.Channels);
    }

    [Theory]
    [InlineData("Behind the Scenes: kitchen", "Behind the Scenes:")]
    [InlineData("Meeting at 10:30 today", null)]
    [InlineData("This sentence is far too long to be a title label: really", null)]
    [InlineData("#tag: x", null)]
    public void TitlePrefix_Text_LabelBeforeColon(string text, string? expected)
    {
        Assert.Equal(expected, SeriesSuggester.TitlePrefix(text));
    }

    private static CanonicalPost Post(string channel, string id, string text) => new()
    {
        Brand = "acme",
        Channel = channel,
        PostId = id,
        PublishedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
        Text = text,
    };
}
