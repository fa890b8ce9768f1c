using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Analytics;

/// <summary>
/// Top and bottom posts of the month by engagement rate. Only posts with engagements and at least
/// max(<see cref="TrendReportOptions.MinimumImpressions"/>, <see cref="TrendReportOptions.MedianImpressionsShare"/> ×
/// the median impressions of the month's posts) impressions compete, so tiny posts do not dominate either list.
/// Ties go to more impressions, then post id, so the lists are stable. A post is never in both lists.
/// </summary>
public static class PostRanking
{
    public static (IReadOnlyList<PostSummary> Top, IReadOnlyList<PostSummary> Bottom) Rank(IEnumerable<CanonicalPost> monthPosts, TrendReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(monthPosts);
        ArgumentNullException.ThrowIfNull(options);
        var posts = monthPosts.ToList();
        var floor = Floor(posts, options);
        var eligible = posts
            .Where(p => p.Impressions is { } i && i >= floor && Engagement.Rate(p) is not null)
            .Select(p => (Post: p, Rate: Engagement.Rate(p)!.Value))
            .ToList();
        var top = eligible
            .OrderByDescending(e => e.Rate).ThenByDescending(e => e.Post.Impressions).ThenBy(e => e.Post.PostId, StringComparer.Ordinal)
            .Take(options.TopPosts)
            .ToList();
        var bottom = eligible
            .Except(top)
            .OrderBy(e => e.Rate).ThenByDescending(e => e.Post.Impressions).ThenBy(e => e.Post.PostId, StringComparer.Ordinal)
            .Take(options.TopPosts)
            .ToList();
        return (top.Select(e => Summary(e.Post)).ToList(), bottom.Select(e => Summary(e.Post)).ToList());
    }

    /// <summary>The impressions a post needs to be ranked this month.</summary>
    public static long Floor(IReadOnlyList<CanonicalPost> monthPosts, TrendReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(monthPosts);
        ArgumentNullException.ThrowIfNull(options);
        // Stryker disable once Linq : equivalent, the median of the sorted list is the same sorted either way
        var impressions = monthPosts.Where(p => p.Impressions is not null).Select(p => p.Impressions!.Value).Order().ToList();
        if (impressions.Count == 0)
        {
            return options.MinimumImpressions;
        }

        var mid = impressions.Count / 2;
        var median = impressions.Count % 2 == 1 ? impressions[mid] : (impressions[mid - 1] + impressions[mid]) / 2.0;
        return Math.Max(options.MinimumImpressions, (long)Math.Ceiling(median * options.MedianImpressionsShare));
    }

    public static PostSummary Summary(CanonicalPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new PostSummary
        {
            Channel = post.Channel,
            PostId = post.PostId,
            PublishedAt = post.PublishedAt,
            Text = post.Text,
            Permalink = post.Permalink,
            Series = string.IsNullOrEmpty(post.Series) ? null : post.Series,
            Impressions = post.Impressions,
            Engagements = Engagement.Of(post),
            EngagementRate = Engagement.Rate(post),
        };
    }
}
