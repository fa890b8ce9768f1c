using System.Globalization;
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
        foreach (var c in ChannelsOf(channel))
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(PostFilter(brand, c, from, to), maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                yield return PostEntityMapper.ToPost(entity);
            }
        }
    }

    public async Task<PostPage> QueryPostPageAsync(
        BrandName brand, string? channel, DateTimeOffset from, DateTimeOffset to, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken);
        var channels = ChannelsOf(channel);
        var (channelIndex, token) = PageToken.Parse(continuation, channels.Count);
        var posts = new List<CanonicalPost>(pageSize);
        while (channelIndex < channels.Count)
        {
            var filter = PostFilter(brand, channels[channelIndex], from, to);
            await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize - posts.Count, cancellationToken: cancellationToken).AsPages(token))
            {
                posts.AddRange(page.Values.Select(PostEntityMapper.ToPost));
                token = page.ContinuationToken;
                break;
            }

            if (token is null)
            {
                channelIndex++;
            }

            if (posts.Count >= pageSize)
            {
                break;
            }
        }

        var next = channelIndex < channels.Count ? PageToken.Format(channelIndex, token) : null;
        return new PostPage(posts, next);
    }

    public async IAsyncEnumerable<DailyMetric> QueryDailyAsync(
        BrandName brand, string? channel, string? metric, DateOnly? from, DateOnly? to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.DailyTable, cancellationToken);
        string filter;
        if (channel is not null && metric is not null)
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostEntityMapper.DailyPartition(brand, channel, metric)}");
        }
        else
        {
            var prefix = channel is null ? TableKeys.Join(brand, string.Empty) : TableKeys.Join(brand, channel, string.Empty);
            filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {TableKeys.PrefixEnd(prefix)}");
        }

        if (from is { } f)
        {
            filter += TableClient.CreateQueryFilter($" and RowKey ge {PostEntityMapper.DailyRow(f)}");
        }

        if (to is { } t)
        {
            filter += TableClient.CreateQueryFilter($" and RowKey le {PostEntityMapper.DailyRow(t)}");
        }

        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            var value = PostEntityMapper.ToDaily(entity);
            if (metric is null || value.Metric == metric)
            {
                yield return value;
            }
        }
    }

    public async Task UpdateSeriesAsync(IReadOnlyList<CanonicalPost> posts, CancellationToken cancellationToken)
    {
        var table = await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken);
        foreach (var partition in posts.GroupBy(p => PostEntityMapper.PostPartition(p.Brand, p.Channel, p.PublishedAt)))
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

    private static IReadOnlyList<string> ChannelsOf(string? channel) => channel is null ? Channels.All : [channel];

    private static string PostFilter(string brand, string channel, DateTimeOffset from, DateTimeOffset to)
    {
        var first = PostEntityMapper.PostPartition(brand, channel, from);
        var last = PostEntityMapper.PostPartition(brand, channel, to);
        return TableClient.CreateQueryFilter(
            $"PartitionKey ge {first} and PartitionKey le {last} and PublishedAt ge {from.UtcDateTime} and PublishedAt lt {to.UtcDateTime}");
    }

    /// <summary>The read API's opaque page token: which channel, and the table's continuation within it.</summary>
    private static class PageToken
    {
        public static string Format(int channelIndex, string? token) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(channelIndex.ToString(CultureInfo.InvariantCulture) + " " + token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static (int ChannelIndex, string? Token) Parse(string? value, int channelCount)
        {
            if (string.IsNullOrEmpty(value))
            {
                return (0, null);
            }

            try
            {
                var base64 = value.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                var index = int.Parse(text.AsSpan(0, space), CultureInfo.InvariantCulture);
                var token = text[(space + 1)..];
                if (index < 0 || index >= channelCount)
                {
                    throw new FormatException();
                }

                return (index, token.Length == 0 ? null : token);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
            {
                throw new InvalidPageTokenException("The 'next' token is not one this API issued; start again without it.", ex);
            }
        }
    }

    private sealed class Writer(StorageClients clients, int maxParallelBatches) : IRecordWriter
    {
        private TableBatchWriter? _posts;
        private TableBatchWriter? _daily;

        public async ValueTask WriteAsync(CanonicalPost post, CancellationToken cancellationToken)
        {
            _posts ??= new TableBatchWriter(await clients.TableAsync(StorageDefaults.PostsTable, cancellationToken), maxParallelBatches);
            await _posts.AddAsync(PostEntityMapper.ToEntity(post), cancellationToken);
        }

        public async ValueTask WriteAsync(DailyMetric value, CancellationToken cancellationToken)
        {
            _daily ??= new TableBatchWriter(await clients.TableAsync(StorageDefaults.DailyTable, cancellationToken), maxParallelBatches);
            await _daily.AddAsync(PostEntityMapper.ToEntity(value), cancellationToken);
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
