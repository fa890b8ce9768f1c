using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialFunctions.Functions.Reporting;
using SocialFunctions.Testing;
using static SocialFunctions.Functions.Tests.Brands.BrandSettingsFunctionTests;

namespace SocialFunctions.Functions.Tests.Reporting;

/// <summary>
/// Upload → report JSON, every figure computed by hand from the rows below (brand in Europe/Paris):
/// r1 (30 Sep 23:30Z) is 1 October in Paris; r3 (31 Oct 23:30Z) is 1 November; r4 is September.
/// October = r1 + r2: impressions 3000, reach 2300, engagements 87 + 125 = 212 (r2 has no saves), clicks 50.
/// </summary>
public sealed class ReportFunctionsTests(AzuriteFixture azurite)
{
    private const string Csv =
        "channel,postId,publishedAt,text,impressions,reach,reactions,comments,shares,saves,clicks\n" +
        "reddit,r1,2026-09-30T23:30:00Z,Tip one #TipTuesday,1000,800,50,10,5,2,20\n" +
        "reddit,r2,2026-10-15T09:00:00Z,Studio tour,2000,1500,70,20,5,,30\n" +
        "reddit,r3,2026-10-31T23:30:00Z,November already,500,400,10,1,0,0,5\n" +
        "reddit,r4,2026-09-10T09:00:00Z,September post,1000,800,20,5,0,0,5\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<FunctionsServer> StartWithDataAsync(AzuriteFixture azurite)
    {
        var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);
        var settings = new
        {
            displayName = "Acme",
            timeZone = "Europe/Paris",
            funnelFocus = "consideration",
            seriesRules = new[] { new { name = "Tip Tuesday", hashtag = "#TipTuesday" } },
        };
        (await server.Client.PutAsJsonAsync("api/brands/acme", settings, Ct)).Dispose();
        await UploadAsync(server, Csv);
        return server;
    }

    [Fact]
    public async Task GetJson_UploadedRows_FiguresEqualHandComputation()
    {
        await using var server = await StartWithDataAsync(azurite);

        using var response = await server.Client.GetAsync("api/brands/acme/reports/2026-10.json", Ct);
        var model = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-10", model.GetProperty("month").GetString());
        var reddit = Assert.Single(model.GetProperty("channels").EnumerateArray());
        Assert.Equal("reddit", reddit.GetProperty("channel").GetString());
        Assert.Equal(2, reddit.GetProperty("posts").GetInt32());
        Assert.Equal(3000, reddit.GetProperty("impressions").GetInt64());
        Assert.Equal(2300, reddit.GetProperty("reach").GetInt64());
        Assert.Equal(212, reddit.GetProperty("engagements").GetInt64());
        Assert.Equal(212.0 / 3000, reddit.GetProperty("engagementRate").GetDouble());
        Assert.Equal(50, reddit.GetProperty("clicks").GetInt64());
        Assert.Equal(50.0 / 3000, reddit.GetProperty("ctr").GetDouble());
        Assert.Equal(JsonValueKind.Null, reddit.GetProperty("videoViews").ValueKind);
        Assert.Equal(JsonValueKind.Null, reddit.GetProperty("followerGrowth").ValueKind);
        Assert.Equal(["reactions", "comments", "shares", "saves", "clicks"], reddit.GetProperty("components").EnumerateArray().Select(c => c.GetString()).ToArray());

        // September = r4 alone: 1000 impressions, 30 engagements.
        Assert.Equal(1000, reddit.GetProperty("previous").GetProperty("impressions").GetInt64());
        Assert.Equal(2.0, reddit.GetProperty("mom").GetProperty("impressions").GetDouble());
        Assert.Equal((212.0 / 3000 - 0.03) / 0.03, reddit.GetProperty("mom").GetProperty("engagementRate").GetDouble(), 12);
        Assert.Equal(4000, reddit.GetProperty("rolling3").GetProperty("impressions").GetInt64());
        Assert.Equal(242.0 / 4000, reddit.GetProperty("rolling3").GetProperty("engagementRate").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, reddit.GetProperty("yoy").GetProperty("impressions").ValueKind);
        Assert.Equal(13, reddit.GetProperty("history").GetArrayLength());

        // Series: r1 (87/1000) against the channel's other posts of the last 90 days, r2 + r4 = 155/3000.
        var series = Assert.Single(model.GetProperty("series").EnumerateArray());
        Assert.Equal("Tip Tuesday", series.GetProperty("series").GetString());
        Assert.Equal(0.087, series.GetProperty("engagementRate").GetDouble(), 12);
        Assert.Equal(155.0 / 3000, series.GetProperty("baselineEngagementRate").GetDouble(), 12);
        Assert.Equal((0.087 - (155.0 / 3000)) / (155.0 / 3000), series.GetProperty("relativeGap").GetDouble(), 12);
        Assert.Equal(8, series.GetProperty("trend").GetArrayLength());

        foreach (var section in new[] { "cadence", "topPosts", "bottomPosts", "coverage", "insights", "seriesSuggestions" })
        {
            Assert.Equal(JsonValueKind.Array, model.GetProperty(section).ValueKind);
        }
    }

    [Fact]
    public async Task GetJson_PreviousMonthPartlyUncovered_CaveatInsteadOfTrend()
    {
        await using var server = await StartWithDataAsync(azurite);

        using var response = await server.Client.GetAsync("api/brands/acme/reports/2026-10.json", Ct);
        var model = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        // The only upload's first post is on 10 September (covering from the 7th: 3 quiet days), so 1–6 September are
        // uncovered: no MoM sentence for Reddit, a caveat instead (never a summary item); the summary keeps the total.
        var total = Assert.Single(model.GetProperty("insights").EnumerateArray());
        Assert.Equal("total", total.GetProperty("kind").GetString());
        var caveat = Assert.Single(model.GetProperty("caveats").EnumerateArray());
        Assert.Equal("coverage", caveat.GetProperty("metric").GetString());
        Assert.Equal("Reddit is not compared with September: no export covers 1–6 September.", caveat.GetProperty("text").GetString());
        var coverage = Assert.Single(model.GetProperty("coverage").EnumerateArray());
        Assert.Equal(0, coverage.GetProperty("gaps").GetArrayLength());
        Assert.Equal(31, coverage.GetProperty("coveredDays").GetInt32());
    }

    [Fact]
    public async Task GetCsv_ChannelTable_OneRowPerChannel()
    {
        await using var server = await StartWithDataAsync(azurite);

        using var response = await server.Client.GetAsync("api/brands/acme/reports/2026-10.csv", Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("channel,posts,impressions,reach,engagements,engagementRate,saves,shares,clicks,ctr,videoViews,watchTimeSeconds,followerGrowth,components,mom.posts,", lines[0], StringComparison.Ordinal);
        // r1 (1 October in Paris) and r2: saves 2 + none, shares 5 + 5.
        Assert.StartsWith("reddit,2,3000,2300,212,0.07066666666666667,2,10,50,0.016666666666666666,,,,reactions comments shares saves clicks,1,2,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/brands/acme/reports/2026-13.json", HttpStatusCode.BadRequest)]
    [InlineData("api/brands/acme/reports/october.csv", HttpStatusCode.BadRequest)]
    [InlineData("api/brands/nobody/reports/2026-10.json", HttpStatusCode.NotFound)]
    [InlineData("api/brands/BAD!/reports/2026-10.json", HttpStatusCode.BadRequest)]
    public async Task GetJson_BadInput_ProblemNot500(string url, HttpStatusCode expected)
    {
        await using var server = await FunctionsServer.StartAsync(azurite, cancellationToken: Ct);

        using var response = await server.Client.GetAsync(url, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PutCommentary_PlainText_StoredAsIsAndInModel()
    {
        await using var server = await StartWithDataAsync(azurite);
        const string text = "We pivot to short video.\n\n- <script>alert(1)</script>\n- =SUM(A1) stays text";
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");

        using var put = await server.Client.PutAsync("api/brands/acme/reports/2026-10/commentary", content, Ct);
        using var get = await server.Client.GetAsync("api/brands/acme/reports/2026-10.json", Ct);
        var model = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(text, model.GetProperty("commentary").GetString());
    }

    [Fact]
    public async Task PutCommentary_TooLongOrUnknownBrand_Refused()
    {
        await using var server = await StartWithDataAsync(azurite);
        using var tooLong = new StringContent(new string('a', ReportFunctions.MaxCommentaryLength + 1), Encoding.UTF8, "text/plain");
        using var atLimit = new StringContent(new string('a', ReportFunctions.MaxCommentaryLength), Encoding.UTF8, "text/plain");
        using var unknown = new StringContent("hello", Encoding.UTF8, "text/plain");

        using var tooLongResponse = await server.Client.PutAsync("api/brands/acme/reports/2026-10/commentary", tooLong, Ct);
        using var atLimitResponse = await server.Client.PutAsync("api/brands/acme/reports/2026-10/commentary", atLimit, Ct);
        using var unknownResponse = await server.Client.PutAsync("api/brands/nobody/reports/2026-10/commentary", unknown, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, atLimitResponse.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
    }
}
