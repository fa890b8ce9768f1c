using SocialFunctions.Core.Analytics;
using SocialFunctions.Core.Records;
using static SocialFunctions.Core.Tests.Analytics.TestData;

namespace SocialFunctions.Core.Tests.Analytics;

/// <summary>Per-post engagement arithmetic of metrics.md: missing components are not zeros.</summary>
public sealed class EngagementTests
{
    [Fact]
    public void SumOfTheProvidedComponents_NullWhenNone()
    {
        Assert.Equal(15, Engagement.Of(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 100, reactions: 1, comments: 2, shares: 3, saves: 4, clicks: 5)));
        Assert.Equal(3, Engagement.Of(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 100, reactions: null, shares: 3)));
        Assert.Equal(0, Engagement.Of(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 100, reactions: 0)));
        Assert.Null(Engagement.Of(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 100, reactions: null)));
    }

    [Fact]
    public void Rate_NeedsEngagementsAndPositiveImpressions()
    {
        Assert.Equal(0.05, Engagement.Rate(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 200, reactions: 4, comments: 6))!.Value, 12);
        Assert.Null(Engagement.Rate(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 0, reactions: 4)));
        Assert.Null(Engagement.Rate(Post(Channels.X, "p", "2026-10-01T00:00:00Z", null, reactions: 4)));
        Assert.Null(Engagement.Rate(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 100, reactions: null)));
    }

    [Fact]
    public void Provided_NamesTheComponentsTheExportCarries()
    {
        Assert.Equal(["comments", "clicks"], Engagement.Provided(Post(Channels.X, "p", "2026-10-01T00:00:00Z", 100, reactions: null, comments: 0, clicks: 2)));
        Assert.Equal(["reactions", "comments", "shares", "saves", "clicks"], Engagement.ComponentNames);
    }

    [Fact]
    public void ProvidedByAny_IsTheUnionOfEachPostsComponents()
    {
        var posts = new[]
        {
            Post(Channels.X, "a", "2026-10-01T00:00:00Z", 100, reactions: null, comments: 0),
            Post(Channels.X, "b", "2026-10-02T00:00:00Z", 100, reactions: null, saves: 3),
            Post(Channels.X, "c", "2026-10-03T00:00:00Z", 100, reactions: null, clicks: 1),
        };

        Assert.Equal(["clicks", "comments", "saves"], Engagement.ProvidedByAny(posts).Order(StringComparer.Ordinal));
        Assert.Equal(posts.SelectMany(Engagement.Provided).ToHashSet(StringComparer.Ordinal), Engagement.ProvidedByAny(posts));
        Assert.Empty(Engagement.ProvidedByAny([]));
    }

    [Fact]
    public void ProvidedByAny_ComponentInEveryPost_StillProvided()
    {
        // Two posts carrying the same components: catches `present[i] |= …` → `^=` (the second post toggling it off).
        var posts = new[]
        {
            Post(Channels.X, "a", "2026-10-01T00:00:00Z", 100, reactions: 1, comments: 1, shares: 1, saves: 1, clicks: 1),
            Post(Channels.X, "b", "2026-10-02T00:00:00Z", 100, reactions: 2, comments: 2, shares: 2, saves: 2, clicks: 2),
        };

        Assert.Equal(["clicks", "comments", "reactions", "saves", "shares"], Engagement.ProvidedByAny(posts).Order(StringComparer.Ordinal));
    }
}
