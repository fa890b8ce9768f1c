using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Faults;

/// <summary>
/// Table Storage faults injected by a proxy on loopback between the app and Azurite: the SDK's bounded retries absorb
/// short faults; a fault that outlasts them is a 503 with Retry-After (never a 500, never a 200 on part of the file);
/// a write applied upstream whose answer was lost is recognised as our own when the retry finds it.
/// </summary>
public sealed class StorageFaultTests(AzuriteFixture azurite)
{
    private const string Brand = "faults";
    private const int Posts = 240;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Impressions(int i) => 1000 + i;

    private async Task<(FaultProxy Proxy, FunctionsServer Server)> StartAsync()
    {
        var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        var server = await FunctionsServer.StartAsync(
            azurite,
            new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionStringVia(table: proxy.Address),
                ["Storage:MaxRetries"] = "2",
                ["Storage:RetryDelay"] = "00:00:00.050",
                ["Storage:MaxRetryDelay"] = "00:00:00.200",
                ["Storage:NetworkTimeout"] = "00:00:01",
                ["Storage:RetryAfter"] = "00:00:20",
            },
            Ct);
        return (proxy, server);
    }

    /// <summary>Fails the first <paramref name="count"/> entity-group transactions with <paramref name="fault"/>.</summary>
    private static Func<ProxiedRequest, ProxyFault?> FirstBatches(int count, ProxyFault fault)
    {
        var seen = 0;
        return r => r.IsBatch && Interlocked.Increment(ref seen) <= count ? fault : null;
    }

    private static void AssertExactlyTheFile(List<CanonicalPost> stored)
    {
        var expected = CanonicalExport.Expected(Posts, Impressions);
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected.OrderBy(e => e.Key), stored.Select(p => KeyValuePair.Create(p.PostId, p.Impressions!.Value)).OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Upload_TableBusyForTwoBatches_SdkRetriesThemAndEveryRowIsStoredOnce()
    {
        var (proxy, server) = await StartAsync();
        await using var _ = proxy;
        await using var __ = server;
        proxy.Rule = FirstBatches(2, ProxyFault.ServerBusy());

        using var response = await CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Impressions), "busy.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, proxy.Count(r => r.IsBatch && r.Fault is not null));
        Assert.True(proxy.Count(r => r.IsBatch && r.Fault is null) > 2, "every batch, the two refused ones included, must reach the table");
        AssertExactlyTheFile(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
    }

    [Fact]
    public async Task Upload_ConnectionResetBeforeTheWrite_RetriedAndStored()
    {
        var (proxy, server) = await StartAsync();
        await using var _ = proxy;
        await using var __ = server;
        proxy.Rule = FirstBatches(1, ProxyFault.ConnectionReset);

        using var response = await CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Impressions), "reset.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, proxy.Count(r => r.Fault == ProxyFault.ConnectionReset));
        AssertExactlyTheFile(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
    }

    [Fact]
    public async Task Upload_BatchAnswerLostAfterTheWrite_RetryFindsTheRowsAndRecognisesThemAsItsOwn()
    {
        var (proxy, server) = await StartAsync();
        await using var _ = proxy;
        await using var __ = server;
        proxy.Rule = FirstBatches(1, ProxyFault.LostResponse);

        using var response = await CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Impressions), "lost.csv", Ct);
        var file = await CanonicalExport.SingleFileAsync(response, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", file.GetProperty("status").GetString());
        var lost = Assert.Single(proxy.Requests, r => r.Fault == ProxyFault.LostResponse);
        Assert.Equal(202, lost.UpstreamStatus);
        Assert.DoesNotContain("EntityAlreadyExists", lost.UpstreamText, StringComparison.Ordinal); // the write itself happened

        // The SDK sent the same transaction again (more than once when the machine is slow): the rows were there, so
        // it was refused (409) ...
        var retries = proxy.Requests.Where(r => r.IsBatch && r != lost && r.Body.AsSpan().SequenceEqual(lost.Body)).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, retry => Assert.Contains("409", retry.UpstreamText, StringComparison.Ordinal));

        // ... the writer read that partition's versions, found its own, and wrote nothing more to it. (Other partitions'
        // batches may still be on their way: 240 posts over a month's buckets are many small batches, 8 in flight.)
        var partition = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(lost.Body), "\"PartitionKey\":\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(partition);
        var read = proxy.Requests.First(r => r.Method == "GET" && r.PathAndQuery.Contains("$select=RowKey", StringComparison.Ordinal)
            && Uri.UnescapeDataString(r.PathAndQuery).Contains($"'{partition}'", StringComparison.Ordinal));
        Assert.DoesNotContain(proxy.Requests.SkipWhile(r => r != read), r => r.IsBatch && System.Text.Encoding.UTF8.GetString(r.Body).Contains($"\"{partition}\"", StringComparison.Ordinal));
        AssertExactlyTheFile(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
        Assert.All(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct), p => Assert.Equal(file.GetProperty("uploadId").GetString(), p.UploadId));
    }

    [Fact]
    public async Task Upload_TableStaysBusy_Answers503WithRetryAfterAndTheSameFileCompletesOnItsSecondAttempt()
    {
        var (proxy, server) = await StartAsync();
        await using var _ = proxy;
        await using var __ = server;
        var csv = CanonicalExport.Csv(Posts, Impressions);
        proxy.Rule = r => r.IsBatch ? ProxyFault.ServerBusy(TimeSpan.FromSeconds(1)) : null;

        using var refused = await CanonicalExport.UploadAsync(server.Client, Brand, csv, "down.csv", Ct);
        var problem = await CanonicalExport.ProblemAsync(refused, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("20", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("Storage is unavailable.", problem.GetProperty("title").GetString());
        var uploads = server.Services.GetRequiredService<IUploadLog>();
        var interrupted = Assert.Single(await ListAsync(uploads));
        Assert.Equal((UploadStatus.InProgress, 1), (interrupted.Status, interrupted.Attempts));

        proxy.Rule = _ => null;
        using var retried = await CanonicalExport.UploadAsync(server.Client, Brand, csv, "down.csv", Ct);
        var file = await CanonicalExport.SingleFileAsync(retried, Ct);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(file.GetProperty("duplicate").GetBoolean());
        var completed = Assert.Single(await ListAsync(uploads));
        Assert.Equal((UploadStatus.Accepted, 2, interrupted.ReceivedAt), (completed.Status, completed.Attempts, completed.ReceivedAt));
        AssertExactlyTheFile(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
    }

    [Fact]
    public async Task Upload_TableNeverAnswers_Answers503AfterTheBoundedAttempts()
    {
        var (proxy, server) = await StartAsync();
        await using var _ = proxy;
        await using var __ = server;
        proxy.Rule = r => r.IsBatch ? ProxyFault.Timeout(TimeSpan.FromSeconds(30)) : null;

        using var response = await CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Impressions), "slow.csv", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.Contains("Retry-After"));

        // Each transaction was tried 1 + MaxRetries (2) times, never more: 32 buckets at most, 3 tries each.
        var batches = proxy.Count(r => r.IsBatch);
        Assert.InRange(batches, 3, 32 * 3);
    }

    [Fact]
    public async Task ListPosts_TableDown_Answers503NotA500()
    {
        var (proxy, server) = await StartAsync();
        await using var _ = proxy;
        await using var __ = server;
        proxy.Rule = r => r.Method == "GET" ? ProxyFault.ServerBusy() : null;

        using var response = await server.Client.GetAsync($"api/brands/{Brand}/posts?from=2026-10-01&to=2026-11-01", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("20", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal(3, proxy.Count(r => r.Fault is not null)); // one call, 1 + 2 retries
    }

    private static async Task<List<UploadRecord>> ListAsync(IUploadLog uploads)
    {
        var records = new List<UploadRecord>();
        await foreach (var record in uploads.ListAsync(BrandName.Parse(Brand), Ct))
        {
            records.Add(record);
        }

        return records;
    }
}
