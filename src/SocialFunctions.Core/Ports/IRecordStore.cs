using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Ports;

/// <summary>Canonical posts and daily series of every brand (Table Storage in production, Azurite locally).</summary>
public interface IRecordStore
{
    /// <summary>
    /// Opens a writer that batches records by partition (≤ 100 entities, &lt; 4 MiB) and upserts batches in parallel.
    /// Records are written when batches fill and on <see cref="IRecordWriter.CompleteAsync"/>.
    /// </summary>
    IRecordWriter OpenWriter();

    /// <summary>Posts of a brand published in [from, to), optionally of one channel, in partition order (not sorted by time).</summary>
    IAsyncEnumerable<CanonicalPost> QueryPostsAsync(BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>One page of posts for the read API; <paramref name="continuation"/> is the previous page's <see cref="PostPage.Next"/>.</summary>
    Task<PostPage> QueryPostPageAsync(BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, string? continuation, int pageSize, CancellationToken cancellationToken);

    /// <summary>Daily values of a brand, optionally of one channel and metric, within [from, to] (inclusive days).</summary>
    IAsyncEnumerable<DailyMetric> QueryDailyAsync(BrandName brand, string? channel, string? metric, DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    /// <summary>Sets the series of stored posts (after a change of series rules); only the Series property changes.</summary>
    Task UpdateSeriesAsync(IReadOnlyList<CanonicalPost> posts, CancellationToken cancellationToken);
}

/// <summary>Buffers records and upserts them in batches; dispose after <see cref="CompleteAsync"/>.</summary>
public interface IRecordWriter : IAsyncDisposable
{
    ValueTask WriteAsync(CanonicalPost post, CancellationToken cancellationToken);

    ValueTask WriteAsync(DailyMetric value, CancellationToken cancellationToken);

    /// <summary>Writes what is buffered and waits for every batch; throws if any batch failed.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

/// <param name="Posts">This page's posts.</param>
/// <param name="Next">Opaque token for the next page, null on the last page.</param>
public sealed record PostPage(IReadOnlyList<CanonicalPost> Posts, string? Next);

/// <summary>A <c>next</c> token that this API did not issue (or that was altered): the caller's mistake, a 400.</summary>
public sealed class InvalidPageTokenException : Exception
{
    public InvalidPageTokenException()
        : base("The 'next' token is not one this API issued; start again without it.")
    {
    }

    public InvalidPageTokenException(string message)
        : base(message)
    {
    }

    public InvalidPageTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
