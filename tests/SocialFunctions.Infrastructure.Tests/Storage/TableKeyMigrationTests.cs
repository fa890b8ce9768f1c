using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;
using static SocialFunctions.Infrastructure.Tests.Storage.TableRecordStoreTests;

namespace SocialFunctions.Infrastructure.Tests.Storage;

public sealed class TableKeyMigrationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2025, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly StorageClients _clients = TestStorage.Create(azurite);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TableRecordStore Store() => new(_clients, Options.Create(new StorageOptions()));

    private TableKeyMigration Migration() => new(_clients);

    /// <summary>Posts as the first layout stored them: PK {brand}|{channel}|{yyyy-MM}, RK the post id (and range).</summary>
    private static TableEntity LegacyPost(CanonicalPost post)
    {
        var entity = PostEntityMapper.ToEntity(post);
        entity.PartitionKey = string.Join('|', post.Brand, post.Channel, post.PublishedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        entity.RowKey = PostEntityMapper.PostIdentity(post);
        return entity;
    }

    /// <summary>Posts as the second layout stored them: PK {brand}|{yyyy-MM}|{bucket of 16}, RK as now.</summary>
    private static TableEntity SixteenBucketPost(CanonicalPost post)
    {
        var entity = PostEntityMapper.ToEntity(post);
        entity.PartitionKey = PostEntityMapper.PreviousPostPartition(post);
        return entity;
    }

    /// <summary>Daily values as the first layout stored them: PK {brand}|{channel}|{metric}, RK the date.</summary>
    private static TableEntity LegacyDaily(DailyMetric value)
    {
        var entity = PostEntityMapper.ToEntity(value);
        entity.PartitionKey = string.Join('|', value.Brand, value.Channel, TableKeys.Escape(value.Metric));
        return entity;
    }

    private static List<CanonicalPost> Posts() =>
    [
        .. Enumerable.Range(0, 250).Select(i => Post("acme", i % 2 == 0 ? Channels.Instagram : Channels.X, "p/" + i.ToString(CultureInfo.InvariantCulture), Start.AddHours(i * 7), 100 + i)),
        Post("acme", Channels.YouTube, "vid", Start, 40) with { Kind = ExportKind.Range, RangeFrom = new DateOnly(2025, 11, 1), RangeTo = new DateOnly(2025, 11, 30) },
        Post("acme", Channels.YouTube, "vid", Start, 90) with { Kind = ExportKind.Range, RangeFrom = new DateOnly(2025, 11, 1), RangeTo = new DateOnly(2025, 12, 31) },
    ];

    private static List<DailyMetric> DailyValues() =>
        Enumerable.Range(0, 120).Select(i => Daily("acme", Channels.Instagram, "followers", new DateOnly(2025, 10, 1).AddDays(i), 1000 + i)).ToList();

    private async Task SeedLegacyAsync(IEnumerable<CanonicalPost> posts, IEnumerable<DailyMetric> daily)
    {
        var postsTable = await _clients.TableAsync(StorageDefaults.PostsTable, Ct);
        foreach (var post in posts)
        {
            await postsTable.UpsertEntityAsync(LegacyPost(post), TableUpdateMode.Replace, Ct);
        }

        var dailyTable = await _clients.TableAsync(StorageDefaults.DailyTable, Ct);
        foreach (var value in daily)
        {
            await dailyTable.UpsertEntityAsync(LegacyDaily(value), TableUpdateMode.Replace, Ct);
        }
    }

    private async Task SeedSixteenBucketsAsync(IEnumerable<CanonicalPost> posts)
    {
        var table = await _clients.TableAsync(StorageDefaults.PostsTable, Ct);
        foreach (var group in posts.Select(SixteenBucketPost).GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in group.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), Ct);
            }
        }
    }

    private async Task<List<CanonicalPost>> AllPostsAsync()
    {
        var posts = new List<CanonicalPost>();
        await foreach (var post in Store().QueryPostsAsync(BrandName.Parse("acme"), null, Start.AddYears(-1), Start.AddYears(1), Ct))
        {
            posts.Add(post);
        }

        return posts;
    }

    private async Task<List<string>> PartitionKeysAsync(string table)
    {
        var client = await _clients.TableAsync(table, Ct);
        var keys = new List<string>();
        await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: Ct))
        {
            keys.Add(entity.PartitionKey);
        }

        return keys;
    }

    private static string Fingerprint(CanonicalPost p) => $"{p.Channel} {p.PostId} {p.PublishedAt:O} {p.Impressions} {p.RangeFrom} {p.RangeTo} {p.Kind}";

    [Fact]
    public async Task Run_OldLayout_EveryRowReadableUnderNewKeysAndNoOldKeyLeft()
    {
        var posts = Posts();
        var daily = DailyValues();
        await SeedLegacyAsync(posts, daily);
        Assert.Empty(await AllPostsAsync());

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.True(summary.Complete);
        Assert.Equal((posts.Count, daily.Count), (summary.Posts.Moved, summary.Daily.Moved));
        Assert.Equal(posts.Select(Fingerprint).Order(), (await AllPostsAsync()).Select(Fingerprint).Order());
        var readDaily = new List<DailyMetric>();
        await foreach (var value in Store().QueryDailyAsync(BrandName.Parse("acme"), Channels.Instagram, "followers", null, null, Ct))
        {
            readDaily.Add(value);
        }

        Assert.Equal(daily.Select(v => (v.Date, v.Value)), readDaily.OrderBy(v => v.Date).Select(v => (v.Date, v.Value)));
        Assert.DoesNotContain(await PartitionKeysAsync(StorageDefaults.PostsTable), TableKeyMigration.IsLegacyPartition);
        Assert.DoesNotContain(await PartitionKeysAsync(StorageDefaults.DailyTable), TableKeyMigration.IsLegacyPartition);
    }

    [Fact]
    public async Task Run_Twice_SecondRunMovesNothingAndChangesNothing()
    {
        await SeedLegacyAsync(Posts(), DailyValues());
        await Migration().RunAsync(dryRun: false, progress: null, Ct);
        var before = (await AllPostsAsync()).Select(Fingerprint).Order().ToList();

        var again = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.Equal((0, 0, 0, 0), (again.Posts.Moved, again.Daily.Moved, again.Posts.Superseded, again.Posts.Failed));
        Assert.Equal(Posts().Count, again.Posts.Scanned);
        Assert.Equal(before, (await AllPostsAsync()).Select(Fingerprint).Order());
    }

    [Fact]
    public async Task Run_DryRun_CountsButChangesNothing()
    {
        await SeedLegacyAsync(Posts(), DailyValues());

        var summary = await Migration().RunAsync(dryRun: true, progress: null, Ct);

        Assert.Equal((Posts().Count, DailyValues().Count), (summary.Posts.Moved, summary.Daily.Moved));
        Assert.False(summary.Complete);
        Assert.Empty(await AllPostsAsync());
        Assert.All(await PartitionKeysAsync(StorageDefaults.PostsTable), k => Assert.True(TableKeyMigration.IsLegacyPartition(k), k));
    }

    [Fact]
    public async Task Run_PostUploadedAgainUnderNewKeys_TheLaterUploadIsKept()
    {
        var old = Post("acme", Channels.Instagram, "ig-1", Start, 100);
        await SeedLegacyAsync([old], []);
        await using (var writer = Store().OpenWriter())
        {
            // After the new version went live, a newer export of the same post arrived.
            await writer.WriteAsync(old with { Impressions = 250 }, Ct);
            await writer.CompleteAsync(Ct);
        }

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.Equal((0, 1), (summary.Posts.Moved, summary.Posts.Superseded));
        Assert.Equal(250, Assert.Single(await AllPostsAsync()).Impressions);
        Assert.DoesNotContain(await PartitionKeysAsync(StorageDefaults.PostsTable), TableKeyMigration.IsLegacyPartition);
    }

    [Fact]
    public async Task Run_OldRowWrittenAgainAfterAnInterruptedRun_CopyRefreshedFromIt()
    {
        // A run copied the row but stopped before deleting it; then an old instance of the app updated the old row.
        var old = Post("acme", Channels.Instagram, "ig-1", Start, 100);
        await SeedLegacyAsync([old], []);
        await Migration().RunAsync(dryRun: false, progress: null, Ct);
        await SeedLegacyAsync([old with { Impressions = 130 }], []);

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.Equal(1, summary.Posts.Moved);
        Assert.Equal(130, Assert.Single(await AllPostsAsync()).Impressions);
    }

    [Fact]
    public async Task Run_BothEarlierLayouts_EveryPostOnceUnderCurrentKeysAndNoOldKeyLeft()
    {
        var posts = Posts();
        await SeedLegacyAsync(posts.Take(100), []);
        await SeedSixteenBucketsAsync(posts.Skip(100));
        Assert.Empty(await AllPostsAsync()); // a row not yet moved is not read (nor read twice once it is)

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.True(summary.Complete);
        Assert.Equal(posts.Count, summary.Posts.Moved);
        Assert.Equal(posts.Select(Fingerprint).Order(), (await AllPostsAsync()).Select(Fingerprint).Order());
        var keys = await PartitionKeysAsync(StorageDefaults.PostsTable);
        Assert.Equal(posts.Count, keys.Count);
        Assert.All(keys, k => Assert.Matches(@"^acme\|m20\d\d-\d\d\|[01][0-9a-f]$", k));
    }

    [Fact]
    public async Task Run_InterruptedAfterItsFirstPage_RunAgainFinishesWithEveryPostOnce()
    {
        var posts = Posts();
        await SeedSixteenBucketsAsync(posts);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var interrupted = new TableKeyMigration(_clients) { PageSize = 40 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted.RunAsync(dryRun: false, new StopAfterFirstReport(stop), stop.Token));
        var halfway = await AllPostsAsync();
        Assert.InRange(halfway.Count, 1, posts.Count - 1); // it did stop part-way
        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.True(summary.Complete);
        Assert.Equal(posts.Count - halfway.Count, summary.Posts.Moved);
        Assert.Equal(posts.Select(Fingerprint).Order(), (await AllPostsAsync()).Select(Fingerprint).Order());
        Assert.Equal(posts.Count, (await PartitionKeysAsync(StorageDefaults.PostsTable)).Count);
        Assert.DoesNotContain(await PartitionKeysAsync(StorageDefaults.PostsTable), TableKeyMigration.IsLegacyPartition);
    }

    [Fact]
    public async Task Run_AppRowOlderThanTheOldRow_TheOldRowsLaterWriteWins()
    {
        // During a deploy: the new version stored the post first, then an instance still on the old keys wrote it again.
        var post = Post("acme", Channels.Instagram, "ig-1", Start, 100);
        await using (var writer = Store().OpenWriter())
        {
            await writer.WriteAsync(post, Ct);
            await writer.CompleteAsync(Ct);
        }

        // The old row must carry the later table timestamp: write it until the server's clock has moved past the app's write.
        var table = await _clients.TableAsync(StorageDefaults.PostsTable, Ct);
        var stored = (await PartitionKeysAsync(StorageDefaults.PostsTable)).Single();
        var appWrite = (await table.GetEntityAsync<TableEntity>(stored, PostEntityMapper.PostRow(post), cancellationToken: Ct)).Value.Timestamp;
        var legacy = LegacyPost(post with { Impressions = 180 });
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            await table.UpsertEntityAsync(legacy, TableUpdateMode.Replace, Ct);
            if ((await table.GetEntityAsync<TableEntity>(legacy.PartitionKey, legacy.RowKey, cancellationToken: Ct)).Value.Timestamp > appWrite)
            {
                break;
            }
        }

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.Equal((1, 0), (summary.Posts.Moved, summary.Posts.Superseded));
        Assert.Equal(180, Assert.Single(await AllPostsAsync()).Impressions);
        Assert.DoesNotContain(await PartitionKeysAsync(StorageDefaults.PostsTable), TableKeyMigration.IsLegacyPartition);
    }

    [Fact]
    public async Task Run_OneOfManyAlreadyUploadedUnderNewKeys_TheOthersMoveAndThatOneIsSuperseded()
    {
        // The transaction that copies a partition's rows fails on the one key that exists; every row is still settled.
        var posts = Enumerable.Range(0, 30).Select(i => Post("acme", Channels.Instagram, "ig-" + i.ToString(CultureInfo.InvariantCulture), Start.AddMinutes(i), 100 + i)).ToList();
        await SeedLegacyAsync(posts, []);
        await using (var writer = Store().OpenWriter())
        {
            await writer.WriteAsync(posts[7] with { Impressions = 999 }, Ct);
            await writer.CompleteAsync(Ct);
        }

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.True(summary.Complete);
        Assert.Equal((posts.Count - 1, 1), (summary.Posts.Moved, summary.Posts.Superseded));
        var read = await AllPostsAsync();
        Assert.Equal(posts.Count, read.Count);
        Assert.Equal(999, read.Single(p => p.PostId == "ig-7").Impressions);
        Assert.All(read.Where(p => p.PostId != "ig-7"), p => Assert.Equal(posts.Single(o => o.PostId == p.PostId).Impressions, p.Impressions));
        Assert.DoesNotContain(await PartitionKeysAsync(StorageDefaults.PostsTable), TableKeyMigration.IsLegacyPartition);
    }

    [Fact]
    public async Task Run_RowsMissingWhatTheirNewKeyNeeds_CountedUnreadableLeftInPlaceAndNotComplete()
    {
        await SeedLegacyAsync([Post("acme", Channels.Instagram, "ig-1", Start, 100)], [Daily("acme", Channels.Instagram, "followers", new DateOnly(2025, 11, 1), 10)]);
        var posts = await _clients.TableAsync(StorageDefaults.PostsTable, Ct);
        var withoutDate = new TableEntity("acme|instagram|2025-10", "ig-2") { ["Brand"] = "acme", ["Channel"] = "instagram", ["PostId"] = "ig-2" };
        var withoutId = new TableEntity("acme|instagram|2025-10", "ig-3") { ["Brand"] = "acme", ["Channel"] = "instagram", ["PublishedAt"] = Start };
        await posts.AddEntityAsync(withoutDate, Ct);
        await posts.AddEntityAsync(withoutId, Ct);
        var daily = await _clients.TableAsync(StorageDefaults.DailyTable, Ct);
        await daily.AddEntityAsync(new TableEntity("acme|instagram|reach", "2025-11-02") { ["Brand"] = "acme", ["Channel"] = "instagram", ["Value"] = 5.0 }, Ct);

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.False(summary.Complete);
        Assert.Equal((3, 1, 2), (summary.Posts.Scanned, summary.Posts.Moved, summary.Posts.Unreadable));
        Assert.Equal((2, 1, 1), (summary.Daily.Scanned, summary.Daily.Moved, summary.Daily.Unreadable));
        Assert.Equal(2, (await PartitionKeysAsync(StorageDefaults.PostsTable)).Count(TableKeyMigration.IsLegacyPartition));
        Assert.Single(await PartitionKeysAsync(StorageDefaults.DailyTable), TableKeyMigration.IsLegacyPartition);
    }

    [Fact]
    public async Task Run_DailyValueRecordedAgainUnderNewKeys_TheLaterValueIsKept()
    {
        var day = new DateOnly(2025, 11, 1);
        await SeedLegacyAsync([], [Daily("acme", Channels.Instagram, "followers", day, 10), Daily("acme", Channels.Instagram, "followers", day.AddDays(1), 11)]);
        await using (var writer = Store().OpenWriter())
        {
            await writer.WriteAsync(Daily("acme", Channels.Instagram, "followers", day, 42), Ct);
            await writer.CompleteAsync(Ct);
        }

        var summary = await Migration().RunAsync(dryRun: false, progress: null, Ct);

        Assert.Equal((1, 1), (summary.Daily.Moved, summary.Daily.Superseded));
        var read = new List<DailyMetric>();
        await foreach (var value in Store().QueryDailyAsync(BrandName.Parse("acme"), Channels.Instagram, "followers", null, null, Ct))
        {
            read.Add(value);
        }

        Assert.Equal([(day, 42.0), (day.AddDays(1), 11.0)], read.OrderBy(v => v.Date).Select(v => (v.Date, v.Value)));
    }

    [Fact]
    public async Task Run_PagedScan_ReportsTheRunningTallyOncePerPageOfEachTable()
    {
        await SeedLegacyAsync(Posts().Take(25), DailyValues().Take(12));
        var reports = new List<KeyMigrationProgress>();

        var summary = await new TableKeyMigration(_clients) { PageSize = 10 }.RunAsync(dryRun: false, new Collect(reports), Ct);

        var posts = reports.Where(r => r.Table == StorageDefaults.PostsTable).ToList();
        var daily = reports.Where(r => r.Table == StorageDefaults.DailyTable).ToList();
        // The scan also meets the copies this run wrote under new keys (read, skipped): a page adds 1 to 10 rows read.
        Assert.Equal([10L, 20L], posts.Select(r => r.Scanned).Take(2));
        Assert.All(posts.Zip(posts.Skip(1)), p => Assert.InRange(p.Second.Scanned - p.First.Scanned, 1, 10));
        Assert.Equal(posts.Select(r => r.Moved), posts.Select(r => r.Moved).Order());
        Assert.Equal(10, daily[0].Scanned);
        Assert.Equal(summary.Posts, posts[^1]);
        Assert.Equal(summary.Daily, daily[^1]);
        Assert.Equal((25L, 12L), (summary.Posts.Moved, summary.Daily.Moved));
    }

    private sealed class Collect(List<KeyMigrationProgress> reports) : IProgress<KeyMigrationProgress>
    {
        public void Report(KeyMigrationProgress value) => reports.Add(value);
    }

    /// <summary>Cancels the run when it reports its first page (as Ctrl+C would between two pages).</summary>
    private sealed class StopAfterFirstReport(CancellationTokenSource stop) : IProgress<KeyMigrationProgress>
    {
        public void Report(KeyMigrationProgress value) => stop.Cancel();
    }

    [Theory]
    [InlineData("acme|instagram|2025-11", true)]
    [InlineData("acme|instagram|followers", true)]
    [InlineData("acme|2025-11|0a", true)]
    [InlineData("acme|m2025-11|0a", false)]
    [InlineData("acme|2025|instagram|followers", false)]
    [InlineData("acme|2025-1x|0a", false)]
    [InlineData("x|x|2025-11", true)]
    public void IsLegacyPartition_TellsTheLayoutsApart(string key, bool legacy) =>
        Assert.Equal(legacy, TableKeyMigration.IsLegacyPartition(key));
}
