using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Ingest;

public sealed class IngestExportFunctionTests(AzuriteFixture azurite)
{
    private const string Brand = "acme";

    private static readonly string CanonicalCsv =
        "channel,postId,publishedAt,text,permalink,contentType,impressions,reach,reactions,comments,shares,saves,clicks\n" +
        "reddit,r1,2026-10-01T09:00:00Z,First thread,https://reddit.com/r/x/1,text,1000,800,50,10,5,2,20\n" +
        "reddit,r2,2026-10-05T09:00:00Z,\"Second, with a comma\",https://reddit.com/r/x/2,link,2000,1500,70,20,5,,30\n" +
        "reddit,r3,2026-10-09T09:00:00Z,Third #TipTuesday,https://reddit.com/r/x/3,image,500,400,10,1,0,0,5\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_CanonicalCsv_StoresEveryRowWithItsMetrics()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, CanonicalCsv, "reddit.csv");
        var file = await SingleFileAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("accepted", file.GetProperty("status").GetString());
        Assert.Equal("canonical", file.GetProperty("format").GetString()?.Split('-')[0]);
        Assert.Equal(3, file.GetProperty("rowsAccepted").GetInt32());
        Assert.Equal(0, file.GetProperty("rowsRejected").GetInt32());
        Assert.False(file.GetProperty("duplicate").GetBoolean());
        Assert.Equal("2026-10-01", file.GetProperty("from").GetString());
        Assert.Equal("2026-10-09", file.GetProperty("to").GetString());

