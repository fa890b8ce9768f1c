using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ingest.Pipeline;

/// <summary>Assigns each incoming post its series from the brand's rules, so stored posts always carry it.</summary>
internal sealed class SeriesAssigner(IReadOnlyList<SeriesRule> rules)
{
    private readonly SeriesRuleMatcher _matcher = new(rules);

    public CanonicalPost Assign(CanonicalPost post)
    {
        var series = _matcher.Match(post.Channel, post.Text);
        return series == post.Series ? post : post with { Series = series };
    }
}
