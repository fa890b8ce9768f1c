using System.IO.Compression;
using System.Text;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SocialFunctions.Functions.Telemetry;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Telemetry;

/// <summary>
/// Application Insights is on exactly when its connection string is set, and then the pipeline meter reaches the
/// ingestion endpoint — here a recording server on loopback named by the connection string's IngestionEndpoint.
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddTelemetry_NoConnectionString_RegistersNoTelemetryPipeline()
    {
        await using var provider = Build(new Dictionary<string, string?>());

        Assert.Null(provider.GetService<MeterProvider>());
        Assert.Null(provider.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AddTelemetry_ConnectionString_ExportsPipelineMetricsToTheIngestionEndpoint()
    {
        await using var ingestion = await RecordingHttpServer.StartAsync(Ct);
        await using var provider = Build(new Dictionary<string, string?>
        {
            [TelemetryServiceCollectionExtensions.ConnectionStringSetting] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={ingestion.BaseAddress}",
            // Nothing may leave the machine: no statsbeat, live metrics or offline retries to Microsoft's endpoints.
            ["AzureMonitor:EnableStatsbeat"] = "false",
            ["AzureMonitor:EnableLiveMetrics"] = "false",
            ["AzureMonitor:DisableOfflineStorage"] = "true",
        });

        // The host starts the providers with the app; measurements made before that are not collected.
        var meters = provider.GetRequiredService<MeterProvider>();
        provider.GetRequiredService<PipelineMetrics>().ReportSent();
        provider.GetRequiredService<PipelineMetrics>().AlertPosted("outbox");
        Assert.True(meters.ForceFlush(30_000), "the metric exporter did not flush");

        var bodies = ingestion.Requests.Where(r => r.PathAndQuery.Contains("/track", StringComparison.Ordinal)).Select(Text).ToList();
        Assert.Contains(bodies, b => b.Contains("socialfunctions.reports.sent", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Contains("socialfunctions.alerts.posted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Authorization=AAD", "system")]
    [InlineData("ClientId=1b2c3d4e-0000-0000-0000-000000000001;Authorization=AAD", "user")]
    public void CredentialFor_AuthenticationString_PicksTheManagedIdentity(string? authentication, string? expected)
    {
        var credential = TelemetryServiceCollectionExtensions.CredentialFor(authentication);

        Assert.Equal(expected is null, credential is null);
        if (expected is not null)
        {
            Assert.IsType<ManagedIdentityCredential>(credential);
        }
    }

    [Fact]
    public void CredentialFor_UnsupportedForm_SaysWhatIsSupported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TelemetryServiceCollectionExtensions.CredentialFor("Authorization=Key"));

        Assert.Contains("'Authorization=AAD'", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSocialFunctions(configuration)
            .AddTelemetry(configuration)
            .BuildServiceProvider();
    }

    private static string Text(RecordedRequest request)
    {
        if (request.Headers.TryGetValue("Content-Encoding", out var encoding) && encoding.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        return request.BodyText;
    }
}
