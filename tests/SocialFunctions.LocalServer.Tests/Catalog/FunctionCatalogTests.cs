using SocialFunctions.LocalServer.Catalog;

namespace SocialFunctions.LocalServer.Tests.Catalog;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Read_SampleFunctions_DescribesEachTriggerAndSkipsOtherMethods()
    {
        var functions = FunctionCatalog.Read([typeof(SampleFunctions)]);

        Assert.Equal(
            [
                "Anything: GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS Anything",
                "Item: GET items/{id}/{slug}",
                "Nightly: timer %NIGHTLY%",
                "Orders: queue orders",
            ],
            functions.Select(f => f.ToString()));
        Assert.Equal(("Anonymous", "Function"), (functions[0].AuthLevel, functions[1].AuthLevel));
        Assert.Equal("Other", functions[3].Connection);
        Assert.Equal("message", functions[3].TriggerParameter.Name);
    }

    [Fact]
    public void Read_FunctionWithTwoTriggers_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Read([typeof(TwoTriggerFunctions)]));

        Assert.Contains("Function Both (TwoTriggerFunctions.Both) has 2 trigger parameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_TheApp_IsEveryFunctionOfTheFunctionsAssemblyOnce()
    {
        var names = FunctionCatalog.Functions.Select(f => f.Name).ToList();

        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("IngestExport", names);
        Assert.All(FunctionCatalog.Functions, SocialFunctions.LocalServer.Invocation.FunctionInvoker.EnsureSupported);
    }
}
