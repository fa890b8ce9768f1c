namespace SocialFunctions.Core.Records;

/// <summary>Well-known daily metric names; parsers map export columns onto these so analytics can find them.</summary>
public static class DailyMetricNames
{
    public const string Impressions = "impressions";
    public const string Reach = "reach";
    public const string Followers = "followers";
    public const string NewFollowers = "new-followers";
    public const string Unfollows = "unfollows";
    public const string Engagements = "engagements";
    public const string Reactions = "reactions";
    public const string Comments = "comments";
    public const string Shares = "shares";
    public const string Saves = "saves";
    public const string Clicks = "clicks";
    public const string VideoViews = "video-views";
    public const string ProfileViews = "profile-views";

    /// <summary>Posts the account published that day (X Premium <c>Create Post</c>, legacy X <c>Tweets published</c>).</summary>
    public const string PostsCreated = "posts-created";
}
