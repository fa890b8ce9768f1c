using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// Helps a team write series rules against its own stored posts: which posts each draft rule would take (first matching
/// rule wins, as <see cref="SeriesRuleMatcher"/> assigns them), and which recurring hashtags and title prefixes no rule
/// covers yet (<see cref="SeriesSuggester"/>). Both read the posts published in the last <see cref="LookbackDays"/> days.
/// </summary>
public sealed class SeriesRuleAssistant(IBrandSettingsStore brands, IRecordStore records, TimeProvider timeProvider)
{
    /// <summary>How far back the preview and the suggestions look: a year covers every recurring format worth a rule.</summary>
    public const int LookbackDays = 365;

    /// <summary>Newest matching posts shown per rule.</summary>
    public const int ExamplesPerRule = 3;

    /// <summary>
    /// For each rule in order, the posts it would take. Rules listed in <paramref name="skip"/> (invalid drafts) take
    /// nothing and let later rules match, as if they were not there yet.
    /// </summary>
    public async Task<SeriesRulePreview> PreviewAsync(BrandName brand, IReadOnlyList<SeriesRule> rules, IReadOnlySet<int> skip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(skip);
        var matchers = rules.Select((rule, i) => skip.Contains(i) ? null : new SeriesRuleMatcher([rule])).ToArray();
        var counts = new int[rules.Count];
        var byChannel = rules.Select(_ => new SortedDictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var examples = rules.Select(_ => new List<CanonicalPost>(ExamplesPerRule + 1)).ToArray();
        var (from, to) = Window();
        var scanned = 0;
        var unmatched = 0;
        // Range aggregates (YouTube, GA4) store an item once per export range: count each post once.
        var seen = new HashSet<(string Channel, string PostId)>();
        await foreach (var post in records.QueryPostsAsync(brand, null, from, to, cancellationToken))
        {
            if (!seen.Add((post.Channel, post.PostId)))
            {
                continue;
            }

            scanned++;
            var index = Array.FindIndex(matchers, m => m?.Match(post.Channel, post.Text) is not null);
            if (index < 0)
            {
                unmatched++;
                continue;
            }

            counts[index]++;
            byChannel[index][post.Channel] = byChannel[index].GetValueOrDefault(post.Channel) + 1;
            KeepNewest(examples[index], post);
        }

        return new SeriesRulePreview
        {
            From = from,
            To = to,
            PostsScanned = scanned,
            Unmatched = unmatched,
            Rules = [.. rules.Select((rule, i) => new SeriesRuleMatches
            {
                Index = i,
                Name = rule.Name,
                Skipped = skip.Contains(i),
                Posts = counts[i],
                Channels = byChannel[i],
                Examples = [.. examples[i].Select(PostExample.From)],
            })],
        };
    }

    /// <summary>Recurring hashtags and title prefixes that none of the brand's saved rules covers.</summary>
    public async Task<IReadOnlyList<SeriesSuggestion>> SuggestAsync(BrandName brand, CancellationToken cancellationToken)
    {
        var settings = await brands.GetAsync(brand, cancellationToken) ?? BrandSettings.CreateDefault(brand);
        var (from, to) = Window();
        var posts = new List<CanonicalPost>();
        await foreach (var post in records.QueryPostsAsync(brand, null, from, to, cancellationToken))
        {
            posts.Add(post);
        }

        return SeriesSuggester.Suggest(posts, new SeriesRuleMatcher(settings.SeriesRules), [settings.Brand.Value, settings.Title]);
    }

    private (DateTimeOffset From, DateTimeOffset To) Window()
    {
        var now = timeProvider.GetUtcNow();
        return (now.AddDays(-LookbackDays), now.AddDays(1));
    }

    private static void KeepNewest(List<CanonicalPost> kept, CanonicalPost post)
    {
        kept.Add(post);
        kept.Sort((a, b) => b.PublishedAt.CompareTo(a.PublishedAt));
        if (kept.Count > ExamplesPerRule)
        {
            kept.RemoveAt(kept.Count - 1);
        }
    }
}

/// <summary>What <see cref="SeriesRuleAssistant.PreviewAsync"/> found.</summary>
public sealed record SeriesRulePreview
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public int PostsScanned { get; init; }

    /// <summary>Posts no rule takes.</summary>
    public int Unmatched { get; init; }

    public IReadOnlyList<SeriesRuleMatches> Rules { get; init; } = [];
}

/// <summary>The posts one rule takes: how many, per channel, and the newest few.</summary>
public sealed record SeriesRuleMatches
{
    public required int Index { get; init; }

    public required string Name { get; init; }

    /// <summary>True when the rule was not run (it is not valid yet).</summary>
    public bool Skipped { get; init; }

    public int Posts { get; init; }

    public IReadOnlyDictionary<string, int> Channels { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<PostExample> Examples { get; init; } = [];
}

/// <summary>A post as a preview shows it.</summary>
public sealed record PostExample(string Channel, string PostId, DateTimeOffset PublishedAt, string? Text, string? Permalink)
{
    public static PostExample From(CanonicalPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new(post.Channel, post.PostId, post.PublishedAt, post.Text, post.Permalink);
    }
}
