using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Brands;

public sealed class BrandSettingsFunctionTests(AzuriteFixture azurite)
{
    private const string Webhook = "https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=s3cret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Settings(string? webhook = Webhook, object[]? rules = null) => new
    {
        displayName = "Acme",
        timeZone = "Europe/Paris",
        locale = "fr",
        funnelFocus = "awareness",
        recipients = new[] { "cmo@acme.example.com" },
        sender = "reports@acme.example.com",
        teamRecipients = new[] { "social@acme.example.com" },
        postingTargets = new Dictionary<string, double> { ["instagram"] = 3, ["blog"] = 5 },
        seriesRules = rules ?? [new { name = "Tip Tuesday", hashtag = "#TipTuesday" }],
        teamsWebhookUrl = webhook,
        reportDayOfMonth = 2,
        reportTime = "07:30",
        paperSize = "A4",
    };

    [Fact]
    public async Task Put_ValidSettings_CreatedAndRoundTripsWithMaskedWebhook()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var put = await server.Client.PutAsJsonAsync("api/brands/acme", Settings(), Ct);
        using var get = await server.Client.GetAsync("api/brands/acme", Ct);
        var text = await get.Content.ReadAsStringAsync(Ct);
        var body = JsonDocument.Parse(text).RootElement;

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.DoesNotContain("s3cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", await put.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("https://prod-01.westeurope.logic.azure.com…", body.GetProperty("teamsWebhookUrl").GetString());
        Assert.Equal("acme", body.GetProperty("brand").GetString());
        Assert.Equal("Europe/Paris", body.GetProperty("timeZone").GetString());
        Assert.Equal("fr", body.GetProperty("locale").GetString());
        Assert.Equal("awareness", body.GetProperty("funnelFocus").GetString());
        Assert.Equal("cmo@acme.example.com", body.GetProperty("recipients")[0].GetString());
        Assert.Equal(5, body.GetProperty("postingTargets").GetProperty("blog").GetDouble());
        Assert.Equal("#TipTuesday", body.GetProperty("seriesRules")[0].GetProperty("hashtag").GetString());
        Assert.Equal(2, body.GetProperty("reportDayOfMonth").GetInt32());
        Assert.Equal("07:30", body.GetProperty("reportTime").GetString());
        Assert.Equal(Webhook, (await server.Services.GetRequiredService<IBrandSettingsStore>().GetAsync(BrandName.Parse("acme"), Ct))!.TeamsWebhookUrl);
    }

    [Fact]
    public async Task Put_MaskedWebhookSentBack_KeepsStoredUrl()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        (await server.Client.PutAsJsonAsync("api/brands/acme", Settings(), Ct)).Dispose();

        using var again = await server.Client.PutAsJsonAsync("api/brands/acme", Settings(webhook: "https://prod-01.westeurope.logic.azure.com…"), Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(Webhook, (await server.Services.GetRequiredService<IBrandSettingsStore>().GetAsync(BrandName.Parse("acme"), Ct))!.TeamsWebhookUrl);
    }

    [Fact]
    public async Task Put_InvalidSettings_ValidationProblemNamingEachField()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var body = new
        {
            timeZone = "Mars/Olympus",
            recipients = new[] { "ok@acme.example.com", "nope" },
            postingTargets = new Dictionary<string, double> { ["myspace"] = 1 },
            seriesRules = new object[] { new { name = "Broken", pattern = "(" } },
            teamsWebhookUrl = "http://insecure.example.com/hook",
        };

        using var response = await server.Client.PutAsJsonAsync("api/brands/acme", body, Ct);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.Equal(
            ["postingTargets.myspace", "recipients[1]", "seriesRules[0].pattern", "teamsWebhookUrl", "timeZone"],
            errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("'nope' is not an email address.", errors.GetProperty("recipients[1]")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("api/brands/acme", Ct)).StatusCode);
    }

    [Fact]
    public async Task Put_BrokenJson_BadRequest()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        using var content = new StringContent("{\"timeZone\": ", Encoding.UTF8, "application/json");

        using var response = await server.Client.PutAsync("api/brands/acme", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownOrInvalidBrand_404Or400()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var unknown = await server.Client.GetAsync("api/brands/nobody", Ct);
        using var invalid = await server.Client.GetAsync("api/brands/Not_A_Brand", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Put_ChangedSeriesRules_RederivesStoredPosts()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        (await server.Client.PutAsJsonAsync("api/brands/acme", Settings(rules: []), Ct)).Dispose();
        await UploadAsync(server,
            "channel,postId,publishedAt,text,impressions,reactions\n" +
            "reddit,r1,2026-10-01T09:00:00Z,Plain,100,1\n" +
            "reddit,r2,2026-10-02T09:00:00Z,Hello #tiptuesday,100,1\n" +
            "reddit,r3,2026-10-03T09:00:00Z,Behind the Scenes: desk,100,1\n");

        var first = await PutRulesAsync(server, new { name = "Tip Tuesday", hashtag = "#TipTuesday" }, new { name = "BTS", prefix = "behind the scenes:" });
        var seriesAfterFirst = await SeriesByPostAsync(server);
        var unchanged = await PutRulesAsync(server, new { name = "Tip Tuesday", hashtag = "#TipTuesday" }, new { name = "BTS", prefix = "behind the scenes:" });
        var cleared = await PutRulesAsync(server);

        Assert.Equal(2, first);
        Assert.Equal(new Dictionary<string, string?> { ["r1"] = null, ["r2"] = "Tip Tuesday", ["r3"] = "BTS" }, seriesAfterFirst);
        Assert.Equal(0, unchanged);
        Assert.Equal(2, cleared);
        Assert.All((await SeriesByPostAsync(server)).Values, Assert.Null);
    }

    private static async Task<int> PutRulesAsync(FunctionsServer server, params object[] rules)
    {
        using var response = await server.Client.PutAsJsonAsync("api/brands/acme", Settings(rules: rules), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("postsReassigned").GetInt32();
    }

    private static async Task<Dictionary<string, string?>> SeriesByPostAsync(FunctionsServer server)
    {
        using var response = await server.Client.GetAsync("api/brands/acme/posts?channel=reddit", Ct);
        var posts = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("posts");
        return posts.EnumerateArray().ToDictionary(
            p => p.GetProperty("postId").GetString()!,
            p => p.TryGetProperty("series", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() != string.Empty ? s.GetString() : null);
    }

    internal static async Task UploadAsync(FunctionsServer server, string csv, string brand = "acme")
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await server.Client.PostAsync($"api/brands/{brand}/exports?filename=canonical.csv", content, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
