using SocialFunctions.Functions.Health;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Health;

public sealed class HealthFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_BuiltFromTheWorkersComposition_AnswersHealthyUnderTheFunctionsHost()
    {
        await using var functions = new FunctionServices(azurite);
        var context = functions.Request("GET", "/api/health");

        var result = await functions.Create<HealthFunction>().RunAsync(context.Request, TestContext.Current.CancellationToken);
        var (status, _, body) = await FunctionServices.AnswerAsync(result.Result, context);

        Assert.Equal(200, status);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        // Nothing registered the local server: this is the worker's own composition.
        Assert.Equal("FunctionsHost", body.GetProperty("mode").GetString());
        Assert.Equal(["blobs", "queues", "tables"], body.GetProperty("storage").EnumerateObject().Select(p => p.Name).Order());
    }
}
