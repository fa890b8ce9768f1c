using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class TableRecordStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly StorageClients _clients = TestStorage.Create(azurite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TableRecordStore Store(int maxParallelBatches = 8) =>
        new(_clients, Options.Create(new StorageOptions { MaxParallelBatches = maxParallelBatches }));

    internal static CanonicalPost Post(string brand, string channel, string id, DateTimeOffset publishedAt, long impressions = 100, string? text = null) => new()
    {
        Brand = brand,
        Channel = channel,
        PostId = id,
        PublishedAt = publishedAt,
        ContentType = ContentTypes.Text,
        Impressions = impressions,
        Text = text,
        Kind = ExportKind.Posts,
    };

    private async Task WriteAsync(IEnumerable<CanonicalPost> posts, IEnumerable<DailyMetric>? daily = null, int maxParallelBatches = 8)
    {
        await using var writer = Store(maxParallelBatches).OpenWriter();
        foreach (var post in posts)
        {
            await writer.WriteAsync(post, Ct);
        }

        foreach (var value in daily ?? [])
        {
            await writer.WriteAsync(value, Ct);
        }

        await writer.CompleteAsync(Ct);
    }

    private async Task<List<CanonicalPost>> QueryAsync(string brand, string? channel, DateTimeOffset from, DateTimeOffset to)
    {
        var posts = new List<CanonicalPost>();
        await foreach (var post in Store().QueryPostsAsync(BrandName.Parse(brand), channel, from, to, Ct))
        {
            posts.Add(post);
        }

        return posts;
    }

    /// <summary>Two posts a day for 14 months on three channels, plus a brand whose name starts with this one's.</summary>
    private static List<CanonicalPost> History()
    {
        var posts = new List<CanonicalPost>();
        string[] channels = [Channels.Instagram, Channels.LinkedIn, Channels.X];
        for (var day = 0; day < 425; day++)
        {
            for (var n = 0; n < 2; n++)
            {
                var channel = channels[(day + n) % channels.Length];
                posts.Add(Post("acme", channel, $"{channel}-{day}-{n}", Start.AddDays(day).AddHours(n == 0 ? 0 : 23.99)));
            }
        }

        posts.Add(Post("acme-eu", Channels.Instagram, "eu-1", Start.AddDays(40)));
        posts.Add(Post("acm", Channels.Instagram, "short-1", Start.AddDays(40)));
        return posts;
    }

    [Fact]
    public async Task QueryPosts_RangeOverManyMonthsAndBuckets_ReturnsExactlyThePostsInRange()
    {
        var all = History();
        await WriteAsync(all);
        var from = new DateTimeOffset(2025, 2, 14, 23, 59, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var read = await QueryAsync("acme", null, from, to);

        var expected = all.Where(p => p.Brand == "acme" && p.PublishedAt >= from && p.PublishedAt < to).Select(p => p.PostId).Order();
        Assert.Equal(expected, read.Select(p => p.PostId).Order());
    }

    [Fact]
    public async Task QueryPosts_OneChannel_ReturnsOnlyThatChannel()
    {
        var all = History();
        await WriteAsync(all);

        var read = await QueryAsync("acme", Channels.LinkedIn, Start, Start.AddYears(2));

        var expected = all.Where(p => p.Brand == "acme" && p.Channel == Channels.LinkedIn).Select(p => p.PostId).Order();
        Assert.Equal(expected, read.Select(p => p.PostId).Order());
    }

    [Fact]
    public async Task QueryPostPage_SmallPagesAcrossPartitions_EveryPostOnce()
    {
        var all = History();
        await WriteAsync(all);
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await Store().QueryPostPageAsync(BrandName.Parse("acme"), null, Start.AddDays(20), Start.AddDays(80), next, 17, Ct);
            Assert.True(page.Posts.Count <= 17);
            Assert.True(page.Posts.Count == 17 || page.Next is null, "only the last page may be short");
            seen.AddRange(page.Posts.Select(p => p.PostId));
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 100);

        var expected = all.Where(p => p.Brand == "acme" && p.PublishedAt >= Start.AddDays(20) && p.PublishedAt < Start.AddDays(80)).Select(p => p.PostId);
        Assert.Equal(expected.Order(), seen.Order());
        Assert.Equal((expected.Count() + 16) / 17, pages);
    }

    [Fact]
    public async Task QueryPostPage_OneChannelInSmallPages_EveryPostOfTheChannelOnce()
    {
        var all = History();
        await WriteAsync(all);
        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await Store().QueryPostPageAsync(BrandName.Parse("acme"), Channels.X, Start, Start.AddDays(60), next, 9, Ct);
            seen.AddRange(page.Posts.Select(p => p.PostId));
            next = page.Next;
        }
        while (next is not null && seen.Count < 1000);

        var expected = all.Where(p => p.Brand == "acme" && p.Channel == Channels.X && p.PublishedAt < Start.AddDays(60)).Select(p => p.PostId);
        Assert.Equal(expected.Order(), seen.Order());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("0 YWNtZXxpbnN0YWdyYW18MjAyNS0wMQ aW5zdGFncmFtLTEtMA")] // the former layout's token: channel index, continuation
    [InlineData("p3 ")]
    [InlineData("p2 1!8!YWNtZXwyMDI1LTAxfDBh")] // the 16-bucket layout's token: it would resume among keys no longer read
    public async Task QueryPostPage_TokenNotIssuedByThisLayout_Refused(string token)
    {
        var encoded = token == "garbage" ? token : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token)).TrimEnd('=');
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => Store().QueryPostPageAsync(BrandName.Parse("acme"), null, Start, Start.AddDays(1), encoded, 10, Ct));
    }

    [Fact]
    public async Task QueryPosts_OneMonth_ReturnsThePostOfEveryBucketAndNothingAcrossItsEdges()
    {
        // One post in each bucket of January (ids picked by their bucket), and a post either side of the month.
        var buckets = new Dictionary<string, CanonicalPost>(StringComparer.Ordinal);
        for (var i = 0; buckets.Count < PostEntityMapper.PostBuckets; i++)
        {
            var post = Post("acme", i % 2 == 0 ? Channels.Facebook : Channels.X, "id" + i.ToString(CultureInfo.InvariantCulture), Start.AddMinutes(i * 7 % 44_640));
            buckets.TryAdd(PostEntityMapper.PostPartition(post), post);
        }

        var january = buckets.Values.ToList();
        await WriteAsync([.. january, Post("acme", Channels.X, "december", Start.AddTicks(-1)), Post("acme", Channels.X, "february", Start.AddMonths(1))]);

        var read = await QueryAsync("acme", null, Start, Start.AddMonths(1));

        Assert.Equal(january.Select(p => p.PostId).Order(), read.Select(p => p.PostId).Order());
    }

    [Theory]
    [InlineData("facebook", "122100000000000001", 0)]
    [InlineData("x", "1790000000000000000", 0)]
    [InlineData("instagram", "Cx9_ab-Z", 0)]
    [InlineData("reddit", "t3_f4240", 0)]
    [InlineData("blog", "/blog/café-olé?x=1", 0)]
    [InlineData("blog", "/blog/", 600)] // over 1 KiB of UTF-8: hashed from the heap rather than the stack
    public void Bucket_StaysTheFnv1aOfTheUtf8ChannelAndId(string channel, string postId, int accents)
    {
        // The bucket is part of every stored key: a change to the hash would orphan rows (reads miss them, uploads
        // duplicate them). This is the definition the stored keys were written with.
        postId += new string('é', accents);
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(channel + "|" + postId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        Assert.Equal((hash % 32).ToString("x2", CultureInfo.InvariantCulture), PostEntityMapper.Bucket(channel, postId, 32));
        Assert.Equal((hash % 16).ToString("x2", CultureInfo.InvariantCulture), PostEntityMapper.Bucket(channel, postId, 16));
    }

    [Fact]
    public async Task Writer_OneMonthUpload_SpreadsOverEveryBucketOfTheMonth()
    {
        var month = Enumerable.Range(0, 800).Select(i => Post("acme", Channels.Facebook, "fb" + i.ToString(CultureInfo.InvariantCulture), Start.AddMinutes(i * 50))).ToList();
        await WriteAsync(month);

        var table = await _clients.TableAsync(StorageDefaults.PostsTable, Ct);
        var partitions = new Dictionary<string, int>();
        await foreach (var entity in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: Ct))
        {
            partitions[entity.PartitionKey] = partitions.GetValueOrDefault(entity.PartitionKey) + 1;
        }

        Assert.Equal(PostEntityMapper.PostBuckets, partitions.Count);
        Assert.All(partitions.Keys, k => Assert.StartsWith("acme|m2025-01|", k, StringComparison.Ordinal));
        Assert.True(partitions.Values.Max() < 800 / PostEntityMapper.PostBuckets * 2, $"uneven buckets: {string.Join(", ", partitions.Values)}");
    }

    [Fact]
    public async Task Writer_SamePostTwiceInOneFileAcrossBatches_LaterRowWins()
    {
        // The first batch is held up on its way (a slow link); the batch with the later copy of r0 is ready at once.
        // Sent side by side, the later row would land first and then be overwritten by the stale one.
        var options = new TableClientOptions();
        options.AddPolicy(new DelayFirstBatchPolicy(TimeSpan.FromMilliseconds(400)), Azure.Core.HttpPipelinePosition.PerCall);
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("dup")[..20], options);
        await table.CreateIfNotExistsAsync(Ct);
        using (var writer = new TableBatchWriter(table, maxParallelBatches: 8))
        {
            foreach (var i in Enumerable.Range(0, 100))
            {
                await writer.AddAsync(Entity("r" + i.ToString(CultureInfo.InvariantCulture), 1), Ct);
            }

            await writer.AddAsync(Entity("r0", 999), Ct);
            await writer.CompleteAsync(Ct);
        }

        var stored = await table.GetEntityAsync<TableEntity>("p", "r0", cancellationToken: Ct);
        Assert.Equal(999, stored.Value.GetInt64("Impressions"));

        static TableEntity Entity(string row, long impressions) => new("p", row) { ["Impressions"] = impressions };
    }

    [Fact]
    public async Task Writer_MorePartFilledBatchesThanMemoryAllows_SendsTheStalestEarlyAndKeepsEveryRow()
    {
        // 400 partitions with one big row each: far more open bytes than the writer holds, so it must send early.
        var text = new string('y', 20_000);
        var posts = Enumerable.Range(0, 400).Select(i => Post("acme", Channels.LinkedIn, "li" + i.ToString(CultureInfo.InvariantCulture), Start.AddDays(i * 3), i, text)).ToList();
        posts.Add(posts[0] with { Impressions = 12345 });
        await WriteAsync(posts);

        var read = await QueryAsync("acme", Channels.LinkedIn, Start, Start.AddYears(5));

        Assert.Equal(400, read.Count);
        Assert.Equal(Enumerable.Range(1, 399).Sum() + 12345, read.Sum(p => p.Impressions));
        Assert.All(read, p => Assert.Equal(20_000, p.Text!.Length));
    }

    private sealed class DelayFirstBatchPolicy(TimeSpan delay) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        private int _batches;

        public override void Process(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(Azure.Core.HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _batches) == 1)
            {
                await Task.Delay(delay, message.CancellationToken);
            }

            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task Writer_RangeAggregatesOfOneItem_KeptSeparatelyAndReadBack()
    {
        var september = Post("acme", Channels.YouTube, "vid-1", Start, 500) with { Kind = ExportKind.Range, RangeFrom = new DateOnly(2025, 1, 1), RangeTo = new DateOnly(2025, 1, 31) };
        var quarter = september with { Impressions = 1500, RangeTo = new DateOnly(2025, 3, 31) };
        await WriteAsync([september, quarter, Post("acme", Channels.YouTube, "vid-1", Start, 7)]);

        var read = await QueryAsync("acme", Channels.YouTube, Start, Start.AddDays(1));

        Assert.Equal([7L, 500L, 1500L], read.Select(p => p.Impressions ?? 0).Order());
        Assert.Equal(new DateOnly(2025, 3, 31), read.Single(p => p.Impressions == 1500).RangeTo);
    }

    [Fact]
    public async Task UpdateSeries_StoredPosts_ChangesOnlyTheSeries()
    {
        var posts = Enumerable.Range(0, 30).Select(i => Post("acme", Channels.Instagram, "ig" + i.ToString(CultureInfo.InvariantCulture), Start.AddDays(i * 3), 100 + i)).ToList();
        await WriteAsync(posts);

        await Store().UpdateSeriesAsync(posts.Select(p => p with { Series = "Tip Tuesday" }).ToList(), Ct);
        var read = await QueryAsync("acme", null, Start, Start.AddYears(1));

        Assert.Equal(30, read.Count);
        Assert.All(read, p => Assert.Equal("Tip Tuesday", p.Series));
        Assert.Equal(posts.Sum(p => p.Impressions), read.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task DailySeries_OverTwoYears_RoundTripThroughStorage()
    {
        var values = new List<DailyMetric>();
        for (var d = new DateOnly(2024, 11, 1); d <= new DateOnly(2026, 2, 28); d = d.AddDays(1))
        {
            values.Add(Daily("acme", Channels.Instagram, "followers", d, d.DayNumber));
            values.Add(Daily("acme", Channels.Instagram, "reach", d, 2 * d.DayNumber));
            values.Add(Daily("acme", Channels.Blog, "sessions", d, 3 * d.DayNumber));
        }

        values.Add(Daily("acme-eu", Channels.Instagram, "followers", new DateOnly(2025, 6, 1), 1));
        await WriteAsync([], values);
        var store = Store();

        var one = await ToListAsync(store.QueryDailyAsync(BrandName.Parse("acme"), Channels.Instagram, "followers", new DateOnly(2024, 12, 30), new DateOnly(2025, 1, 2), Ct));
        var brand = await ToListAsync(store.QueryDailyAsync(BrandName.Parse("acme"), null, null, new DateOnly(2025, 12, 1), null, Ct));
        var channel = await ToListAsync(store.QueryDailyAsync(BrandName.Parse("acme"), Channels.Blog, null, null, null, Ct));

        Assert.Equal(
            Enumerable.Range(0, 4).Select(i => new DateOnly(2024, 12, 30).AddDays(i)).Select(d => (d, (double)d.DayNumber)),
            one.OrderBy(v => v.Date).Select(v => (v.Date, v.Value)));
        Assert.Equal(("acme", Channels.Instagram, "followers"), (one[0].Brand, one[0].Channel, one[0].Metric));
        Assert.Equal(values.Count(v => v.Brand == "acme" && v.Date >= new DateOnly(2025, 12, 1)), brand.Count);
        Assert.Equal(values.Where(v => v.Brand == "acme" && v.Channel == Channels.Blog).Sum(v => v.Value), channel.Sum(v => v.Value));
        Assert.All(channel, v => Assert.Equal("sessions", v.Metric));
    }

    internal static DailyMetric Daily(string brand, string channel, string metric, DateOnly date, double value) =>
        new() { Brand = brand, Channel = channel, Metric = metric, Date = date, Value = value };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
