using System.Net;
using Microsoft.Extensions.Options;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Faults;

/// <summary>
/// The server process killed after some batches of a large upload, started again, the same file sent again: the store
/// holds exactly the file's rows with their final values (the later of two rows for a post), and the upload record
/// shows both attempts.
/// </summary>
public sealed class UploadCrashTests(AzuriteFixture azurite)
{
    private const string Brand = "crash";
    private const int Posts = 2400;
    private const int RepeatEvery = 7;
    private const int BatchesBeforeTheKill = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Impressions(int i) => 10_000 + (i * 3);

    [Fact]
    public async Task Upload_ServerKilledAfterSomeBatches_SecondAttemptLeavesExactlyTheFilesRowsAndBothAttemptsOnRecord()
    {
        var prefix = AzuriteFixture.UniqueName("k")[..12];
        // The killed process cannot delete its upload spool: outbox and spool live in a folder of this test's own.
        var scratch = Directory.CreateTempSubdirectory("sf-crash-");
        await using var cleanup = new DirectoryCleanup(scratch);
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionStringVia(table: proxy.Address),
            ["Storage__Prefix"] = prefix,
            ["Storage__MaxParallelBatches"] = "1", // one batch at a time, so the kill lands between two of them
            ["Outbox__Path"] = Path.Combine(scratch.FullName, "outbox"),
            ["Ingest__SpoolDirectory"] = Path.Combine(scratch.FullName, "spool"),
        };
        var csv = CanonicalExport.Csv(Posts, Impressions, repeatEvery: RepeatEvery);
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = prefix }));
        IUploadLog uploads = new UploadTableLog(clients);

        // Attempt 1: killed once a few transactions were applied.
        await using (var first = await LocalServerProcess.StartAsync(environment, Ct))
        {
            var applied = 0;
            proxy.Handled += request =>
            {
                if (request.IsBatch && request.UpstreamStatus == 202 && Interlocked.Increment(ref applied) == BatchesBeforeTheKill)
                {
                    first.Kill();
                }
            };

            await Assert.ThrowsAnyAsync<HttpRequestException>(() => CanonicalExport.UploadAsync(first.Client, Brand, csv, "big.csv", Ct));
        }

        var afterCrash = await StoredAsync(clients);
        Assert.InRange(afterCrash.Count, 1, Posts - 1);
        var interrupted = Assert.Single(await ListAsync(uploads));
        Assert.Equal((UploadStatus.InProgress, 1), (interrupted.Status, interrupted.Attempts));

        // Attempt 2: a fresh process, the same file.
        await using var second = await LocalServerProcess.StartAsync(environment, Ct);
        using var response = await CanonicalExport.UploadAsync(second.Client, Brand, csv, "big.csv", Ct);
        var file = await CanonicalExport.SingleFileAsync(response, Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, second.Output);
        Assert.Equal("accepted", file.GetProperty("status").GetString());
        Assert.Equal(Posts + ((Posts + RepeatEvery - 1) / RepeatEvery), file.GetProperty("rowsAccepted").GetInt32());
        var stored = await StoredAsync(clients);
        Assert.Equal(
            CanonicalExport.Expected(Posts, Impressions, RepeatEvery).OrderBy(e => e.Key),
            stored.Select(p => KeyValuePair.Create(p.PostId, p.Impressions!.Value)).OrderBy(e => e.Key));
        var completed = Assert.Single(await ListAsync(uploads));
        Assert.Equal((UploadStatus.Accepted, 2, interrupted.ReceivedAt), (completed.Status, completed.Attempts, completed.ReceivedAt));
        Assert.True(completed.LastAttemptAt > interrupted.LastAttemptAt);
    }

    private sealed class DirectoryCleanup(DirectoryInfo directory) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            directory.Refresh();
            if (directory.Exists)
            {
                directory.Delete(recursive: true);
            }

            return ValueTask.CompletedTask;
        }
    }

    private static async Task<List<CanonicalPost>> StoredAsync(StorageClients clients)
    {
        var store = new TableRecordStore(clients, Options.Create(new StorageOptions()));
        var posts = new List<CanonicalPost>();
        await foreach (var post in store.QueryPostsAsync(BrandName.Parse(Brand), null, CanonicalExport.Month, CanonicalExport.Month.AddMonths(1), Ct))
        {
            posts.Add(post);
        }

        return posts;
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
