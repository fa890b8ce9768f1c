using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Formats;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>A post Meta writes on two rows: each later row carries, per metric, the larger of its value and the earlier rows'.</summary>
public sealed class MetaRepeatedPostsTests
{
    private static CanonicalPost Post(string id, long? views = null, long? reach = null, long? reactions = null, double? watch = null, string type = ContentTypes.Other) => new()
    {
        Brand = "b", Channel = Channels.Facebook, PostId = id, PublishedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero),
        Impressions = views, Reach = reach, Reactions = reactions, WatchTimeSeconds = watch, ContentType = type,
    };

    [Fact]
    public void Combine_HalvesOfOnePost_EveryMetricAndTheTypeKept_OneWarning()
    {
        var repeated = new MetaRepeatedPosts("f.csv");

        Assert.Equal(Post("965125002374159", views: 38, type: ContentTypes.Image), repeated.Combine(Post("965125002374159", views: 38, type: ContentTypes.Image), 2));
        repeated.Combine(Post("5", views: 1, reach: 1), 3);
        var combined = repeated.Combine(Post("965125002374159", views: 0, reach: 22, reactions: 3, watch: 1.5), 9);

        Assert.Equal((38L, 22L, 3L, 1.5, ContentTypes.Image), (combined.Impressions, combined.Reach, combined.Reactions, combined.WatchTimeSeconds, combined.ContentType));
        Assert.Null(combined.Saves); // absent on both rows stays absent, never 0
        var warnings = new ExportWarnings();
        repeated.Warn(warnings);
        Assert.Contains("1 row repeats a post of earlier rows (the first at line 9)", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("007", "7")] // the same number, two ids
    [InlineData("123_456", "123_457")] // Meta's older page_post ids are not numbers
    [InlineData("99999999999999999999", "99999999999999999998")] // beyond a long
    public void Combine_DistinctIds_NeverCombined(string first, string second)
    {
        var repeated = new MetaRepeatedPosts("f.csv");
        repeated.Combine(Post(first, views: 50), 2);

        Assert.Equal(4L, repeated.Combine(Post(second, views: 4), 3).Impressions);
        Assert.Equal(60L, repeated.Combine(Post(first, views: 60), 4).Impressions);
        var warnings = new ExportWarnings();
        repeated.Warn(warnings);
        Assert.Contains("1 row repeats", Assert.Single(warnings), StringComparison.Ordinal);
    }
}
