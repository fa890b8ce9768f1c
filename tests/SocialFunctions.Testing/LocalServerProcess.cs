using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocialFunctions.Testing;

/// <summary>
/// The local server as its own process (the build output <c>./run.sh</c> starts), on a free loopback port, so a test can
/// kill it mid-request as a crash or a scale-in would, and start it again. Timers and queue pumps are off unless the
/// environment given says otherwise. Killed on dispose; its output is kept for failure messages.
/// </summary>
public sealed class LocalServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LocalServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<LocalServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = Locate();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["urls"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Scheduling__TimersEnabled"] = "false";
        start.Environment["Scheduling__QueuesEnabled"] = "false";
        start.Environment["REPORT_SCHEDULE"] = "0 */15 * * * *";
        start.Environment["SERIES_CHECK_SCHEDULE"] = "0 0 5 * * *";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var server = new LocalServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local server exited with {process.ExitCode} at start:\n{server.Output}");
            }

            try
            {
                using var probe = await server.Client.GetAsync("api/health", cancellationToken);
                return server;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"The local server did not answer within 60 s:\n{server.Output}");
    }

    /// <summary>Ends the process at once, as a crash does: no shutdown, requests in flight cut off.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The local server's own build output (what run.sh starts), in the configuration the tests were built in.</summary>
    private static string Locate()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";
        var path = Path.Combine(RepositoryPaths.Root, "src", "SocialFunctions.LocalServer", "bin", configuration, "net10.0", "SocialFunctions.LocalServer.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build the local server first (dotnet build -c {configuration}): {path} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