        var posts = await GetPostsAsync(server, "channel=reddit");
        Assert.Equal(3, posts.Count);
        Assert.Equal(3500, posts.Sum(p => p.GetProperty("impressions").GetInt64()));
        var second = posts.Single(p => p.GetProperty("postId").GetString() == "r2");
        Assert.Equal("Second, with a comma", second.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("saves").ValueKind);
    }

    [Fact]
    public async Task Upload_SameFileTwice_ReportsDuplicateAndChangesNothing()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        using var first = await UploadAsync(server, CanonicalCsv, "reddit.csv");
        var firstFile = await SingleFileAsync(first);
        var before = await GetPostsAsync(server, "channel=reddit");

        using var second = await UploadAsync(server, CanonicalCsv, "copy-of-reddit.csv");
        var secondFile = await SingleFileAsync(second);
        var after = await GetPostsAsync(server, "channel=reddit");

        Assert.True(secondFile.GetProperty("duplicate").GetBoolean());
        Assert.Equal(firstFile.GetProperty("uploadId").GetString(), secondFile.GetProperty("uploadId").GetString());
        Assert.Equal(3, secondFile.GetProperty("rowsAccepted").GetInt32());
        Assert.Equal(
            before.Select(p => p.GetRawText()).Order(),
            after.Select(p => p.GetRawText()).Order());
    }

    [Fact]
    public async Task Upload_NewerExportOfSamePosts_UpdatesTheirMetrics()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        await UploadAsync(server, CanonicalCsv, "reddit.csv");
        var newer = CanonicalCsv.Replace(",1000,800,", ",1400,900,", StringComparison.Ordinal);

        using var response = await UploadAsync(server, newer, "reddit-later.csv");
        var file = await SingleFileAsync(response);
        var posts = await GetPostsAsync(server, "channel=reddit");

        Assert.False(file.GetProperty("duplicate").GetBoolean());
        Assert.Equal(3, posts.Count);
        Assert.Equal(1400, posts.Single(p => p.GetProperty("postId").GetString() == "r1").GetProperty("impressions").GetInt64());
    }

    [Fact]
    public async Task Upload_MultipartWithTwoFiles_AnswersForEach()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(CanonicalCsv)), "files", "reddit.csv" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Error 502</body></html>")), "files", "broken.csv" },
        };

        using var response = await server.Client.PostAsync($"api/brands/{Brand}/exports", content, Ct);
        var files = (await JsonAsync(response)).GetProperty("files").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["reddit.csv", "broken.csv"], files.Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal(["accepted", "rejected"], files.Select(f => f.GetProperty("status").GetString()));
        Assert.Contains("HTML", files[1].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Upload_OverTheSizeCap_Answers413WithoutStoringAnything()
    {
        await using var server = await FunctionsServer.StartAsync(
            azurite, new Dictionary<string, string?> { ["Ingest:MaxUploadBytes"] = "1024" }, Ct);
        var big = CanonicalCsv + string.Concat(Enumerable.Range(10, 100).Select(i => $"reddit,r{i},2026-10-01T09:00:00Z,Post {i},,text,1,1,1,1,1,1,1\n"));

        // Chunked (no Content-Length), so the cap must be enforced while reading.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/brands/{Brand}/exports?filename=big.csv") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("limit", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await GetPostsAsync(server, "channel=reddit"));
    }

    [Theory]
    [InlineData("not-a-brand!")]
    [InlineData("UPPER")]
    [InlineData("a-name-that-is-far-too-long-for-a-brand-key-x")]
    public async Task Upload_InvalidBrandName_Answers400(string brand)
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        using var response = await server.Client.PostAsync(
            $"api/brands/{Uri.EscapeDataString(brand)}/exports?filename=x.csv", new StringContent(CanonicalCsv), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[a-z0-9-]{1,40}", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.csv", "", "empty")]
    [InlineData("error-page.csv", "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head></html>", "HTML")]
    [InlineData("report.xlsx", "This is not a workbook, just text renamed to .xlsx", "")]
    public async Task Upload_FileThatIsNotAnExport_Answers422WithAPreciseReason(string fileName, string body, string expected)
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, body, fileName);
        var file = await SingleFileAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("rejected", file.GetProperty("status").GetString());
        var message = file.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Upload_UnknownHeaders_NamesTheHeadersSeen()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, "Foo,Bar,Baz\n1,2,3\n", "mystery.csv");
        var message = (await SingleFileAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString()!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Foo", message, StringComparison.Ordinal);
        Assert.Contains("Baz", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_CanonicalCsvMissingRequiredColumn_SaysWhichColumn()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var withoutDate = "channel,postId,text,impressions\nreddit,r1,Hello,10\n";

        using var response = await UploadAsync(server, withoutDate, "reddit.csv");
        var file = await SingleFileAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("publishedAt", file.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithBadRows_KeepsTheGoodOnesAndListsTheBadWithLineAndColumn()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var csv = CanonicalCsv + "reddit,r4,not-a-date,Broken,,text,1,1,1,1,1,1,1\n";

        using var response = await UploadAsync(server, csv, "reddit.csv");
        var file = await SingleFileAsync(response);
        var error = file.GetProperty("errors")[0];

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("partial", file.GetProperty("status").GetString());
        Assert.Equal(3, file.GetProperty("rowsAccepted").GetInt32());
        Assert.Equal(1, file.GetProperty("rowsRejected").GetInt32());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.Equal(3, error.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Health_WithAzurite_IsHealthy()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.GetAsync("api/health", Ct);
        var body = await JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("storage").GetProperty("tables").GetString());
    }

    [Fact]
    public async Task ListPosts_PagesThroughEveryPostOnce()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var csv = new StringBuilder("channel,postId,publishedAt,impressions\n");
        for (var i = 0; i < 25; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(i % 2 == 0 ? "reddit" : "blog")},p{i},2026-{9 + (i % 2):00}-0{1 + (i % 9)}T10:00:00Z,{i}\n");
        }

        await UploadAsync(server, csv.ToString(), "mixed.csv");
        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            using var response = await server.Client.GetAsync($"api/brands/{Brand}/posts?pageSize=7" + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next)), Ct);
            var body = await JsonAsync(response);
            seen.AddRange(body.GetProperty("posts").EnumerateArray().Select(p => p.GetProperty("postId").GetString()!));
            next = body.GetProperty("next").GetString();
            pages++;
        }
        while (next is not null && pages < 20);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"p{i}").Order(), seen.Order());
        Assert.True(pages >= 4);
    }

    private static async Task<HttpResponseMessage> UploadAsync(FunctionsServer server, string body, string fileName)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await server.Client.PostAsync($"api/brands/{Brand}/exports?filename={Uri.EscapeDataString(fileName)}", content, Ct);
    }

    private static async Task<JsonElement> SingleFileAsync(HttpResponseMessage response) =>
        Assert.Single((await JsonAsync(response)).GetProperty("files").EnumerateArray().ToList());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.False(string.IsNullOrEmpty(text), $"Empty body with status {(int)response.StatusCode}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<List<JsonElement>> GetPostsAsync(FunctionsServer server, string query)
    {
        var posts = new List<JsonElement>();
        string? next = null;
        do
        {
            var url = $"api/brands/{Brand}/posts?{query}" + (next is null ? string.Empty : "&next=" + Uri.EscapeDataString(next));
            using var response = await server.Client.GetAsync(url, Ct);
            var body = await JsonAsync(response);
            posts.AddRange(body.GetProperty("posts").EnumerateArray());
            next = body.GetProperty("next").GetString();
        }
        while (next is not null);

        return posts;
    }
}
