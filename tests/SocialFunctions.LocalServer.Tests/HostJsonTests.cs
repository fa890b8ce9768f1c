using Microsoft.Extensions.Configuration;
using SocialFunctions.Testing;

namespace SocialFunctions.LocalServer.Tests;

public sealed class HostJsonTests
{
    [Fact]
    public void Load_RepositoryHostJsonBesideTheAssembly_IsTheRepositoryFile()
    {
        var beside = HostJson.Load();

        Assert.Equal(HostJson.Load(Path.Combine(RepositoryPaths.Root, HostJson.FileName)), beside);
        // An empty route prefix: the web page answers at the site root and every API route names its own api/.
        Assert.Equal(new HostJson("", 5, TimeSpan.Zero), beside);
    }

    [Fact]
    public void Parse_NoExtensions_TakesTheHostDefaults()
    {
        Assert.Equal(HostJson.Defaults, HostJson.Parse("""{ "version": "2.0" }"""));
    }

    [Fact]
    public void Parse_QueueAndHttpSettings_ReadsEach()
    {
        var host = HostJson.Parse("""
            { "extensions": { "http": { "routePrefix": "/v1/" }, "queues": { "maxDequeueCount": 2, "visibilityTimeout": "00:00:30" } } }
            """);

        Assert.Equal(new HostJson("v1", 2, TimeSpan.FromSeconds(30)), host);
    }

    [Fact]
    public void Parse_QueueConcurrency_ReadsBatchSizeAndNewBatchThreshold()
    {
        var host = HostJson.Parse("""{ "extensions": { "queues": { "batchSize": 3, "newBatchThreshold": 0 } } }""");

        Assert.Equal(3, host.BatchSize);
        Assert.Equal(0, host.NewBatchThresholdFor(processorCount: 4));
    }

    [Theory]
    [InlineData(16, 1, 8)]
    [InlineData(16, 2, 16)]
    [InlineData(5, 4, 8)]
    public void NewBatchThresholdFor_NotInHostJson_IsHalfTheBatchSizeTimesTheProcessors(int batchSize, int processors, int expected)
    {
        var host = HostJson.Parse($$"""{ "extensions": { "queues": { "batchSize": {{batchSize}} } } }""");

        Assert.Null(host.NewBatchThreshold);
        Assert.Equal(expected, host.NewBatchThresholdFor(processors));
    }

    [Theory]
    [InlineData("\"batchSize\": 0")]
    [InlineData("\"batchSize\": 33")]
    [InlineData("\"newBatchThreshold\": -1")]
    public void Parse_QueueConcurrencyTheHostRefuses_Throws(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => HostJson.Parse($$"""{ "extensions": { "queues": { {{setting}} } } }"""));

        Assert.Contains(setting.Split(':')[0].Trim('"'), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithOverrides_AzureFunctionsJobHostAppSettings_ReplaceTheFileValues()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = "1",
        }).Build();

        var host = new HostJson("api", 5, TimeSpan.Zero).WithOverrides(settings);

        Assert.Equal(new HostJson("api", 5, TimeSpan.Zero, BatchSize: 2, NewBatchThreshold: 1), host);
    }
}
