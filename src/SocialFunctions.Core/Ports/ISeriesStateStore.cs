using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ports;

/// <summary>
/// The alert episode of every brand + channel + series, with optimistic concurrency: a check claims a transition by
/// saving the new state against the version it read, and only the check whose save succeeds notifies.
/// </summary>
public interface ISeriesStateStore
{
    /// <summary>The stored state and its version (an ETag), or null when the series was never checked.</summary>
    Task<VersionedSeriesState?> GetAsync(BrandName brand, string channel, string series, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/> (null: only if
    /// nothing is stored yet). Returns the new version, or null when another writer got there first.
    /// </summary>
    Task<string?> TrySaveAsync(SeriesEpisodeState state, string? expectedVersion, CancellationToken cancellationToken);

    IAsyncEnumerable<SeriesEpisodeState> ListAsync(BrandName brand, CancellationToken cancellationToken);
}

public sealed record VersionedSeriesState(SeriesEpisodeState State, string Version);
