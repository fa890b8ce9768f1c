using SocialFunctions.Functions.Records;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Records;

/// <summary>The read functions called directly with a request the worker would hand them.</summary>
public sealed class RecordFunctionsTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("?pageSize=ten", "pageSize", "ten")]
    [InlineData("?from=2026-13-01", "from", "2026-13-01")]
    [InlineData("?channel=myspace", "channel", "myspace")]
    public async Task ListPosts_BadQueryValue_Answers400ProblemNamingParameterAndValue(string query, string parameter, string value)
    {
        await using var functions = new FunctionServices(azurite);
        var context = functions.Request("GET", "/api/brands/acme/posts" + query);

        var result = await functions.Create<RecordFunctions>().ListPostsAsync(context.Request, "acme", Ct);
        var (status, contentType, body) = await FunctionServices.AnswerAsync(result.Result, context);

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        var detail = body.GetProperty("detail").GetString();
        Assert.Contains(parameter == "channel" ? $"'{value}' is not a channel" : $"Query parameter '{parameter}' is '{value}'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDailySeries_UnknownBrandSyntax_Answers400BeforeTouchingStorage()
    {
        await using var functions = new FunctionServices(azurite);
        var context = functions.Request("GET", "/api/brands/Not%20A%20Brand/daily");

        var result = await functions.Create<RecordFunctions>().ListDailySeriesAsync(context.Request, "Not A Brand", Ct);
        var (status, _, body) = await FunctionServices.AnswerAsync(result.Result, context);

        Assert.Equal(400, status);
        Assert.Equal("Invalid brand name.", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ListPosts_NoPostsYet_AnswersAnEmptyPageWithoutNextToken()
    {
        await using var functions = new FunctionServices(azurite);
        var context = functions.Request("GET", "/api/brands/acme/posts?channel=reddit&from=2026-10-01");

        var result = await functions.Create<RecordFunctions>().ListPostsAsync(context.Request, "acme", Ct);
        var (status, _, body) = await FunctionServices.AnswerAsync(result.Result, context);

        Assert.Equal(200, status);
        Assert.Empty(body.GetProperty("posts").EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("next").ValueKind);
    }
}
