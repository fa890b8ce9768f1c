using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialFunctions.Core.Ports;
using SocialFunctions.Functions.Alerts;
using SocialFunctions.Functions.Queues;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Alerts;

public sealed class SeriesFunctionsTests(AzuriteFixture azurite)
{
    /// <summary>"Now" for every test here: the series checks and the seeded posts read the same fake clock.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<FunctionsServer> StartAsync(AzuriteFixture azurite) => FunctionsServer.StartAsync(azurite, new FakeTimeProvider(Now), cancellationToken: Ct);

    [Fact]
    public async Task GetSeries_DecliningAndHealthySeries_ReportsEachWithEvidence()
    {
        await using var server = await StartAsync(azurite);
        var now = await SeedAsync(server);

        using var response = await server.Client.GetAsync($"api/brands/acme/series?asOf={now:yyyy-MM-dd}", Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var series = body.GetProperty("series").EnumerateArray().ToDictionary(s => s.GetProperty("series").GetString()!);
        Assert.Equal(2, series.Count);
        var weak = series["Tips"];
        Assert.Equal("instagram", weak.GetProperty("channel").GetString());
        Assert.Equal("underperforming", weak.GetProperty("status").GetString());
        Assert.Equal(0.012, weak.GetProperty("recentEngagementRate").GetDouble(), 4);
        Assert.Equal(0.030, weak.GetProperty("baselineEngagementRate").GetDouble(), 3);
        Assert.Equal(-0.6, weak.GetProperty("relativeGap").GetDouble(), 2);
        // Weak from its first post: every post in the window is evidence.
        Assert.Equal(8, weak.GetProperty("posts").GetInt32());
        Assert.Equal(8, weak.GetProperty("postsBelowMedian").GetInt32());
        Assert.Equal(JsonValueKind.String, weak.GetProperty("onsetAt").ValueKind);
        Assert.StartsWith("−60 % over 8 posts since ", weak.GetProperty("evidence").GetString(), StringComparison.Ordinal);
        Assert.True(weak.GetProperty("confidence").GetDouble() > 0.99);
        Assert.Equal(JsonValueKind.String, weak.GetProperty("since").ValueKind);
        Assert.Equal("healthy", series["Behind the Scenes"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostCheck_DecliningSeries_WritesOneCardToOutboxOnce()
    {
        await using var server = await StartAsync(azurite);
        await SeedAsync(server);

        using var first = await server.Client.PostAsync("api/brands/acme/series/check", null, Ct);
        using var second = await server.Client.PostAsync("api/brands/acme/series/check", null, Ct);
        var firstBody = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct)).RootElement;
        var secondBody = JsonDocument.Parse(await second.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sent = Assert.Single(firstBody.GetProperty("sent").EnumerateArray());
        Assert.Equal("Tips", sent.GetProperty("series").GetString());
        Assert.Equal("started", sent.GetProperty("kind").GetString());
        Assert.Equal("outbox", sent.GetProperty("via").GetString());
        Assert.Empty(secondBody.GetProperty("sent").EnumerateArray());
        var card = Assert.Single(Directory.GetFiles(server.OutboxPath, "teams-*.json"));
        var json = await File.ReadAllTextAsync(card, Ct);
        Assert.Contains("Underperforming: Tips on Instagram", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Behind the Scenes", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckBrandSeries_QueueMessageAsTheHostDeliversIt_RunsCheckAndPostsOneCard()
    {
        await using var server = await StartAsync(azurite);
        await SeedAsync(server);

        await server.InvokeQueueAsync("CheckBrandSeries", """{"brand":"acme"}""", Ct);

        var card = Assert.Single(Directory.GetFiles(server.OutboxPath, "teams-*.json"));
        Assert.Contains("Underperforming: Tips on Instagram", await File.ReadAllTextAsync(card, Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("""{"brand":"NOT VALID"}""")]
    public async Task CheckBrandSeries_PoisonMessage_FailsTheInvocationSoTheHostRetriesAndPoisonsIt(string message)
    {
        await using var server = await StartAsync(azurite);
        await SeedAsync(server);

        // A bare brand (not JSON) fails binding; a JSON body naming no valid brand fails in the function.
        await Assert.ThrowsAnyAsync<Exception>(() => server.InvokeQueueAsync("CheckBrandSeries", message, Ct));

        Assert.False(Directory.Exists(server.OutboxPath) && Directory.GetFiles(server.OutboxPath).Length > 0, "a poison message must not post anything");
    }

    [Fact]
    public async Task PlanSeriesChecks_Timer_EnqueuesOneCheckPerBrandInTheSharedMessageFormat()
    {
        await using var server = await StartAsync(azurite);
        foreach (var brand in new[] { "acme", "globex" })
        {
            using var put = await server.Client.PutAsJsonAsync($"api/brands/{brand}", new { timeZone = "UTC" }, Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        await server.RunAsync<SeriesFunctions>(f => f.PlanAsync(new TimerInfo(), Ct));

        var queue = await server.Services.GetRequiredService<StorageClients>().QueueAsync(WorkQueues.SeriesChecks, Ct);
        var messages = (await queue.PeekMessagesAsync(10, Ct)).Value;
        Assert.Equal(["acme", "globex"], messages.Select(m => JsonSerializer.Deserialize<BrandWorkItem>(m.MessageText, JsonSerializerOptions.Web)!.Brand).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UploadThenQueuedCheck_SeriesDeclines_OneCardForItAndNoneForHealthySeries()
    {
        await using var server = await StartAsync(azurite);
        var settings = new
        {
            displayName = "Acme",
            timeZone = "UTC",
            recipients = new[] { "cmo@acme.example.com" },
            sender = "reports@acme.example.com",
            seriesRules = new object[] { new { name = "Tip Tuesday", hashtag = "#TipTuesday" }, new { name = "Behind the Scenes", prefix = "Behind the Scenes:" } },
        };
        using var put = await server.Client.PutAsJsonAsync("api/brands/acme", settings, Ct);
        using var csv = new ByteArrayContent(Encoding.UTF8.GetBytes(CanonicalCsv(Now)));
        csv.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var upload = await server.Client.PostAsync("api/brands/acme/exports?filename=instagram.csv", csv, Ct);

        // The upload enqueued a series-checks message; deliver it (twice) as the queue trigger would.
        var queue = await server.Services.GetRequiredService<StorageClients>().QueueAsync(WorkQueues.SeriesChecks, Ct);
        var queued = Assert.Single((await queue.PeekMessagesAsync(10, Ct)).Value).MessageText;
        await server.InvokeQueueAsync("CheckBrandSeries", queued, Ct);
        await server.InvokeQueueAsync("CheckBrandSeries", queued, Ct);

        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync(Ct));
        var card = Assert.Single(Directory.GetFiles(server.OutboxPath, "teams-*.json"));
        var json = await File.ReadAllTextAsync(card, Ct);
        Assert.Contains("Underperforming: Tip Tuesday on Instagram", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Behind the Scenes on", json, StringComparison.Ordinal);
    }

    private static string CanonicalCsv(DateTimeOffset now)
    {
        var csv = new StringBuilder("channel,postId,publishedAt,text,permalink,contentType,impressions,reach,reactions,comments,shares,saves,clicks\n");
        var start = now.AddDays(-57);
        void Row(string id, DateTimeOffset at, string text, double rate) => csv.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"instagram,{id},{at:yyyy-MM-ddTHH:mm:ssZ},{text},https://instagram.com/p/{id},image,10000,8000,{Math.Round(10_000 * rate)},0,0,0,0\n");
        for (var w = 0; w < 8; w++)
        {
            for (var k = 0; k < 10; k++)
            {
                Row($"o{w}x{k}", start.AddDays((7 * w) + (k * 0.7)), "Just a post", k % 2 == 0 ? 0.027 : 0.033);
            }

            Row($"t{w}", start.AddDays((7 * w) + 1), "Save your drafts #TipTuesday", 0.012);
            Row($"b{w}", start.AddDays((7 * w) + 2), "Behind the Scenes: the studio", 0.030);
        }

        return csv.ToString();
    }

    [Theory]
    [InlineData("api/brands/Bad_Brand/series", "Invalid brand name.")]
    [InlineData("api/brands/acme/series?asOf=2026-13-01", "Invalid asOf.")]
    public async Task GetSeries_BadInput_ProblemDetails400(string path, string title)
    {
        await using var server = await StartAsync(azurite);

        using var response = await server.Client.GetAsync(path, Ct);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, body.GetProperty("title").GetString());
    }

    /// <summary>The weak "Tips" and the healthy "Behind the Scenes" on Instagram (<see cref="SeriesPosts"/>), in the server's storage.</summary>
    private static async Task<DateTimeOffset> SeedAsync(FunctionsServer server)
    {
        await SeriesPosts.WriteAsync(server.Services.GetRequiredService<IRecordStore>(), SeriesPosts.Instagram("acme", Now, withHealthySeries: true), Ct);
        return Now;
    }
}
