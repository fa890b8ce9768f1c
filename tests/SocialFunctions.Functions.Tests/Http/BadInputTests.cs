using System.Net;
using System.Text;
using System.Text.Json;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Http;

/// <summary>Bad input anywhere gets a 4xx that says what was wrong, never a bare status or a 500.</summary>
public sealed class BadInputTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueryValue_NotADate_Answers400NamingTheParameter()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.GetAsync("api/brands/acme/daily?from=notadate", Ct);
        var detail = await DetailAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from", detail, StringComparison.Ordinal);
        Assert.Contains("notadate", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonBody_Malformed_Answers400SayingWhereTheJsonBreaks()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.PutAsync(
            "api/brands/acme", new StringContent("{\"timeZone\": \"Europe/Paris\",", Encoding.UTF8, "application/json"), Ct);
        var detail = await DetailAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("LineNumber", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendReport_BrandWithoutSettings_Answers404()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.PostAsync("api/brands/nobody/reports/2026-10/send", content: null, Ct);
        var detail = await DetailAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("PUT /api/brands/nobody", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPdf_BrandWithNeitherSettingsNorUploads_Answers404()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.GetAsync("api/brands/nobody/reports/2026-10.pdf", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no settings and no uploads", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MultipartWithoutClosingBoundary_Answers400()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var body = "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.csv\"\r\n\r\nchannel,postId,publishedAt\r\nreddit,p1,2026-10-01T00:00:00Z\r\n";
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await server.Client.PostAsync("api/brands/acme/exports", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await DetailAsync(response)));
    }

    [Fact]
    public async Task ListPosts_ForgedPageToken_Answers400()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.GetAsync("api/brands/acme/posts?next=garbage", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'next' token", await DetailAsync(response), StringComparison.Ordinal);
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? string.Empty;
    }
}
