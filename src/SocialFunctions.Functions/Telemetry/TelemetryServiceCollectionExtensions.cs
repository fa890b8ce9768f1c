using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SocialFunctions.Functions.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string ExporterSection = "AzureMonitor";

    /// <summary>
    /// Application Insights through OpenTelemetry, on only when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (in
    /// Azure; never locally): the worker's function-invocation spans (the host records the requests, host.json
    /// <c>telemetryMode</c>), dependencies (Azure SDK calls to storage, HttpClient calls to Graph and Teams), logs, and
    /// the <see cref="PipelineMetrics"/> meter. With <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> =
    /// <c>Authorization=AAD[;ClientId=…]</c> the exporter authenticates with the managed identity (local auth is off).
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        // Azure SDK clients emit their dependency spans through ActivitySource only when this switch is on.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var credential = CredentialFor(configuration[AuthenticationStringSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource("Azure.*").AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.MeterName))
            .UseAzureMonitorExporter(o =>
            {
                // Exporter knobs (e.g. AzureMonitor__SamplingRatio, AzureMonitor__EnableLiveMetrics) come from configuration.
                configuration.GetSection(ExporterSection).Bind(o);
                o.ConnectionString = connectionString;
                o.Credential = credential;
            });
        return services;
    }

    /// <summary>
    /// The credential an <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> asks for: a managed identity (user-assigned
    /// when it names a ClientId) for <c>Authorization=AAD</c>; none (instrumentation key) when absent.
    /// </summary>
    public static TokenCredential? CredentialFor(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{AuthenticationStringSetting} is '{authenticationString}'; the only supported form is 'Authorization=AAD' with an optional 'ClientId=<client id>'.");
        }

        return parts.TryGetValue("ClientId", out var clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
