using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Core.Ports;
using SocialFunctions.Core.Records;
using SocialFunctions.LocalServer;
using SocialFunctions.Testing;

namespace SocialFunctions.Benchmarks;

/// <summary>
/// Ingest throughput end to end: a canonical CSV of N rows uploaded through the real handler over HTTP, against the
/// same rows written straight through the record store's batched upserts, both into one Azurite. The ratio is the
/// cost of HTTP, spooling, hashing, archiving and parsing on top of storage.
/// </summary>
public static class IngestThroughputBench
{
    public static async Task RunAsync(int rows, CancellationToken cancellationToken)
    {
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var csvPath = Path.Combine(Path.GetTempPath(), $"sf-bench-{rows}.csv");
        await WriteCsvAsync(csvPath, rows, cancellationToken);
        Console.WriteLine($"Ingest benchmark: {rows:N0} rows, {new FileInfo(csvPath).Length / (1024.0 * 1024):N1} MB canonical CSV, Azurite in memory");

        var raw = await RawUpsertsAsync(azurite, rows, cancellationToken);
        Console.WriteLine($"  raw batched upserts   {raw.TotalSeconds,7:N1} s   {rows / raw.TotalSeconds,9:N0} rows/s");

        var http = await HttpUploadAsync(azurite, csvPath, cancellationToken);
        Console.WriteLine($"  HTTP upload (handler) {http.TotalSeconds,7:N1} s   {rows / http.TotalSeconds,9:N0} rows/s");
        Console.WriteLine($"  ratio HTTP / raw      {raw.TotalSeconds / http.TotalSeconds,7:N2}   (target ≥ 0.85)");
        Console.WriteLine($"  peak working set      {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),7:N0} MB (this process: handler + raw writer)");
        File.Delete(csvPath);
    }

    private static async Task<TimeSpan> RawUpsertsAsync(AzuriteFixture azurite, int rows, CancellationToken cancellationToken)
    {
        await using var app = BuildHandler(azurite, "benchraw");
        var records = app.Services.GetRequiredService<IRecordStore>();
        var stopwatch = Stopwatch.StartNew();
        await using var writer = records.OpenWriter();
        for (var i = 0; i < rows; i++)
        {
            await writer.WriteAsync(Post(i), cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return stopwatch.Elapsed;
    }

    private static async Task<TimeSpan> HttpUploadAsync(AzuriteFixture azurite, string csvPath, CancellationToken cancellationToken)
    {
        await using var app = BuildHandler(azurite, "benchhttp");
        await app.StartAsync(cancellationToken);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/"), Timeout = TimeSpan.FromMinutes(30) };
        var stopwatch = Stopwatch.StartNew();
        await using var file = File.OpenRead(csvPath);
        using var content = new StreamContent(file);
        using var response = await client.PostAsync("api/brands/bench/exports?filename=bench.csv", content, cancellationToken);
        var elapsed = stopwatch.Elapsed;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        await app.StopAsync(cancellationToken);
        return elapsed;
    }

    private static Microsoft.AspNetCore.Builder.WebApplication BuildHandler(AzuriteFixture azurite, string prefix) =>
        LocalServerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Scheduling:TimersEnabled"] = "false",
            ["Scheduling:QueuesEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }));

    private static CanonicalPost Post(int i) => new()
    {
        Brand = "bench",
        Channel = Channels.Reddit,
        PostId = "p" + i.ToString(CultureInfo.InvariantCulture),
        PublishedAt = Start.AddMinutes(i * 5),
        Text = $"Post number {i}, with a comma",
        Permalink = $"https://example.com/p/{i}",
        ContentType = ContentTypes.Text,
        Impressions = 1000 + (i % 977),
        Reach = 800 + (i % 500),
        Reactions = i % 50,
        Comments = i % 9,
        Shares = i % 4,
        Saves = i % 3,
        Clicks = i % 20,
    };

    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static async Task WriteCsvAsync(string path, int rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("channel,postId,publishedAt,text,permalink,contentType,impressions,reach,reactions,comments,shares,saves,clicks");
        var line = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var p = Post(i);
            line.Clear().Append(CultureInfo.InvariantCulture,
                $"reddit,{p.PostId},{p.PublishedAt:yyyy-MM-ddTHH:mm:ssZ},\"{p.Text}\",{p.Permalink},text,{p.Impressions},{p.Reach},{p.Reactions},{p.Comments},{p.Shares},{p.Saves},{p.Clicks}");
            await writer.WriteLineAsync(line, cancellationToken);
        }
    }
}
