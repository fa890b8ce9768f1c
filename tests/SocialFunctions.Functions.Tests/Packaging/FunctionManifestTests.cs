using System.Text.Json;
using System.Text.RegularExpressions;
using SocialFunctions.Testing;

namespace SocialFunctions.Host.Tests.Packaging;

/// <summary>
/// Every function folder's function.json is valid, has what the host and the handler need, and agrees with infra/:
/// timer schedules are app settings the Bicep sets, queues are created by the Bicep, connections are identity-based.
/// </summary>
public sealed class FunctionManifestTests
{
    private static readonly string[] KnownHttpMethods = ["get", "post", "put", "patch", "delete", "head", "options"];

    private static readonly string[] KnownAuthLevels = ["anonymous", "function", "admin"];

    private static readonly Lazy<IReadOnlyList<FunctionManifest>> Manifests = new(() => FunctionManifest.LoadAll(RepositoryPaths.Root));

    public static TheoryData<string> HttpFunctions => Names(f => f.IsHttp);

    public static TheoryData<string> TimerFunctions => Names(f => f.Trigger?.Type == "timerTrigger");

    public static TheoryData<string> QueueFunctions => Names(f => f.Trigger?.Type == "queueTrigger");

    public static TheoryData<string> AllFunctions => Names(_ => true);

    [Fact]
    public void LoadAll_RepositoryRoot_FindsTheFunctionsOfEachPipelineStage()
    {
        var names = Manifests.Value.Select(f => f.Name).ToHashSet();

        Assert.Subset(names, new HashSet<string> { "Health", "IngestExport", "PlanMonthlyReports", "RenderBrandReport", "BrandSettings" });
    }

    [Theory]
    [MemberData(nameof(AllFunctions))]
    public void Load_EachFunction_HasOneTriggerWithAName(string function)
    {
        var manifest = Find(function);

        var triggers = manifest.Bindings.Where(b => b.IsTrigger).ToList();

        var trigger = Assert.Single(triggers);
        // The binding name is the key of the invocation payload's Data (and of proxied requests' binding data).
        Assert.Matches(new Regex("^[A-Za-z][A-Za-z0-9_]*$"), trigger.Name);
        Assert.Matches(new Regex("^[A-Za-z][A-Za-z0-9_-]{0,127}$"), manifest.Name);
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void HttpTrigger_EachHttpFunction_HasRouteKnownMethodsAuthLevelAndOneHttpOutput(string function)
    {
        var manifest = Find(function);
        var trigger = manifest.Trigger!;

        Assert.False(string.IsNullOrWhiteSpace(trigger.Route), $"{function}: httpTrigger has no route");
        Assert.False(trigger.Route!.StartsWith('/'), $"{function}: route '{trigger.Route}' must be relative to the route prefix");
        Assert.NotEmpty(trigger.Methods);
        Assert.All(trigger.Methods, method => Assert.Contains(method, KnownHttpMethods));
        Assert.Contains(trigger.AuthLevel ?? "function", KnownAuthLevels);
        // Proxying applies only to functions whose bindings are exactly httpTrigger + http out.
        var output = Assert.Single(manifest.Bindings, b => b.Direction == "out");
        Assert.Equal("http", output.Type);
        Assert.Equal(2, manifest.Bindings.Count);
    }

    [Fact]
    public void HttpTrigger_AllHttpFunctions_NoTwoShareARouteAndMethod()
    {
        var calls = Manifests.Value
            .Where(f => f.IsHttp)
            .SelectMany(f => f.Trigger!.Methods.Select(m => $"{m.ToUpperInvariant()} {HandlerRoutes.Normalize(f.Trigger.Route!).ToUpperInvariant()}"))
            .ToList();

        Assert.Equal(calls.Count, calls.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TimerFunctions))]
    public void TimerTrigger_EachTimerFunction_ReadsItsScheduleFromAnAppSettingTheBicepSets(string function)
    {
        var schedule = Find(function).Trigger!.Schedule;

        // Flex has no WEBSITE_TIME_ZONE: schedules are UTC and operators change them through app settings, not code.
        var match = Regex.Match(schedule ?? "", "^%([A-Za-z0-9_]+)%$");
        Assert.True(match.Success, $"{function}: schedule '{schedule}' is not a %APP_SETTING% reference");
        Assert.Contains($"{match.Groups[1].Value}:", ReadInfra("main.bicep"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public void QueueTrigger_EachQueueFunction_ListensOnAQueueTheBicepCreatesThroughTheIdentityConnection(string function)
    {
        var trigger = Find(function).Trigger!;

        Assert.False(string.IsNullOrWhiteSpace(trigger.QueueName), $"{function}: queueTrigger has no queueName");
        Assert.Contains($"'{trigger.QueueName}'", ReadInfra("main.bicep"), StringComparison.Ordinal);
        var connection = trigger.Connection ?? "AzureWebJobsStorage";
        Assert.Contains($"{connection}__queueServiceUri:", ReadInfra("app", "function.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_ThrowsNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, FunctionManifest.FileName), """{ "bindings": [ { "type": "httpTrigger", } """);

            var error = Assert.ThrowsAny<JsonException>(() => FunctionManifest.Load(folder));

            Assert.StartsWith(Path.Combine(folder, FunctionManifest.FileName) + ":", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Load_QueueManifest_ReadsTriggerProperties()
    {
        var folder = Directory.CreateTempSubdirectory("manifest-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, FunctionManifest.FileName), """
                { "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "message", "queueName": "q-1", "connection": "Store" } ] }
                """);

            var manifest = FunctionManifest.Load(folder);

            Assert.Equal(Path.GetFileName(folder), manifest.Name);
            var trigger = manifest.Trigger!;
            Assert.Equal(("queueTrigger", "in", "message", "q-1", "Store"), (trigger.Type, trigger.Direction, trigger.Name, trigger.QueueName, trigger.Connection));
            Assert.Null(trigger.Route);
            Assert.Empty(trigger.Methods);
            Assert.False(manifest.IsHttp);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static FunctionManifest Find(string name) => Manifests.Value.Single(f => f.Name == name);

    private static string ReadInfra(params string[] path) => File.ReadAllText(Path.Combine([RepositoryPaths.Root, "infra", .. path]));

    private static TheoryData<string> Names(Func<FunctionManifest, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var manifest in FunctionManifest.LoadAll(RepositoryPaths.Root).Where(predicate))
        {
            data.Add(manifest.Name);
        }

        return data;
    }
}
