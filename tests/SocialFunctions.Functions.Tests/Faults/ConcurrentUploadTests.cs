using System.Net;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Faults;

/// <summary>
/// Two uploads of the same posts at once: the newer export (by its export time) wins for every post, whichever write
/// lands last, and no post mixes the two; rows of one file listing a post twice keep the later row.
/// </summary>
public sealed class ConcurrentUploadTests(AzuriteFixture azurite)
{
    private const string Brand = "race";
    private const int Posts = 300;
    private static readonly DateTimeOffset OlderExport = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewerExport = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long Older(int i) => 1_000 + i;

    private static long Newer(int i) => 5_000 + i;

    [Fact]
    public async Task Upload_OlderExportsWritesLandAfterTheNewers_NewerExportStillWinsForEveryPost()
    {
        await using var proxy = await FaultProxy.StartAsync(azurite.Endpoint(AzuriteService.Table), Ct);
        await using var server = await FunctionsServer.StartAsync(
            azurite, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = azurite.ConnectionStringVia(table: proxy.Address) }, Ct);

        // Hold back every transaction of the older export, so its rows reach the table after the newer export's.
        var older = OlderExport.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        proxy.Rule = r => r.IsBatch && System.Text.Encoding.UTF8.GetString(r.Body).Contains(older, StringComparison.Ordinal)
            ? ProxyFault.Timeout(TimeSpan.FromMilliseconds(600))
            : null;

        var first = CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Older, OlderExport), "october-early.csv", Ct);
        await Task.Delay(100, Ct);
        var second = CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Newer, NewerExport), "october-late.csv", Ct);
        using var a = await first;
        using var b = await second;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (a.StatusCode, b.StatusCode));
        Assert.Contains(proxy.Requests, r => r.Fault is not null && r.UpstreamStatus == 202);
        var stored = await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct);
        Assert.Equal(
            CanonicalExport.Expected(Posts, Newer).OrderBy(e => e.Key),
            stored.Select(p => KeyValuePair.Create(p.PostId, p.Impressions!.Value)).OrderBy(e => e.Key));
        Assert.All(stored, p => Assert.Equal(NewerExport, p.ExportedAt));
    }

    [Fact]
    public async Task Upload_TwoExportsAtOnceWithoutExportTimes_EveryPostEndsWithTheSameOneOfThem()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        var uploads = await Task.WhenAll(
            CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Older), "a.csv", Ct),
            CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts, Newer), "b.csv", Ct));
        var files = new List<System.Text.Json.JsonElement>();
        foreach (var upload in uploads)
        {
            files.Add(await CanonicalExport.SingleFileAsync(upload, Ct));
            upload.Dispose();
        }

        // No mix: one upload's version wins for all posts (the later receipt, ties broken by content hash).
        var stored = await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct);
        Assert.Equal(Posts, stored.Count);
        var winner = Assert.Single(stored.Select(p => p.UploadId).Distinct());
        Assert.Contains(winner, files.Select(f => f.GetProperty("uploadId").GetString()));
        var expected = winner == files[0].GetProperty("uploadId").GetString() ? CanonicalExport.Expected(Posts, Older) : CanonicalExport.Expected(Posts, Newer);
        Assert.Equal(expected.OrderBy(e => e.Key), stored.Select(p => KeyValuePair.Create(p.PostId, p.Impressions!.Value)).OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Upload_FileListsPostsTwiceAcrossBatches_TheLaterRowWins()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await CanonicalExport.UploadAsync(server.Client, Brand, CanonicalExport.Csv(Posts * 8, Older, repeatEvery: 5), "twice.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct);
        Assert.Equal(
            CanonicalExport.Expected(Posts * 8, Older, repeatEvery: 5).OrderBy(e => e.Key),
            stored.Select(p => KeyValuePair.Create(p.PostId, p.Impressions!.Value)).OrderBy(e => e.Key));
    }
}
