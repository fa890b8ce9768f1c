using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
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
        ("BrandSettings", "httpTrigger", "GET|PUT brands/{brand}"),
        ("CheckBrandSeries", "queueTrigger", "series-checks"),
        ("CheckSeries", "httpTrigger", "POST brands/{brand}/series/check"),
        ("GetReport", "httpTrigger", "GET brands/{brand}/reports/{report}"),
        ("Health", "httpTrigger", "GET health"),
        ("IngestExport", "httpTrigger", "POST brands/{brand}/exports"),
        ("ListDailySeries", "httpTrigger", "GET brands/{brand}/daily"),
        ("ListPosts", "httpTrigger", "GET brands/{brand}/posts"),
        ("ListSeriesHealth", "httpTrigger", "GET brands/{brand}/series"),
        ("PlanMonthlyReports", "timerTrigger", "%REPORT_SCHEDULE%"),
        ("PlanSeriesChecks", "timerTrigger", "%SERIES_CHECK_SCHEDULE%"),
        ("PlanWeeklyDigests", "timerTrigger", "%DIGEST_SCHEDULE%"),
        ("PutReportCommentary", "httpTrigger", "PUT brands/{brand}/reports/{month}/commentary"),
        ("RenderBrandReport", "queueTrigger", "report-requests"),
        ("SendReport", "httpTrigger", "POST brands/{brand}/reports/{month}/send"),
        ("SendWeeklyDigest", "queueTrigger", "digest-requests"),
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
    public void HttpFunctions_BuiltMetadata_NeedAFunctionKeyAndAnswerThroughTheReturnValue()
    {
        var http = Built.Value.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.NotEmpty(http);
        Assert.All(http, f =>
        {
            // Anonymous would open the API to anyone; admin would need the master key for daily use.
            Assert.Equal("Function", f.AuthLevel);
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
