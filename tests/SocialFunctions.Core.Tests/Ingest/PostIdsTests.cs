using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Core.Tests.Ingest;

public sealed class PostIdsTests
{
    [Fact]
    public void FromPermalink_SameLinkWithTrailingSlashOrQuery_SameId()
    {
        var id = PostIds.FromPermalink("https://www.reddit.com/r/Coffee/comments/abc123/our_roast_curve/");

        Assert.Equal(id, PostIds.FromPermalink(" https://www.reddit.com/r/Coffee/comments/abc123/our_roast_curve?utm_source=share "));
        Assert.StartsWith("h-", id, StringComparison.Ordinal);
        Assert.Equal(34, id.Length);
    }

    [Fact]
    public void FromPermalink_KnownInput_StableValue()
    {
        // SHA-256("https://example.com/p/1") — a change here would re-key every stored post.
        Assert.Equal("h-82d64c27caf111110e779974e9f4a210", PostIds.FromPermalink("https://example.com/p/1"));
    }

    [Fact]
    public void FromContent_DifferentText_DifferentId()
    {
        var at = new DateTimeOffset(2026, 10, 6, 7, 30, 0, TimeSpan.Zero);

        Assert.NotEqual(PostIds.FromContent(at, "a"), PostIds.FromContent(at, "b"));
        Assert.Equal(PostIds.FromContent(at, "a"), PostIds.FromContent(at.ToOffset(TimeSpan.FromHours(2)), " a "));
    }

    [Theory]
    [InlineData("t3_1", "https://x/1", "t3_1")]
    [InlineData(" ", "https://x/1", "permalink")]
    [InlineData(null, null, "content")]
    public void Choose_Inputs_PrefersPlatformIdThenPermalinkThenContent(string? id, string? permalink, string expected)
    {
        var at = new DateTimeOffset(2026, 10, 6, 7, 30, 0, TimeSpan.Zero);

        var chosen = PostIds.Choose(id, permalink, at, "text");

        var want = expected switch
        {
            "permalink" => PostIds.FromPermalink(permalink!),
            "content" => PostIds.FromContent(at, "text"),
            _ => expected,
        };
        Assert.Equal(want, chosen);
    }

    [Fact]
    public void FromContent_SameMinute_SameIdAnotherMinuteAnother()
    {
        // Exports round publication times differently (seconds or not): the id keys the minute, in UTC.
        var at = new DateTimeOffset(2026, 10, 6, 7, 30, 0, TimeSpan.Zero);

        Assert.Equal(PostIds.FromContent(at, "a"), PostIds.FromContent(at.AddSeconds(59), "a"));
        Assert.NotEqual(PostIds.FromContent(at, "a"), PostIds.FromContent(at.AddMinutes(1), "a"));
        Assert.NotEqual(PostIds.FromContent(at, "a"), PostIds.FromContent(at.AddHours(1), "a"));
        Assert.Equal(PostIds.FromContent(at, null), PostIds.FromContent(at, "  "));
    }

    [Fact]
    public void FromPermalink_QueryAtTheStartOrTheEnd_CutThere()
    {
        Assert.Equal(PostIds.FromPermalink("https://example.com/p/1"), PostIds.FromPermalink("https://example.com/p/1/?"));
        Assert.NotEqual(PostIds.FromPermalink("https://example.com/p/1"), PostIds.FromPermalink("https://example.com/p/2"));
    }

    [Fact]
    public void Choose_PlatformIdWithSpaces_TrimmedWhitespacePermalinkSkipped()
    {
        var at = new DateTimeOffset(2026, 10, 6, 7, 30, 0, TimeSpan.Zero);

        Assert.Equal("t3_1", PostIds.Choose(" t3_1 ", null, at, "text"));
        Assert.Equal(PostIds.FromContent(at, "text"), PostIds.Choose(null, " ", at, "text"));
    }
}
