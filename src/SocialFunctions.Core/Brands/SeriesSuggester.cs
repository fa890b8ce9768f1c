using System.Text;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// Finds candidate series the brand has not declared: hashtags and title prefixes ending in ':' (e.g.
/// "Behind the Scenes:") that recur in at least <see cref="MinimumPosts"/> posts matched by no rule.
/// Tags and prefixes are grouped case-insensitively and shown in their most frequent spelling.
/// Not series: a tag or prefix on more than <see cref="BrandWideShare"/> of a channel's posts (a brand-wide tag such as
/// #coffee, not a recurring format), and the brand's own name or handle (#LumenCoffee, @lumencoffee, "Lumen Coffee:").
/// </summary>
public static class SeriesSuggester
{
    public const int MinimumPosts = 3;
    public const int MaxSuggestions = 10;

    /// <summary>A prefix is the text before the first ':' when it is short, like a title label.</summary>
    public const int MaxPrefixLength = 40;
    public const int MaxPrefixWords = 5;

    /// <summary>A tag on more than this share of a channel's posts (of at least <see cref="MinimumPosts"/>) is brand-wide.</summary>
    public const double BrandWideShare = 0.5;

    /// <summary>A brand name shorter than this (letters and digits) is too generic to recognise in a tag.</summary>
    private const int MinimumNameLength = 4;

    /// <param name="posts">The posts of the window.</param>
    /// <param name="matcher">The brand's rules: posts they cover are not looked at.</param>
    /// <param name="brandNames">The brand's name and display name: a tag or prefix that is the brand itself is no series.</param>
    public static IReadOnlyList<SeriesSuggestion> Suggest(IEnumerable<CanonicalPost> posts, SeriesRuleMatcher matcher, IEnumerable<string> brandNames)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(matcher);
        var hashtags = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        var prefixes = new Dictionary<string, Candidate>(StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<(string Channel, string PostId)>();
        var postsPerChannel = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = brandNames.Select(Letters).Where(n => n.Length >= MinimumNameLength).Distinct(StringComparer.Ordinal).ToList();
        foreach (var post in posts)
        {
            if (!seen.Add((post.Channel, post.PostId)))
            {
                continue;
            }

            postsPerChannel[post.Channel] = postsPerChannel.GetValueOrDefault(post.Channel) + 1;
            if (string.IsNullOrWhiteSpace(post.Text) || matcher.IsCovered(post))
            {
                continue;
            }

            foreach (var tag in Hashtags(post.Text).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Tally(hashtags, tag, post.Channel);
            }

            if (TitlePrefix(post.Text) is { } prefix)
            {
                Tally(prefixes, prefix, post.Channel);
            }
        }

        bool IsSeriesLike(Candidate c) =>
            c.Posts >= MinimumPosts && !IsBrandWide(c, postsPerChannel) && !IsBrand(c.Spelling, names);
        var suggestions = hashtags.Values
            .Where(IsSeriesLike)
            .Select(c => new SeriesSuggestion
            {
                Name = SplitWords(c.Spelling[1..]),
                Hashtag = c.Spelling,
                Posts = c.Posts,
                Channels = c.ChannelList,
            })
            .Concat(prefixes.Values
                .Where(IsSeriesLike)
                .Select(c => new SeriesSuggestion
                {
                    Name = c.Spelling.TrimEnd(':').Trim(),
                    Prefix = c.Spelling,
                    Posts = c.Posts,
                    Channels = c.ChannelList,
                }));
        return suggestions
            .OrderByDescending(s => s.Posts)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>Hashtags in the text, with their '#', e.g. "#TipTuesday"; tags made only of digits are ignored.</summary>
    public static IEnumerable<string> Hashtags(string text)
    {
        for (var at = text.IndexOf('#'); at >= 0; at = text.IndexOf('#', at + 1))
        {
            if (at > 0 && SeriesRuleMatcher.IsTagChar(text[at - 1]))
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && SeriesRuleMatcher.IsTagChar(text[end]))
            {
                end++;
            }

            var tag = text[at..end];
            if (tag.Skip(1).Any(char.IsLetter))
            {
                yield return tag;
            }
        }
    }

    /// <summary>"Behind the Scenes:" for "Behind the Scenes: our studio"; null when the text has no short label before a ':'.</summary>
    public static string? TitlePrefix(string text)
    {
        var trimmed = text.TrimStart();
        var colon = trimmed.IndexOf(':');
        if (colon < 2 || colon > MaxPrefixLength)
        {
            return null;
        }

        // "https://…" and "10:30" are not titles.
        if (colon + 1 < trimmed.Length && (trimmed[colon + 1] == '/' || char.IsDigit(trimmed[colon + 1])))
        {
            return null;
        }

        var label = trimmed[..colon].Trim();
        if (label.Length < 2 || !label.Any(char.IsLetter) || label.IndexOfAny(['#', '@', '\n', '\r']) >= 0
            || label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxPrefixWords)
        {
            return null;
        }

        return label + ":";
    }

    private static bool IsBrandWide(Candidate candidate, Dictionary<string, int> postsPerChannel) =>
        candidate.PerChannel.Any(kv => postsPerChannel.GetValueOrDefault(kv.Key) is var total && total >= MinimumPosts && kv.Value > BrandWideShare * total);

    /// <summary>
    /// "#LumenCoffee", "#lumen", "Lumen Coffee Roasters:" for a brand "lumen-coffee" / "Lumen Coffee Roasters": the tag starts
    /// the brand's name or the name starts the tag (#lumencoffeelove). A word merely inside the name (#coffee) is not the brand.
    /// </summary>
    private static bool IsBrand(string spelling, IReadOnlyList<string> names)
    {
        var tag = Letters(spelling);
        return tag.Length >= MinimumNameLength && names.Any(name =>
            name.StartsWith(tag, StringComparison.Ordinal) || tag.StartsWith(name, StringComparison.Ordinal));
    }

    /// <summary>Lower-case letters and digits only: "Lumen Coffee-Roasters" → "lumencoffeeroasters".</summary>
    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant));

    /// <summary>"TipTuesday" → "Tip Tuesday"; lower-case tags stay as they are.</summary>
    private static string SplitWords(string tag)
    {
        var builder = new StringBuilder(tag.Length + 4);
        for (var i = 0; i < tag.Length; i++)
        {
            if (i > 0 && char.IsUpper(tag[i]) && char.IsLower(tag[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(tag[i] == '_' ? ' ' : tag[i]);
        }

        return builder.ToString().Trim();
    }

    private static void Tally(Dictionary<string, Candidate> candidates, string spelling, string channel)
    {
        if (!candidates.TryGetValue(spelling, out var candidate))
        {
            candidates[spelling] = candidate = new Candidate();
        }

        candidate.Add(spelling, channel);
    }

    private sealed class Candidate
    {
        private readonly Dictionary<string, int> _spellings = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _channels = new(StringComparer.Ordinal);

        public int Posts { get; private set; }

        public IReadOnlyDictionary<string, int> PerChannel => _channels;

        /// <summary>The most frequent spelling; ties go to the ordinal-first one so the result is stable.</summary>
        public string Spelling => _spellings.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;

        public IReadOnlyList<string> ChannelList => [.. _channels.Keys];

        public void Add(string spelling, string channel)
        {
            Posts++;
            _spellings[spelling] = _spellings.GetValueOrDefault(spelling) + 1;
            _channels[channel] = _channels.GetValueOrDefault(channel) + 1;
        }
    }
}
