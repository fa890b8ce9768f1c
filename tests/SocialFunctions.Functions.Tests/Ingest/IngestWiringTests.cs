using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Ports;
using SocialFunctions.Functions.Queues;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Ingest;

/// <summary>
/// What an upload does besides parsing, seen from outside through HTTP and Azurite: the raw file is kept in Blob
/// Storage, the list of bad rows is capped, and a series check is queued only when rows were stored.
/// </summary>
public sealed class IngestWiringTests(AzuriteFixture azurite)
{
    private const string Brand = "acme";
    private const string Header = "channel,postId,publishedAt,text,impressions,reactions\n";

    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_AcceptedAndRejectedFiles_BothKeptByteForByteInBlobStorageUnderTheirHash()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: Ct);
        var good = Encoding.UTF8.GetBytes(Header + "reddit,r1,2026-10-01T09:00:00Z,Hello,100,5\n");
        var broken = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>");

        using var accepted = await UploadAsync(server, good, "Reddit október.csv");
        using var rejected = await UploadAsync(server, broken, "error-page.csv");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var container = await server.Services.GetRequiredService<StorageClients>().ContainerAsync(StorageDefaults.RawExportsContainer, Ct);
        foreach (var (bytes, name) in new[] { (good, "Reddit október.csv"), (broken, "error-page.csv") })
        {
            var blob = container.GetBlobClient($"{Brand}/{Hash(bytes)}");
            var download = (await blob.DownloadContentAsync(Ct)).Value;
            Assert.Equal(bytes, download.Content.ToArray());
            var metadata = (await blob.GetPropertiesAsync(cancellationToken: Ct)).Value.Metadata;
            Assert.Equal(name, Uri.UnescapeDataString(metadata["originalname"]));
            Assert.Equal(Now, DateTimeOffset.Parse(metadata["receivedat"], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Upload_MoreBadRowsThanTheCap_CountsEveryOneButListsOnlyTheFirstHundred()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: Ct);
        var csv = new StringBuilder(Header).Append("reddit,ok,2026-10-01T09:00:00Z,Fine,10,1\n");
        const int bad = ExportIngestor.MaxListedErrors + 50;
        for (var i = 0; i < bad; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"reddit,b{i},not-a-date,Broken,1,1\n");
        }

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(csv.ToString()), "many-errors.csv");
        var file = await SingleFileAsync(response);
        var errors = file.GetProperty("errors").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("partial", 1, bad), (file.GetProperty("status").GetString(), file.GetProperty("rowsAccepted").GetInt32(), file.GetProperty("rowsRejected").GetInt32()));
        Assert.Equal(ExportIngestor.MaxListedErrors, errors.Count);

        // The first hundred, in file order: the header is line 1 and the good row line 2.
        Assert.Equal(Enumerable.Range(3, ExportIngestor.MaxListedErrors), errors.Select(e => e.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Upload_RowsStored_QueuesOneSeriesCheckNamingTheBrand()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: Ct);

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(Header + "reddit,r1,2026-10-01T09:00:00Z,Hello,100,5\n"), "reddit.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await PeekSeriesChecksAsync(server));
        Assert.Equal(Brand, JsonSerializer.Deserialize<BrandWorkItem>(message, JsonSerializerOptions.Web)!.Brand);
    }

    [Fact]
    public async Task Upload_NothingNewStored_QueuesNoSeriesCheck()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: Ct);
        var csv = Encoding.UTF8.GetBytes(Header + "reddit,r1,2026-10-01T09:00:00Z,Hello,100,5\n");
        using var first = await UploadAsync(server, csv, "reddit.csv");
        var queue = await server.Services.GetRequiredService<StorageClients>().QueueAsync(WorkQueues.SeriesChecks, Ct);
        await queue.ClearMessagesAsync(Ct);

        using var duplicate = await UploadAsync(server, csv, "reddit-again.csv");
        using var rejected = await UploadAsync(server, Encoding.UTF8.GetBytes("Foo,Bar\n1,2\n"), "mystery.csv");

        Assert.True((await SingleFileAsync(duplicate)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Empty(await PeekSeriesChecksAsync(server));
    }

    private static async Task<List<string>> PeekSeriesChecksAsync(FunctionsServer server)
    {
        var queue = await server.Services.GetRequiredService<StorageClients>().QueueAsync(WorkQueues.SeriesChecks, Ct);
        return [.. (await queue.PeekMessagesAsync(32, Ct)).Value.Select(m => m.MessageText)];
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<HttpResponseMessage> UploadAsync(FunctionsServer server, byte[] body, string fileName)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await server.Client.PostAsync($"api/brands/{Brand}/exports?filename={Uri.EscapeDataString(fileName)}", content, Ct);
    }

    private static async Task<JsonElement> SingleFileAsync(HttpResponseMessage response) =>
        Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("files").EnumerateArray().ToList());
}
