using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Functions.Ingest;
using SocialFunctions.Functions.Telemetry;
using SocialFunctions.Testing;

namespace SocialFunctions.Functions.Tests.Ingest;

/// <summary>The upload function called directly with a raw-body request, as the worker hands it over.</summary>
public sealed class IngestExportFunctionDirectTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_CanonicalCsvBody_AnswersTheOutcomeAndCountsTheRowsOnThePipelineMeter()
    {
        await using var functions = new FunctionServices(azurite);
        var csv = "channel,postId,publishedAt,text\nreddit,r1,2026-10-01T09:00:00Z,One\nreddit,r2,2026-10-02T09:00:00Z,Two\n";
        var context = functions.Request("POST", "/api/brands/acme/exports?filename=reddit.csv", csv, "text/csv");
        long rows = 0;
        // Only this composition's meter: other tests upload in parallel through meters of their own.
        var factory = functions.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == PipelineMetrics.MeterName && instrument.Name == "socialfunctions.rows.ingested")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (tags.ToArray().Contains(new KeyValuePair<string, object?>("channel", "reddit")))
            {
                Interlocked.Add(ref rows, value);
            }
        });
        listener.Start();

        var result = await functions.Create<IngestExportFunction>().RunAsync(context.Request, "acme", TestContext.Current.CancellationToken);
        var (status, _, body) = await FunctionServices.AnswerAsync(result.Result, context);

        Assert.Equal(200, status);
        var file = Assert.Single(body.GetProperty("files").EnumerateArray());
        Assert.Equal(2, file.GetProperty("rowsAccepted").GetInt32());
        Assert.Equal(2, Interlocked.Read(ref rows));
    }
}
