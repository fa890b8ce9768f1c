using System.Text.RegularExpressions;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Brands;

/// <summary>
/// Assigns a post to a series with the brand's rules (metrics.md "Series"): the first matching rule wins.
/// A hashtag matches as a whole tag, case-insensitively (<c>#TipTuesday</c> matches "#tiptuesday!" but not
/// "#TipTuesdays"); a prefix matches case-insensitively at the start of the trimmed text; a pattern is a .NET regular
/// expression run with <see cref="PatternTimeout"/> (a pattern that times out on a text does not match it, so one
/// pathological rule cannot stall a whole upload). Rules with channels apply only to those channels.
/// Build one matcher per settings change and reuse it: patterns are compiled once.
/// </summary>
public sealed class SeriesRuleMatcher
{
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly CompiledRule[] _rules;

    public SeriesRuleMatcher(IReadOnlyList<SeriesRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules.Select(Compile).ToArray();
    }

    /// <summary>The series of a post with this channel and text, or null when no rule matches.</summary>
    public string? Match(string channel, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // The text's hashtags are read once, not once per hashtag rule (a brand has dozens of rules).
        HashSet<string>? tags = null;
        foreach (var rule in _rules)
        {
            if (rule.Matches(channel, text, ref tags))
            {
                return rule.Name;
            }
        }

        return null;
    }

    /// <summary>True when some rule matches the post (used to find hashtags and prefixes no rule covers).</summary>
    public bool IsCovered(CanonicalPost post) => Match(post.Channel, post.Text) is not null;

    /// <summary>The posts whose series the rules change, with their new <see cref="CanonicalPost.Series"/>.</summary>
    public IReadOnlyList<CanonicalPost> Rederive(IEnumerable<CanonicalPost> posts)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var changed = new List<CanonicalPost>();
        foreach (var post in posts)
        {
            var series = Match(post.Channel, post.Text);
            if (!string.Equals(series, string.IsNullOrEmpty(post.Series) ? null : post.Series, StringComparison.Ordinal))
            {
                changed.Add(post with { Series = series });
            }
        }

        return changed;
    }

    /// <summary>Compiles a rule pattern as the matcher will run it; null with the reason when it is not valid.</summary>
    public static Regex? TryCompile(string pattern, out string? problem)
    {
        try
        {
            problem = null;
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="tag"/> (with or without '#') as a whole hashtag.</summary>
    public static bool ContainsHashtag(string text, string tag)
    {
        var bare = tag.TrimStart('#');
        return bare.Length > 0 && StandingTags(text).Contains(bare);
    }

    /// <summary>
    /// Every tag of <paramref name="text"/> that stands alone, without its '#', compared case-insensitively. A '#' glued
    /// to a word ("C#") is no tag, and a tag that merely starts with ours ("#TipTuesdays") is another tag.
    /// </summary>
    private static HashSet<string> StandingTags(string text)
    {
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var at = 0;
        while ((at = text.IndexOf('#', at)) >= 0)
        {
            var start = at + 1;
            var end = start;
            while (end < text.Length && IsTagChar(text[end]))
            {
                end++;
            }

            if (end > start && (at == 0 || !IsTagChar(text[at - 1])))
            {
                tags.Add(text[start..end]);
            }

            at = Math.Max(end, at + 1);
        }

        return tags;
    }

    internal static bool IsTagChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static CompiledRule Compile(SeriesRule rule)
    {
        var channels = rule.Channels is { Count: > 0 } ? rule.Channels.ToHashSet(StringComparer.Ordinal) : null;
        // Invalid patterns are rejected at validation; if one slipped into storage it matches nothing rather than failing reads.
        var regex = rule.Pattern is null ? null : TryCompile(rule.Pattern, out _);
        return new CompiledRule(rule.Name, rule.Hashtag?.TrimStart('#'), rule.Prefix?.Trim(), rule.Pattern is not null, regex, channels);
    }

    // BareHashtag: the rule's hashtag without its '#'.
    private sealed record CompiledRule(string Name, string? BareHashtag, string? Prefix, bool HasPattern, Regex? Pattern, HashSet<string>? Channels)
    {
        public bool Matches(string channel, string text, ref HashSet<string>? tags)
        {
            if (Channels is not null && !Channels.Contains(channel))
            {
                return false;
            }

            if (BareHashtag is not null)
            {
                tags ??= StandingTags(text);
                return BareHashtag.Length > 0 && tags.Contains(BareHashtag);
            }

            if (Prefix is { Length: > 0 })
            {
                return text.AsSpan().TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
            }

            if (HasPattern && Pattern is not null)
            {
                try
                {
                    return Pattern.IsMatch(text);
                }
                catch (RegexMatchTimeoutException)
                {
                    return false;
                }
            }

            return false;
        }
    }
}
