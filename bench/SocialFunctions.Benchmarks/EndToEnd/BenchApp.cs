using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using SocialFunctions.Testing;

namespace SocialFunctions.Benchmarks.EndToEnd;

/// <summary>
/// THE one place the end-to-end benchmarks start the system: a fresh, in-memory Azurite and the app as its own process
/// (the local Functions server, <c>src/SocialFunctions.LocalServer/bin/Release/net10.0/SocialFunctions.LocalServer.dll</c>,
/// which runs the same <c>[Function]</c>s the Functions host runs in Azure). Benchmarks talk to it only over HTTP, the
/// storage account and the outbox folder. Ports come from PORT and AZURITE_*_PORT (set by run.sh), else free ones.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly Process _azurite;
    private readonly Process _app;

    private BenchApp(Process azurite, Process app, int appPort, int blobPort, int queuePort, int tablePort, string outbox)
    {
        _azurite = azurite;
        _app = app;
        BaseAddress = new Uri($"http://127.0.0.1:{appPort}/");
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
        OutboxPath = outbox;
    }

    public Uri BaseAddress { get; }

    /// <summary>The storage account the app uses (for raw-ceiling writes and queue messages).</summary>
    public string ConnectionString { get; }

    /// <summary>Where the app writes mails (.eml) and Teams cards.</summary>
    public string OutboxPath { get; }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(30) };

    /// <summary>
    /// CPU time used so far by Azurite and the app together plus this process (user + system). On a shared machine the
    /// CPU a piece of work costs is far steadier than the wall-clock time it takes.
    /// </summary>
    public TimeSpan CpuTime() => ProcessCpu(_azurite.Id) + ProcessCpu(_app.Id) + Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>CPU time so far of the app process alone and of Azurite alone (where the work went).</summary>
    public (TimeSpan App, TimeSpan Azurite) CpuSplit() => (ProcessCpu(_app.Id), ProcessCpu(_azurite.Id));

    private static TimeSpan ProcessCpu(int pid)
    {
        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks (100 per second on Linux), after the ")".
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Peak resident set of the app process since it started (VmHWM), in bytes.</summary>
    public long PeakWorkingSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_app.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("VmHWM not found (Linux only).");
    }

    /// <summary>Starts Azurite and the app; <paramref name="settings"/> are app settings as environment variables (e.g. <c>Storage__MaxParallelBatches</c>).</summary>
    public static async Task<BenchApp> StartAsync(IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        var blobPort = PortFrom("AZURITE_BLOB_PORT");
        var queuePort = PortFrom("AZURITE_QUEUE_PORT");
        var tablePort = PortFrom("AZURITE_TABLE_PORT");
        var appPort = PortFrom("PORT");
        var azurite = Start(AzuriteLocator.Find(), [
            "--inMemoryPersistence", "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Str(blobPort), "--queuePort", Str(queuePort), "--tablePort", Str(tablePort),
        ], new Dictionary<string, string>());
        Process? app = null;
        try
        {
            await WaitForAsync($"http://127.0.0.1:{tablePort}/", azurite, "Azurite", cancellationToken);
            var outbox = Path.Combine(Path.GetTempPath(), "sf-bench-outbox-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(outbox);
            var server = Path.Combine(RepositoryPaths.Root, "src", "SocialFunctions.LocalServer", "bin", "Release", "net10.0", "SocialFunctions.LocalServer.dll");
            if (!File.Exists(server))
            {
                throw new InvalidOperationException($"{server} is missing: build the solution in Release first (./run.sh bench does).");
            }

            var env = new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;",
                ["PORT"] = Str(appPort),
                ["Outbox__Path"] = outbox,
                ["Scheduling__TimersEnabled"] = "false",
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                env[key] = value;
            }

            // Experiments without code changes: BENCH_APP_X=1 reaches the app as X=1 (e.g. BENCH_APP_DOTNET_gcServer=0).
            foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
            {
                if (entry.Key is string key && key.StartsWith("BENCH_APP_", StringComparison.Ordinal) && entry.Value is string value)
                {
                    env[key["BENCH_APP_".Length..]] = value;
                }
            }

            app = Start("dotnet", [server], env);
            await WaitForAsync($"http://127.0.0.1:{appPort}/api/health", app, "the app", cancellationToken);
            return new BenchApp(azurite, app, appPort, blobPort, queuePort, tablePort, outbox);
        }
        catch
        {
            Stop(app);
            Stop(azurite);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_app);
        Stop(_azurite);
        await Task.CompletedTask;
        try
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static Process Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");

        // Drain the output so a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine($"  [{Path.GetFileName(file)}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private static async Task WaitForAsync(string url, Process process, string what, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{what} exited with code {process.ExitCode} while starting (is its port in use?).");
            }

            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new InvalidOperationException($"{what} did not answer on {url} within 60 s.");
    }

    private static int PortFrom(string variable)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0)
        {
            return port;
        }

        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
