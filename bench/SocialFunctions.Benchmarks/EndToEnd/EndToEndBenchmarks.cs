using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using SocialFunctions.Core.Records;
using SocialFunctions.Infrastructure.Storage;
using SocialFunctions.Testing;

namespace SocialFunctions.Benchmarks.EndToEnd;

/// <summary>The end-to-end measures: each starts a fresh system through <see cref="BenchApp"/> and repeats.</summary>
public static class EndToEndBenchmarks
{
    /// <summary>Batches in flight, for the app (Storage__MaxParallelBatches) and the raw ceiling alike.</summary>
    public const int Parallelism = 8;

    private static readonly Dictionary<string, string> AppSettings = new()
    {
        ["Storage__MaxParallelBatches"] = Parallelism.ToString(CultureInfo.InvariantCulture),
        ["Ingest__MaxUploadBytes"] = (512L * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Ingest ratio: the file through the upload endpoint against the same records written straight to the same
    /// Azurite in batches of 100, one partition per batch (the ceiling). The order alternates between repetitions so
    /// neither side always meets the fuller Azurite.
    /// </summary>
    public static async Task<List<Figure>> IngestRatioAsync(int canonicalRows, int facebookRows, int repetitions, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("sf-bench-");
        try
        {
            var canonicalPath = Path.Combine(dir.FullName, "canonical.csv");
            var facebookPath = Path.Combine(dir.FullName, "facebook-posts.csv");
            var canonical = ExportFiles.WriteCanonical(canonicalPath, "bench-canonical", canonicalRows, seed: 17);
            var facebook = ExportFiles.WriteFacebook(facebookPath, "bench-facebook", facebookRows, captionLength: 180, seed: 23);
            var runs = new Dictionary<string, List<(double Raw, double Http)>> { ["canonical"] = [], ["facebook"] = [] };
            var cpu = new Dictionary<string, List<(double Raw, double Http)>> { ["canonical"] = [], ["facebook"] = [] };

            // Small files of the same formats: each fresh app and the ceiling's code path are warmed up (JIT, connections)
            // before anything is timed, so the short Facebook upload is not charged for the app's first request.
            var warmups = new Dictionary<string, (string Path, List<CanonicalPost> Posts)>
            {
                ["canonical"] = (Path.Combine(dir.FullName, "warmup-canonical.csv"), []),
                ["facebook"] = (Path.Combine(dir.FullName, "warmup-facebook.csv"), []),
            };
            warmups["canonical"] = (warmups["canonical"].Path, ExportFiles.WriteCanonical(warmups["canonical"].Path, "warmup-canonical", 2_000, seed: 99));
            warmups["facebook"] = (warmups["facebook"].Path, ExportFiles.WriteFacebook(warmups["facebook"].Path, "warmup-facebook", 2_000, captionLength: 180, seed: 98));
            for (var rep = 0; rep < repetitions; rep++)
            {
                foreach (var (name, path, posts) in new[] { ("canonical", canonicalPath, canonical), ("facebook", facebookPath, facebook) })
                {
                    // A fresh Azurite per file: its upserts slow down as a table grows, so both sides start from empty tables.
                    await using var app = await BenchApp.StartAsync(AppSettings, cancellationToken);
                    var warmup = warmups[name];
                    await UploadAsync(app, warmup.Posts[0].Brand, warmup.Path, warmup.Posts.Count, cancellationToken);
                    await RawCeilingAsync(app.ConnectionString, $"warmup{name}{rep}", warmup.Posts, cancellationToken);
                    double raw = 0, http = 0, rawCpu = 0, httpCpu = 0;
                    string rawSplit = string.Empty, httpSplit = string.Empty;
                    async Task CeilingAsync()
                    {
                        var before = app.CpuTime();
                        var split = app.CpuSplit();
                        raw = await RawCeilingAsync(app.ConnectionString, $"ceiling{name}{rep}", posts, cancellationToken);
                        rawCpu = (app.CpuTime() - before).TotalSeconds;
                        rawSplit = SplitSince(app, split);
                    }

                    async Task HttpAsync()
                    {
                        var before = app.CpuTime();
                        var split = app.CpuSplit();
                        http = await UploadAsync(app, $"{posts[0].Brand}-{rep}", path, posts.Count, cancellationToken);
                        httpCpu = (app.CpuTime() - before).TotalSeconds;
                        httpSplit = SplitSince(app, split);
                    }

                    if (rep % 2 == 0)
                    {
                        await CeilingAsync();
                        await HttpAsync();
                    }
                    else
                    {
                        await HttpAsync();
                        await CeilingAsync();
                    }

                    runs[name].Add((raw, http));
                    cpu[name].Add((rawCpu, httpCpu));
                    Console.WriteLine($"    {name,-9} rep {rep + 1}: ceiling {posts.Count / raw,8:N0} rows/s, upload {posts.Count / http,8:N0} rows/s, ratio {raw / http:N2}; CPU s ceiling {rawCpu:N1}, upload {httpCpu:N1}, ratio {rawCpu / httpCpu:N2} (ceiling {rawSplit}; upload {httpSplit})");
                }
            }

            return
            [
                RatioFigure($"Ingest ratio, canonical CSV {canonicalRows:N0} rows ({new FileInfo(canonicalPath).Length / 1048576.0:N1} MB)", canonicalRows, runs["canonical"]),
                CpuFigure($"Ingest CPU ratio (ceiling CPU ÷ upload CPU), canonical CSV {canonicalRows:N0} rows", cpu["canonical"]),
                RatioFigure($"Ingest ratio, Facebook export {facebookRows:N0} rows ({new FileInfo(facebookPath).Length / 1048576.0:N1} MB)", facebookRows, runs["facebook"]),
                CpuFigure($"Ingest CPU ratio (ceiling CPU ÷ upload CPU), Facebook export {facebookRows:N0} rows", cpu["facebook"]),
            ];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The key layouts side by side, through the app's own batch writer straight to one Azurite: the first layout
    /// (a partition per brand, channel and month), the second (16 buckets a month) and the current one (32 buckets a
    /// month), and the one-partition-per-batch ceiling.
    /// </summary>
    public static async Task<List<Figure>> KeyLayoutAsync(int rows, int repetitions, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("sf-bench-");
        try
        {
            var posts = ExportFiles.WriteCanonical(Path.Combine(dir.FullName, "layout.csv"), "bench-layout", rows, seed: 5);
            var legacy = new List<double>();
            var previous = new List<double>();
            var current = new List<double>();
            var ceiling = new List<double>();
            for (var rep = 0; rep < repetitions; rep++)
            {
                await using var app = await BenchApp.StartAsync(AppSettings, cancellationToken);
                await WriterAsync(app.ConnectionString, $"layoutwarmup{rep}", posts.Take(2_000).Select(PostEntityMapper.ToEntity), cancellationToken);
                var old = await WriterAsync(app.ConnectionString, $"layoutold{rep}", posts.Select(LegacyEntity), cancellationToken);
                var sixteen = await WriterAsync(app.ConnectionString, $"layoutsixteen{rep}", posts.Select(SixteenBucketEntity), cancellationToken);
                var now = await WriterAsync(app.ConnectionString, $"layoutnew{rep}", posts.Select(PostEntityMapper.ToEntity), cancellationToken);
                var raw = await RawCeilingAsync(app.ConnectionString, $"layoutceiling{rep}", posts, cancellationToken);
                legacy.Add(old);
                previous.Add(sixteen);
                current.Add(now);
                ceiling.Add(raw);
                Console.WriteLine($"    rep {rep + 1}: first layout {rows / old,8:N0} rows/s, 16 buckets {rows / sixteen,8:N0} rows/s, current layout {rows / now,8:N0} rows/s, ceiling {rows / raw,8:N0} rows/s");
            }

            var oldRate = rows / Median(legacy);
            var sixteenRate = rows / Median(previous);
            var newRate = rows / Median(current);
            var ceilingRate = rows / Median(ceiling);
            return
            [
                new Figure($"Writer, first layout {{brand}}|{{channel}}|{{yyyy-MM}} ({rows:N0} rows, 12 partitions)", $"{oldRate:N0} rows/s = {oldRate / ceilingRate:N2} × ceiling", "—", null, Spread(legacy, rows)),
                new Figure($"Writer, second layout {{brand}}|{{yyyy-MM}}|{{bucket}} ({rows:N0} rows, {12 * PostEntityMapper.PreviousPostBuckets} partitions)", $"{sixteenRate:N0} rows/s = {sixteenRate / ceilingRate:N2} × ceiling", "—", null, Spread(previous, rows)),
                new Figure($"Writer, current layout {{brand}}|m{{yyyy-MM}}|{{bucket}} ({rows:N0} rows, {12 * PostEntityMapper.PostBuckets} partitions)", $"{newRate:N0} rows/s = {newRate / ceilingRate:N2} × ceiling ({newRate / sixteenRate:N2} × second, {newRate / oldRate:N1} × first)", "—", null, Spread(current, rows)),
                new Figure($"Raw ceiling, 1 partition per batch of 100 ({rows:N0} rows)", $"{ceilingRate:N0} rows/s", "—", null, Spread(ceiling, rows)),
            ];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Peak resident memory of the app process (VmHWM) across one upload of a large Facebook export.</summary>
    public static async Task<List<Figure>> MemoryAsync(int megabytes, int repetitions, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("sf-bench-");
        try
        {
            var path = Path.Combine(dir.FullName, "facebook-big.csv");
            const int captionLength = 1800;
            var rows = (int)(megabytes * 1048576L / 2_010.0); // measured: ~2,010 bytes a row with these captions
            ExportFiles.WriteFacebook(path, "bench-memory", rows, captionLength, seed: 31);
            var size = new FileInfo(path).Length / 1048576.0;
            var peaks = new List<double>();
            var rates = new List<double>();
            for (var rep = 0; rep < repetitions; rep++)
            {
                await using var app = await BenchApp.StartAsync(AppSettings, cancellationToken);
                var seconds = await UploadAsync(app, "bench-memory", path, rows, cancellationToken);
                var peak = app.PeakWorkingSetBytes() / 1048576.0;
                peaks.Add(peak);
                rates.Add(size / seconds);
                Console.WriteLine($"    rep {rep + 1}: {size:N0} MB, {rows:N0} rows in {seconds:N1} s, peak working set {peak:N0} MB");
            }

            var median = Median(peaks);
            return [new Figure($"Peak working set of the app, {size:N0} MB Facebook export ({rows:N0} rows)", $"{median:N0} MB", "< 300 MB", median < 300, $"runs: {string.Join(", ", peaks.Select(p => p.ToString("N0", CultureInfo.InvariantCulture)))} MB; {Median(rates):N1} MB/s end to end")];
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The monthly run for many brands: settings and a month of posts for each (not timed), then one
    /// <c>report-requests</c> message per brand, as the planner sends, timed until every mail is in the outbox.
    /// </summary>
    public static async Task<List<Figure>> FanOutAsync(int brands, int repetitions, CancellationToken cancellationToken)
    {
        var results = new List<double>();
        var cpuPerBrand = new List<double>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            await using var app = await BenchApp.StartAsync(AppSettings, cancellationToken);
            using var client = app.CreateClient();
            var names = Enumerable.Range(0, brands).Select(i => $"fanout-{i:D4}").ToList();
            var setup = Stopwatch.StartNew();
            await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (brand, ct) =>
            {
                var settings = await File.ReadAllTextAsync(RepositoryPaths.Samples("brand.json"), ct);
                using var put = await client.PutAsync($"api/brands/{brand}", new StringContent(settings, Encoding.UTF8, "application/json"), ct);
                put.EnsureSuccessStatusCode();
                using var upload = await client.PostAsync($"api/brands/{brand}/exports?filename={brand}.csv", new StringContent(MonthOfPosts(brand), Encoding.UTF8, "text/csv"), ct);
                upload.EnsureSuccessStatusCode();
            });
            Console.WriteLine($"    rep {rep + 1}: {brands} brands set up in {setup.Elapsed.TotalSeconds:N0} s; sending {brands} report requests");

            var queue = new QueueServiceClient(app.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }).GetQueueClient("report-requests");
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            var cpuBefore = app.CpuTime();
            var stopwatch = Stopwatch.StartNew();
            foreach (var brand in names)
            {
                await queue.SendMessageAsync(JsonSerializer.Serialize(new { brand }), cancellationToken);
            }

            var mails = 0;
            while (stopwatch.Elapsed < TimeSpan.FromMinutes(15))
            {
                mails = Directory.EnumerateFiles(app.OutboxPath, "*.eml", SearchOption.AllDirectories).Count();
                if (mails >= brands)
                {
                    break;
                }

                await Task.Delay(250, cancellationToken);
            }

            var minutes = stopwatch.Elapsed.TotalMinutes;
            if (mails < brands)
            {
                throw new InvalidOperationException($"Only {mails} of {brands} mails reached the outbox within 15 minutes.");
            }

            var cpu = (app.CpuTime() - cpuBefore).TotalSeconds;
            results.Add(brands / minutes);
            cpuPerBrand.Add(cpu / brands);
            Console.WriteLine($"    rep {rep + 1}: {brands} mails in {minutes * 60:N0} s = {brands / minutes:N0} brands/min; {cpu:N0} CPU s (app + Azurite) = {cpu / brands * 1000:N0} ms a brand");
        }

        var median = Median(results);
        var cpuMedian = Median(cpuPerBrand);
        return
        [
            new Figure($"Fan-out: monthly run for {brands} brands (queue → report → outbox)", $"{median:N0} brands/min", "≥ 200/min", median >= 200, $"runs: {string.Join(", ", results.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))}"),
            new Figure(
                "Fan-out: CPU per brand (app + Azurite), and what it allows on this machine's cores when they are not shared",
                $"{cpuMedian * 1000:N0} ms a brand → {Environment.ProcessorCount * 60 / cpuMedian:N0} brands/min",
                "≥ 200/min",
                Environment.ProcessorCount * 60 / cpuMedian >= 200,
                $"per run: {string.Join(", ", cpuPerBrand.Select(c => (c * 1000).ToString("N0", CultureInfo.InvariantCulture)))} ms; {Environment.ProcessorCount} cores"),
        ];
    }

    /// <summary>A brand's last two months on three channels (about 120 posts), dated before the machine's current month.</summary>
    private static string MonthOfPosts(string brand)
    {
        var csv = new StringBuilder("channel,postId,publishedAt,text,impressions,reach,reactions,comments,shares\n");
        var random = new Random(brand.GetHashCode(StringComparison.Ordinal));
        var now = TimeProvider.System.GetUtcNow();
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        string[] channels = [Channels.Instagram, Channels.LinkedIn, Channels.X];
        for (var i = 0; i < 120; i++)
        {
            var published = monthStart.AddDays(-60 + (i / 2.0)).AddHours(random.Next(8, 20));
            var impressions = 500 + random.Next(5000);
            var text = i % 4 == 0 ? "Tip Tuesday: dial in your grind #TipTuesday" : "Behind the Scenes: roasting day";
            csv.Append(CultureInfo.InvariantCulture, $"{channels[i % 3]},{brand}-{i},{published:yyyy-MM-ddTHH:mm:ssZ},{text},{impressions},{impressions * 7 / 10},{impressions / 30},{impressions / 300},{impressions / 900}\n");
        }

        return csv.ToString();
    }

    private static async Task<double> UploadAsync(BenchApp app, string brand, string path, int expectedRows, CancellationToken cancellationToken)
    {
        using var client = app.CreateClient();
        await using var file = File.OpenRead(path);
        using var content = new StreamContent(file);
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.PostAsync($"api/brands/{brand}/exports?filename={Path.GetFileName(path)}", content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Upload of {path} failed: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}");
        }

        var accepted = JsonDocument.Parse(body).RootElement.GetProperty("files")[0].GetProperty("rowsAccepted").GetInt32();
        if (accepted != expectedRows)
        {
            throw new InvalidOperationException($"Upload of {path} stored {accepted} rows, expected {expectedRows}: {body[..Math.Min(body.Length, 500)]}");
        }

        return elapsed;
    }

    /// <summary>The same records as entities, 100 to a batch, each batch its own partition, <see cref="Parallelism"/> in flight.</summary>
    private static async Task<double> RawCeilingAsync(string connectionString, string tableName, List<CanonicalPost> posts, CancellationToken cancellationToken)
    {
        var entities = posts.Select((p, i) =>
        {
            var e = PostEntityMapper.ToEntity(p);
            e.PartitionKey = "ceiling|" + (i / 100).ToString("D6", CultureInfo.InvariantCulture);
            return e;
        });
        return await WriterAsync(connectionString, tableName, entities, cancellationToken);
    }

    /// <summary>Entities through the app's batch writer (grouping by partition, ≤ 100 a batch, bounded parallelism).</summary>
    private static async Task<double> WriterAsync(string connectionString, string tableName, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        var table = new TableClient(connectionString, tableName);
        await table.CreateIfNotExistsAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        using var writer = new TableBatchWriter(table, Parallelism);
        foreach (var entity in entities)
        {
            await writer.AddAsync(entity, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
        return stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Keys of the first layout: PK {brand}|{channel}|{yyyy-MM}, RK the post id.</summary>
    private static TableEntity LegacyEntity(CanonicalPost post)
    {
        var entity = PostEntityMapper.ToEntity(post);
        entity.PartitionKey = string.Join('|', post.Brand, post.Channel, post.PublishedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        entity.RowKey = PostEntityMapper.PostIdentity(post);
        return entity;
    }

    /// <summary>Keys of the second layout: PK {brand}|{yyyy-MM}|{bucket of 16}, RK as now.</summary>
    private static TableEntity SixteenBucketEntity(CanonicalPost post)
    {
        var entity = PostEntityMapper.ToEntity(post);
        entity.PartitionKey = PostEntityMapper.PreviousPostPartition(post);
        return entity;
    }

    private static string SplitSince(BenchApp app, (TimeSpan App, TimeSpan Azurite) before)
    {
        var now = app.CpuSplit();
        return $"app {(now.App - before.App).TotalSeconds:N1} s, Azurite {(now.Azurite - before.Azurite).TotalSeconds:N1} s";
    }

    private static Figure RatioFigure(string name, int rows, List<(double Raw, double Http)> runs)
    {
        var ratios = runs.Select(r => r.Raw / r.Http).ToList();
        var ratio = Median(ratios);
        var http = rows / Median(runs.Select(r => r.Http).ToList());
        var raw = rows / Median(runs.Select(r => r.Raw).ToList());
        return new Figure(name, $"{ratio:N2} ({http:N0} vs {raw:N0} rows/s)", "≥ 0.85", ratio >= 0.85, $"ratios per run: {string.Join(", ", ratios.Select(r => r.ToString("N2", CultureInfo.InvariantCulture)))}");
    }

    /// <summary>The same comparison in CPU seconds (Azurite + app + bench), which load on the machine hardly moves.</summary>
    private static Figure CpuFigure(string name, List<(double Raw, double Http)> runs)
    {
        var ratios = runs.Select(r => r.Raw / r.Http).ToList();
        var ratio = Median(ratios);
        return new Figure(name, $"{ratio:N2} ({Median(runs.Select(r => r.Http).ToList()):N1} vs {Median(runs.Select(r => r.Raw).ToList()):N1} CPU s)", "—", null, $"per run: {string.Join(", ", ratios.Select(r => r.ToString("N2", CultureInfo.InvariantCulture)))}");
    }

    private static string Spread(List<double> seconds, int rows) =>
        "runs: " + string.Join(", ", seconds.Select(s => (rows / s).ToString("N0", CultureInfo.InvariantCulture))) + " rows/s";

    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One line of the results table: what, the median figure, its target, met or not (null: no target).</summary>
public sealed record Figure(string Name, string Value, string Target, bool? Met, string Note);
