using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Infrastructure.Storage;

/// <summary>Canonical posts and daily series in Table Storage (key design in <see cref="PostEntityMapper"/>).</summary>
public sealed class TableRecordStore(StorageClients clients, IOptions<StorageOptions> options) : IRecordStore
{
    public IRecordWriter OpenWriter() => new Writer(clients, options.Value.MaxParallelBatches);

    public async IAsyncEnumerable<CanonicalPost> QueryPostsAsync(
        BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(PostFilter(brand, channel, from, to), maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return PostEntityMapper.ToPost(entity);
        }
    }

    public async Task<PostPage> QueryPostPageAsync(
        BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken);
        var token = PageToken.Parse(continuation);
        var posts = new List<CanonicalPost>(pageSize);
        var filter = PostFilter(brand, channel, from, to);

        // The service may end a page early (at a partition boundary, after 5 s, or with a channel filter that skips rows),
        // so keep reading until the page is full or the range is done.
        do
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize - posts.Count, cancellationToken: cancellationToken).AsPages(token))
            {
                posts.AddRange(page.Values.Select(PostEntityMapper.ToPost));
                token = page.ContinuationToken;
                break;
            }
        }
        while (token is not null && posts.Count < pageSize);

        return new PostPage(posts, token is null ? null : PageToken.Format(token));
    }

    public async IAsyncEnumerable<DailyMetric> QueryDailyAsync(
        BrandName brand, string? channel, string? metric, DateOnly? from, DateOnly? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.DailyTable, cancellationToken);

        // One partition-key range: the brand's years from..to (all of its years when open-ended); the rest filters rows.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {PostEntityMapper.DailyPartitionsFrom(brand, from?.Year ?? 0)} and PartitionKey lt {PostEntityMapper.DailyPartitionsEnd(brand, to?.Year ?? 9999)}");
        if (from is { } f)
        {
            filter += TableClient.CreateQueryFilter($" and RowKey ge {PostEntityMapper.DailyRow(f)}");
        }

        if (to is { } t)
        {
            filter += TableClient.CreateQueryFilter($" and RowKey le {PostEntityMapper.DailyRow(t)}");
        }

        if (channel is not null)
        {
            filter += TableClient.CreateQueryFilter($" and Channel eq {channel}");
        }

        if (metric is not null)
        {
            filter += TableClient.CreateQueryFilter($" and Metric eq {metric}");
        }

        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return PostEntityMapper.ToDaily(entity);
        }
    }

    public async Task UpdateSeriesAsync(IReadOnlyList<CanonicalPost> posts, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken);
        foreach (var partition in posts.GroupBy(PostEntityMapper.PostPartition))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                // Merge touches only Series; an empty string clears it (Merge cannot remove a property).
                var actions = chunk.Select(p => new TableTransactionAction(
                    TableTransactionActionType.UpdateMerge,
                    new TableEntity(partition.Key, PostEntityMapper.PostRow(p)) { ["Series"] = p.Series ?? string.Empty })).ToList();
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
        }
    }

    /// <summary>
    /// A brand's posts of [from, to): one partition-key range over the months from..to (every bucket of each), narrowed
    /// to one channel by its row-key prefix.
    /// </summary>
    private static string PostFilter(string brand, string? channel, DateTimeOffset from, DateTimeOffset to)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {PostEntityMapper.PostPartitionsFrom(brand, from)} and PartitionKey lt {PostEntityMapper.PostPartitionsEnd(brand, to)} and PublishedAt ge {from.UtcDateTime} and PublishedAt lt {to.UtcDateTime}");
        if (channel is not null)
        {
            var prefix = PostEntityMapper.ChannelRowPrefix(channel);
            filter += TableClient.CreateQueryFilter($" and RowKey ge {prefix} and RowKey lt {TableKeys.PrefixEnd(prefix)}");
        }

        return filter;
    }

    /// <summary>
    /// The read API's opaque page token: the table's continuation, versioned so that a token of a former layout
    /// (a channel index, then "p2" for 16 buckets a month) is refused instead of silently resuming at the wrong place.
    /// </summary>
    private static class PageToken
    {
        private const string Version = "p3 ";

        public static string Format(string token) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Version + token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static string? Parse(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            try
            {
                var base64 = value.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
                if (!text.StartsWith(Version, StringComparison.Ordinal) || text.Length == Version.Length)
                {
                    throw new FormatException();
                }

                return text[Version.Length..];
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                throw new InvalidPageTokenException("The 'next' token is not one this API issued; start again without it.", ex);
            }
        }
    }

    /// <summary>Versions each record by its export time, upload and position (<see cref="RecordVersion"/>) and batches it.</summary>
    private sealed class Writer(StorageClients clients, int maxParallelBatches) : IRecordWriter
    {
        private TableBatchWriter? _posts;
        private TableBatchWriter? _daily;
        private long _sequence;

        public async ValueTask WriteAsync(CanonicalPost post, CancellationToken cancellationToken)
        {
            _posts ??= new TableBatchWriter(await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken), maxParallelBatches, PostEntityMapper.FillableProperties);
            var entity = PostEntityMapper.ToEntity(post);
            SetVersion(entity, RecordVersion.Create(post.ExportedAt, post.UploadId, ++_sequence));
            await _posts.AddAsync(entity, cancellationToken);
        }

        public async ValueTask WriteAsync(DailyMetric value, CancellationToken cancellationToken)
        {
            _daily ??= new TableBatchWriter(await clients.TableAsync(StorageDefaults.DailyTable, cancellationToken), maxParallelBatches);
            var entity = PostEntityMapper.ToEntity(value);
            SetVersion(entity, RecordVersion.Create(value.ExportedAt, value.UploadId, ++_sequence));
            await _daily.AddAsync(entity, cancellationToken);
        }

        private static void SetVersion(TableEntity entity, string? version)
        {
            if (version is not null)
            {
                entity[RecordVersion.Property] = version;
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (_posts is not null)
            {
                await _posts.CompleteAsync(cancellationToken);
            }

            if (_daily is not null)
            {
                await _daily.CompleteAsync(cancellationToken);
            }
        }

        public ValueTask DisposeAsync()
        {
            _posts?.Dispose();
            _daily?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
