using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Ingest;

/// <summary>What the upload answer says about year-less dates, counts and known exports the report does not use.</summary>
public sealed class IngestAnswerTests(AzuriteFixture azurite)
{
    private const string Overview =
        "\uFEFF\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n" +
        "\"December 30\",\"100\",\"2\",\"10\",\"1\",\"0\"\n\"December 31\",\"150\",\"3\",\"12\",\"0\",\"1\"\n\"January 1\",\"90\",\"1\",\"8\",\"2\",\"0\"\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_YearlessOverviewWithExportedOn_CountsFileRowsAndStoredValuesWithoutWarning()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, Overview, "Overview.csv", "exportedOn=2026-01-02");
        var file = await SingleFileAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("tiktok-overview", 3, 0, 15), (file.GetProperty("format").GetString(), file.GetProperty("rowsAccepted").GetInt32(), file.GetProperty("rowsRejected").GetInt32(), file.GetProperty("entitiesStored").GetInt32()));
        Assert.Equal(("2025-12-30", "2026-01-01"), (file.GetProperty("from").GetString(), file.GetProperty("to").GetString()));
        Assert.Empty(file.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Upload_YearlessOverviewWithoutAnchor_WarnsThatTheYearCameFromTheUploadDay()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, Overview.Replace("\"100\"", "\"101\"", StringComparison.Ordinal), "Overview.csv");
        var file = await SingleFileAsync(response);

        var warning = Assert.Single(file.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("the year was taken from the upload day", warning, StringComparison.Ordinal);
        Assert.Contains("?exportedOn=yyyy-MM-dd", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_KnownExportNotUsed_Answers422NamingItAndWhatToExport()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, "\uFEFF\"Gender\",\"Distribution\"\n\"Female\",\"0.6\"\n\"Male\",\"0.4\"\n", "FollowerGender.csv");
        var file = await SingleFileAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(("rejected", "tiktok-follower-gender", "tiktok"), (file.GetProperty("status").GetString(), file.GetProperty("format").GetString(), file.GetProperty("channel").GetString()));
        Assert.StartsWith(
            "TikTok follower demographics (gender) are not used by the report: export Content and Overview",
            file.GetProperty("errors")[0].GetProperty("message").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_MetaFileNotNamingItsChannel_RefusedWithoutCountingARowUntilTheChannelIsGiven()
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        const string views = "sep=,\n\"Views\"\n\"Date\",\"Primary\"\n\"2026-10-01T00:00:00\",\"120\"\n\"2026-10-02T00:00:00\",\"95\"\n";

        using var refused = await UploadAsync(server, views, "Views.csv");
        var refusal = await SingleFileAsync(refused);
        using var named = await UploadAsync(server, views, "Views.csv", "channel=instagram");
        var accepted = await SingleFileAsync(named);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(("rejected", 0, 0), (refusal.GetProperty("status").GetString(), refusal.GetProperty("rowsAccepted").GetInt32(), refusal.GetProperty("rowsRejected").GetInt32()));
        Assert.Equal(2, refusal.GetProperty("errors")[0].GetProperty("line").GetInt32());
        Assert.Contains("?channel=facebook or ?channel=instagram", refusal.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(("accepted", "instagram", 2), (accepted.GetProperty("status").GetString(), accepted.GetProperty("channel").GetString(), accepted.GetProperty("rowsAccepted").GetInt32()));
    }

    [Theory]
    [InlineData("exportedOn=02/01/2026", "Invalid exportedOn.")]
    [InlineData("channel=myspace", "Invalid channel.")]
    public async Task Upload_BadHint_Answers400SayingWhatToWrite(string query, string title)
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await UploadAsync(server, Overview, "Overview.csv", query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(title, (await JsonAsync(response)).GetProperty("title").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(FunctionsServer server, string body, string fileName, string? query = null)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var extra = query is null ? string.Empty : "&" + query;
        return await server.Client.PostAsync($"api/brands/acme/exports?filename={Uri.EscapeDataString(fileName)}{extra}", content, Ct);
    }

    private static async Task<JsonElement> SingleFileAsync(HttpResponseMessage response) =>
        Assert.Single((await JsonAsync(response)).GetProperty("files").EnumerateArray().ToList());

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
