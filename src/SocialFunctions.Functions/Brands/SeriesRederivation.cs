using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;

namespace SocialFunctions.Functions.Brands;

/// <summary>
/// After a change of series rules, gives every stored post of the brand the series the new rules assign, so no
/// re-upload is needed. Posts are streamed and written back in batches; only posts whose series changes are written.
/// </summary>
internal sealed class SeriesRederivation(IRecordStore records)
{
    private const int BatchSize = 500;
    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <returns>How many posts changed series.</returns>
    public async Task<int> ApplyAsync(string brand, IReadOnlyList<SeriesRule> rules, CancellationToken cancellationToken)
    {
        var matcher = new SeriesRuleMatcher(rules);
        var batch = new List<Core.Records.CanonicalPost>(BatchSize);
        var changed = 0;
        await foreach (var post in records.QueryPostsAsync(brand, null, Beginning, End, cancellationToken))
        {
            batch.Add(post);
            if (batch.Count == BatchSize)
            {
                changed += await WriteChangesAsync(matcher, batch, cancellationToken);
                batch.Clear();
            }
        }

        changed += await WriteChangesAsync(matcher, batch, cancellationToken);
        return changed;
    }

    private async Task<int> WriteChangesAsync(SeriesRuleMatcher matcher, List<Core.Records.CanonicalPost> posts, CancellationToken cancellationToken)
    {
        var changes = matcher.Rederive(posts);
        if (changes.Count > 0)
        {
            await records.UpdateSeriesAsync(changes, cancellationToken);
        }

        return changes.Count;
    }
}
