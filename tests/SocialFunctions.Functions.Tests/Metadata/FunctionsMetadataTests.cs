using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using SocialFunctions.Functions.Http;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Metadata;

/// <summary>
/// The functions.metadata the Worker SDK generated into the build output — exactly what the Azure Functions host
/// indexes — holds the app's public contract: every function's name, trigger type, route, methods, auth level,
/// schedule and queue; and it agrees with infra/ (schedules are app settings the Bicep sets, queues the Bicep creates).
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<IReadOnlyList<FunctionsMetadata>> Built = new(FunctionsMetadata.LoadBuilt);

    /// <summary>The API and triggers users, operators and the Bicep rely on; a change here is a change of contract.</summary>
    private static readonly (string Name, string TriggerType, string Trigger)[] ContractRows =
    [
        ("BrandSettings", "httpTrigger", "GET|PUT api/brands/{brand}"),
        ("CheckBrandSeries", "queueTrigger", "series-checks"),
        ("CheckSeries", "httpTrigger", "POST api/brands/{brand}/series/check"),
        ("GetCoverage", "httpTrigger", "GET api/brands/{brand}/coverage"),
        ("GetReport", "httpTrigger", "GET api/brands/{brand}/reports/{report}"),
        ("Health", "httpTrigger", "GET api/health"),
        ("IngestExport", "httpTrigger", "POST api/brands/{brand}/exports"),
        ("ListBrands", "httpTrigger", "GET api/brands"),
        ("ListDailySeries", "httpTrigger", "GET api/brands/{brand}/daily"),
        ("ListPosts", "httpTrigger", "GET api/brands/{brand}/posts"),
        ("ListReports", "httpTrigger", "GET api/brands/{brand}/reports"),
        ("ListSeriesHealth", "httpTrigger", "GET api/brands/{brand}/series"),
        ("ListSeriesSuggestions", "httpTrigger", "GET api/brands/{brand}/series/suggestions"),
        ("ListUploads", "httpTrigger", "GET api/brands/{brand}/uploads"),
        ("PlanMonthlyReports", "timerTrigger", "%REPORT_SCHEDULE%"),
        ("PlanSeriesChecks", "timerTrigger", "%SERIES_CHECK_SCHEDULE%"),
        ("PlanWeeklyDigests", "timerTrigger", "%DIGEST_SCHEDULE%"),
        ("PreviewReport", "httpTrigger", "GET api/brands/{brand}/reports/{month}/preview"),
        ("PreviewSeriesRules", "httpTrigger", "POST api/brands/{brand}/series/preview"),
        ("PutReportCommentary", "httpTrigger", "PUT api/brands/{brand}/reports/{month}/commentary"),
        ("RenderBrandReport", "queueTrigger", "report-requests"),
        ("SendReport", "httpTrigger", "POST api/brands/{brand}/reports/{month}/send"),
        ("SendWeeklyDigest", "queueTrigger", "digest-requests"),
        ("WebPage", "httpTrigger", "GET {file?}"),
    ];

    public static TheoryData<string, string, string> Contract => new(ContractRows);

    [Fact]
    public void Functions_BuiltMetadata_ListsExactlyTheContractFunctions()
    {
        Assert.Equal(ContractRows.Select(row => row.Name).Order(StringComparer.Ordinal), Built.Value.Select(f => f.Name));
    }

    [Theory]
    [MemberData(nameof(Contract))]
    public void Function_BuiltMetadata_HasTheContractTriggerRouteMethodsScheduleOrQueue(string name, string triggerType, string trigger)
    {
        var function = Built.Value.Single(f => f.Name == name);

        var actual = function.TriggerType switch
        {
            "httpTrigger" => $"{string.Join('|', function.Methods)} {function.Route}",
            "timerTrigger" => function.Schedule,
            _ => function.QueueName,
        };
        Assert.Equal((triggerType, trigger), (function.TriggerType, actual));
    }

    [Fact]
    public void HttpFunctions_BuiltMetadata_LeaveAccessToTheWorkersCheckAndAnswerThroughTheReturnValue()
    {
        var http = Built.Value.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.NotEmpty(http);
        Assert.All(http, f =>
        {
            // The host cannot admit a signed-in user in place of a key, so every HTTP function declares the one level
            // ApiAccess.HostLevel and the worker's HttpEdge checks keys and sign-in (LocalServer.Tests/Access/HttpEdgeAccessTests prove it refuses).
            Assert.Equal(ApiAccess.HostLevel.ToString(), f.AuthLevel);
            Assert.True(f.Name == "WebPage" || f.Route!.StartsWith("api/", StringComparison.Ordinal), $"{f.Name}: API route '{f.Route}' must start with api/ (host.json's route prefix is empty)");
            Assert.False(f.Route!.StartsWith('/'), $"{f.Name}: route '{f.Route}' must be relative to the route prefix");
            Assert.Equal(["http"], f.OutputTypes);
        });
    }

    [Fact]
    public void HttpFunctions_BuiltMetadata_NoTwoShareARouteAndMethod()
    {
        var calls = Built.Value.Where(f => f.TriggerType == "httpTrigger")
            .SelectMany(f => f.Methods.Select(m => $"{m} {f.Route!.ToUpperInvariant()}"))
            .ToList();

        Assert.Equal(calls.Count, calls.Distinct().Count());
    }

    [Fact]
    public void TimerFunctions_BuiltMetadata_ReadTheirScheduleFromAnAppSettingTheBicepSetsAndRetry()
    {
        var timers = Built.Value.Where(f => f.TriggerType == "timerTrigger").ToList();

        Assert.NotEmpty(timers);
        Assert.All(timers, f =>
        {
            // Flex has no WEBSITE_TIME_ZONE: schedules are UTC and operators change them through app settings, not code.
            var match = Regex.Match(f.Schedule ?? "", "^%([A-Za-z0-9_]+)%$");
            Assert.True(match.Success, $"{f.Name}: schedule '{f.Schedule}' is not a %APP_SETTING% reference");
            Assert.Contains($"{match.Groups[1].Value}:", ReadInfra("main.bicep"), StringComparison.Ordinal);
            Assert.Equal("fixedDelay", f.RetryStrategy);
        });
    }

    [Fact]
    public void QueueFunctions_BuiltMetadata_ListenOnQueuesTheBicepCreatesThroughTheIdentityConnection()
    {
        var queues = Built.Value.Where(f => f.TriggerType == "queueTrigger").ToList();

        Assert.NotEmpty(queues);
        Assert.All(queues, f =>
        {
            Assert.Contains($"'{f.QueueName}'", ReadInfra("main.bicep"), StringComparison.Ordinal);
            var connection = f.Connection ?? "AzureWebJobsStorage";
            Assert.Contains($"{connection}__queueServiceUri:", ReadInfra("app", "function.bicep"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EntryPoints_BuiltMetadata_EachNamesAFunctionMethodOfTheAssemblyUnderItsName()
    {
        var assembly = typeof(FunctionsServiceCollectionExtensions).Assembly;

        Assert.All(Built.Value, f =>
        {
            var dot = f.EntryPoint.LastIndexOf('.');
            var type = assembly.GetType(f.EntryPoint[..dot]);
            Assert.True(type is not null, $"{f.Name}: entry point type {f.EntryPoint[..dot]} is not in the assembly");
            var method = type.GetMethod(f.EntryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
            Assert.Equal(f.Name, method?.GetCustomAttribute<FunctionAttribute>()?.Name);
        });
    }

    private static string ReadInfra(params string[] path) => File.ReadAllText(Path.Combine([RepositoryPaths.Root, "infra", .. path]));
}
