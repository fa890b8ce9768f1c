using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Functions.Reporting;
using SocialFunctions.Functions.Tests.Faults;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Hostile;

/// <summary>
/// Hostile and broken uploads through HTTP into Azurite: each gets a precise 4xx (what, where, what to do), memory stays
/// bounded, and nothing is stored but the raw archive; awkward but honest files (encodings, formula-like text) are kept
/// exactly as written.
/// </summary>
public sealed class HostileUploadTests(AzuriteFixture azurite)
{
    private const string Brand = "hostile";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(FunctionsServer server, byte[] body, string fileName)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await server.Client.PostAsync($"api/brands/{Brand}/exports?filename={Uri.EscapeDataString(fileName)}", content, Ct);
    }

    /// <summary>The file was refused with this reason, and only its raw archive remains: no post, no daily value.</summary>
    private static async Task AssertRefusedAsync(FunctionsServer server, HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var file = await CanonicalExport.SingleFileAsync(response, Ct);
        Assert.Equal("rejected", file.GetProperty("status").GetString());
        var error = Assert.Single(file.GetProperty("errors").EnumerateArray());
        Assert.Contains(reason, error.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Empty(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
        var daily = server.Services.GetRequiredService<IRecordStore>().QueryDailyAsync(BrandName.Parse(Brand), null, null, null, null, Ct);
        Assert.False(await daily.GetAsyncEnumerator(Ct).MoveNextAsync());
        var container = await server.Services.GetRequiredService<StorageClients>().ContainerAsync(StorageDefaults.RawExportsContainer, Ct);
        var uploadId = file.GetProperty("uploadId").GetString();
        Assert.True((await container.GetBlobClient($"{Brand}/{uploadId}").ExistsAsync(Ct)).Value, "the raw file is archived");
    }

    private static byte[] Zip(CompressionLevel level, params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static readonly byte[] WorkbookXml = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"u8.ToArray();

    [Fact]
    public async Task Upload_XlsxInflatingToGigabytes_RefusedFromItsDirectoryBeforeInflating()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var bomb = Zip(CompressionLevel.SmallestSize, ("xl/workbook.xml", WorkbookXml), ("xl/worksheets/sheet1.xml", new byte[48 * 1024 * 1024]));

        using var response = await UploadAsync(server, bomb, "LinkedIn content.xlsx");

        await AssertRefusedAsync(server, response, "refused as a possible zip bomb: 'xl/worksheets/sheet1.xml' inflates");
    }

    [Fact]
    public async Task Upload_XlsxWithThousandsOfEntries_Refused()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var many = Zip(CompressionLevel.Fastest, [("xl/workbook.xml", WorkbookXml), .. Enumerable.Range(0, 3_000).Select(i => ($"xl/worksheets/sheet{i}.xml", "<x/>"u8.ToArray()))]);

        using var response = await UploadAsync(server, many, "content.xlsx");

        await AssertRefusedAsync(server, response, "it holds 3,001 files");
    }

    [Fact]
    public async Task Upload_ExportZipHoldingAZip_Refused()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var inner = Zip(CompressionLevel.Fastest, ("Table data.csv", "Content,Views\nabc,1\n"u8.ToArray()));
        var nested = Zip(CompressionLevel.Fastest, ("Chart data.csv", "Date,Views\n2026-10-01,1\n"u8.ToArray()), ("more.zip", inner));

        using var response = await UploadAsync(server, nested, "Content 2026-09-01_2026-10-31.zip");

        await AssertRefusedAsync(server, response, "it contains another archive ('more.zip')");
    }

    [Fact]
    public async Task Upload_RecordOverTheLengthLimit_RefusedWithItsLine()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var csv = "channel,postId,publishedAt,text,impressions\nreddit,p1,2026-10-01T00:00:00Z,ok,5\nreddit,p2,2026-10-01T00:00:00Z,\"" + new string('x', 5 * 1024 * 1024);

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(csv), "runaway.csv");
        var file = await CanonicalExport.SingleFileAsync(response, Ct);

        // The good row before it is kept and the answer says partial, never a silent 200 on a cut file.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("partial", 1), (file.GetProperty("status").GetString(), file.GetProperty("rowsAccepted").GetInt32()));
        var error = Assert.Single(file.GetProperty("errors").EnumerateArray());
        Assert.Contains("line 3", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OneMegabyteLine_KeptWithAWarningThatTheTextWasCut()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var csv = "channel,postId,publishedAt,text,impressions\nreddit,p1,2026-10-01T00:00:00Z," + new string('x', 1024 * 1024) + ",5\n";

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(csv), "long.csv");
        var file = await CanonicalExport.SingleFileAsync(response, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(file.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("line 2: the post text has 1,048,576 characters", StringComparison.Ordinal));
        var post = Assert.Single(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
        Assert.Equal(CanonicalPost.MaxStoredTextLength, post.Text!.Length);
    }

    [Fact]
    public async Task Upload_TenThousandColumns_RefusedWithABoundedMessage()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var csv = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"col{i}")) + "\n" + string.Join(',', Enumerable.Repeat("1", 10_000)) + "\n";

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(csv), "wide.csv");
        var text = await response.Content.ReadAsStringAsync(Ct);

        await AssertRefusedAsync(server, response, "unknown export format; headers seen: 'col0', 'col1'");
        Assert.True(text.Length < 4_000, $"the answer lists a few headers, not 10,000 ({text.Length} chars)");
    }

    [Theory]
    [InlineData("nul.csv", "channel,postId,publishedAt,text,impressions\nreddit,p1,2026-10-01T00:00:00Z,a\0b,5\n", "not a text export (CSV), a spreadsheet (.xls/.xlsx) or an export zip")]
    [InlineData("photo.csv", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR\0\0\u0001\0", "this is an image (PNG), not an export")]
    public async Task Upload_BinaryContentNamedCsv_Refused(string fileName, string content, string reason)
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, Encoding.Latin1.GetBytes(content), fileName);

        await AssertRefusedAsync(server, response, reason);
    }

    /// <summary>An .xls cut off inside its header (ExcelDataReader throws a bare ArgumentException there): a 422, not a 500.</summary>
    [Fact]
    public async Task Upload_XlsCutOffInItsHeader_Refused()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "Content.xls");

        await AssertRefusedAsync(server, response, "not a readable spreadsheet: ");
    }

    [Fact]
    public async Task Upload_HeaderOverTheCap_Answers413BeforeReadingTheBody()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new Dictionary<string, string?> { ["Ingest:MaxUploadBytes"] = "1048576" }, Ct);

        // A raw request announcing 10 GB and sending nothing: the answer must come from the header alone.
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.Client.BaseAddress!.Host, server.Client.BaseAddress.Port, Ct);
        var stream = socket.GetStream();
        var head = $"POST /api/brands/{Brand}/exports?filename=big.csv HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: 10737418240\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.StartsWith("HTTP/1.1 413", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_ChunkedBodyOverTheCap_Answers413AndStoresNothing()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new Dictionary<string, string?> { ["Ingest:MaxUploadBytes"] = "1048576" }, Ct);
        var csv = CanonicalExport.Csv(20_000, i => i);
        Assert.True(csv.Length > 1_048_576);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/brands/{Brand}/exports?filename=big.csv") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
    }

    [Fact]
    public async Task Upload_MultipartPartsUnderTheCapTogetherOver_Answers413()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, new Dictionary<string, string?> { ["Ingest:MaxUploadBytes"] = "1048576" }, Ct);
        using var form = new MultipartFormDataContent();
        var part = Encoding.UTF8.GetBytes(CanonicalExport.Csv(12_000, i => i));
        Assert.InRange(part.Length, 600_000, 1_048_575);
        form.Add(new ByteArrayContent(part), "files", "a.csv");
        form.Add(new ByteArrayContent(part), "files", "b.csv");

        using var response = await server.Client.PostAsync($"api/brands/{Brand}/exports", form, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct));
    }

    public static TheoryData<string, string> Encodings => new()
    {
        { "utf-8", "utf-8" },
        { "utf-8-bom", "utf-8" },
        { "utf-16le", "utf-16" },
        { "utf-16be", "utf-16BE" },
        { "windows-1252", "windows-1252" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Upload_TextInEachEncodingExportsUse_StoredWithoutMojibake(string label, string encodingName)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        const string Text = "Café crème, naïve façade — Øre señor";
        var csv = $"channel,postId,publishedAt,text,impressions\r\nreddit,p1,2026-10-01T00:00:00Z,\"{Text}\",5\r\n";
        var encoding = Encoding.GetEncoding(encodingName);
        byte[] bytes = label is "utf-8-bom" or "utf-16le" or "utf-16be" ? [.. encoding.GetPreamble(), .. encoding.GetBytes(csv)] : encoding.GetBytes(csv);

        using var response = await UploadAsync(server, bytes, $"{label}.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Text, Assert.Single(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct)).Text);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example\",\"Click\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1,1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task Upload_FormulaLikeText_StoredVerbatimAndServedAsData(string text)
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var csv = "channel,postId,publishedAt,text,impressions\nreddit,p1,2026-10-01T00:00:00Z,\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",5\n";

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(csv), "formulas.csv");
        using var posts = await server.Client.GetAsync($"api/brands/{Brand}/posts?from=2026-10-01&to=2026-11-01", Ct);
        using var body = JsonDocument.Parse(await posts.Content.ReadAsStringAsync(Ct));

        // Kept as written: the formula is data, never evaluated nor altered (cells lose surrounding whitespace, as every cell does).
        var expected = text.Trim();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(await CanonicalExport.StoredPostsAsync(server.Services, Brand, Ct)).Text);
        Assert.Equal(expected, Assert.Single(body.RootElement.GetProperty("posts").EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal("application/json", posts.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Upload_FileNameWithPathQuotesAndControlCharacters_ArchivedUnderItsHashAndAnsweredAsText()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        const string Name = "..\\../etc/\"passwd\"\r\nINFO forged line\u0001.csv";

        using var response = await UploadAsync(server, Encoding.UTF8.GetBytes(CanonicalExport.Csv(3, i => i)), Name);
        var file = await CanonicalExport.SingleFileAsync(response, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var uploadId = file.GetProperty("uploadId").GetString()!;
        Assert.Matches("^[0-9a-f]{64}$", uploadId);
        var container = await server.Services.GetRequiredService<StorageClients>().ContainerAsync(StorageDefaults.RawExportsContainer, Ct);
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Brand + "/", Ct))
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal([$"{Brand}/{uploadId}"], blobs);
        Assert.DoesNotContain("/", file.GetProperty("fileName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_SeriesNamesWithSlashesQuotesDotsAndControls_ReachNoKeyUnescaped()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var hostile = new[] { "../../brands", "Tips/\"Tuesday\"?#", "Tab\tand\u0001control", new string('L', 600) };
        var states = server.Services.GetRequiredService<ISeriesStateStore>();

        foreach (var series in hostile)
        {
            var state = new Core.Alerts.SeriesEpisodeState { Brand = Brand, Channel = Channels.Instagram, Series = series, Status = Core.Alerts.EpisodeStatus.Healthy };
            Assert.NotNull(await states.TrySaveAsync(state, null, Ct));
            Assert.Equal(series, (await states.GetAsync(BrandName.Parse(Brand), Channels.Instagram, series, Ct))!.State.Series);
        }

        var table = await server.Services.GetRequiredService<StorageClients>().TableAsync(Infrastructure.Storage.SeriesStateTableStore.TableName, Ct);
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Brand, cancellationToken: Ct))
        {
            Assert.DoesNotMatch(@"[/\\#?\u0000-\u001f\u007f-\u009f]", entity.RowKey);
            Assert.InRange(entity.RowKey.Length, 1, 512);
        }
    }

    [Fact]
    public async Task PlanMonthlyReports_OneBrandsStoredSettingsNoLongerParse_OtherBrandsStillPlanned()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        await server.Services.GetRequiredService<IBrandSettingsStore>().SaveAsync(
            new BrandSettings { Brand = BrandName.Parse("acme"), DisplayName = "Acme", Clock = BrandClock.Find("Europe/Paris") }, Ct);
        var brands = await server.Services.GetRequiredService<StorageClients>().TableAsync(BrandSettingsTableStore.TableName, Ct);
        await brands.UpsertEntityAsync(new TableEntity("brand", "aaa-broken") { ["Settings"] = "{\"brand\":\"aaa-broken\",\"timeZone\":\"Mars/Olympus_Mons\",\"displayName\":" }, cancellationToken: Ct);
        await brands.UpsertEntityAsync(new TableEntity("brand", "aab-broken") { ["Settings"] = """{"brand":"NOT A BRAND"}""" }, cancellationToken: Ct);

        await server.RunAsync<MonthlyReportFunctions>(f => f.PlanAsync(new TimerInfo { IsPastDue = false }, Ct));

        var queue = await server.Services.GetRequiredService<StorageClients>().QueueAsync("report-requests", Ct);
        var message = Assert.Single((await queue.PeekMessagesAsync(10, Ct)).Value);
        Assert.Equal("""{"brand":"acme"}""", message.MessageText);
    }
}
