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
}
