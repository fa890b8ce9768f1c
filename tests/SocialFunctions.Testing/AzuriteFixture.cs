using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit;

namespace SocialFunctions.Testing;

/// <summary>
/// Starts one real Azurite (npm) per test assembly, in memory, on free loopback ports, and stops it at the end.
/// Use it as an xunit v3 assembly fixture: <c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>.
/// Each test creates its own uniquely named tables, containers and queues (<see cref="UniqueName"/>), so tests never
/// depend on order or on each other.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    private const string AccountName = "devstoreaccount1";

    // The well-known development account key (public, documented by Azurite).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>A full connection string for the three services of this Azurite.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// The connection string with some services reached through other loopback addresses (a <see cref="FaultProxy"/>
    /// in front of them), e.g. <c>ConnectionStringVia(table: proxy.Address)</c>.
    /// </summary>
    public string ConnectionStringVia(Uri? table = null, Uri? blob = null, Uri? queue = null)
    {
        static string At(Uri? via, int port) => via is null ? $"http://127.0.0.1:{port}/{AccountName}" : $"{via.GetLeftPart(UriPartial.Authority)}/{AccountName}";
        return $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
               $"BlobEndpoint={At(blob, BlobPort)};QueueEndpoint={At(queue, QueuePort)};TableEndpoint={At(table, TablePort)};";
    }

    /// <summary>Base address of a service of this Azurite, for a <see cref="FaultProxy"/> to forward to.</summary>
    public Uri Endpoint(AzuriteService service) => new($"http://127.0.0.1:{service switch
    {
        AzuriteService.Blob => BlobPort,
        AzuriteService.Queue => QueuePort,
        _ => TablePort,
    }}/");

    public async ValueTask InitializeAsync()
    {
        var executable = AzuriteLocator.Find();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                     "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                     "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start Azurite from {executable}.");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            var match = ListeningLine().Match(e.Data);
            if (match.Success)
            {
                var port = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                switch (match.Groups["service"].Value)
                {
                    case "Blob": BlobPort = port; break;
                    case "Queue": QueuePort = port; break;
                    case "Table": TablePort = port; break;
                }

                if (BlobPort > 0 && QueuePort > 0 && TablePort > 0)
                {
                    ready.TrySetResult();
                }
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var finished = await Task.WhenAny(ready.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != ready.Task)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            throw new InvalidOperationException($"Azurite did not start within 60 s. Its output:\n{text}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>A storage-safe unique name (letters and digits, starts with a letter), e.g. for a table per test.</summary>
    public static string UniqueName(string prefix = "t") =>
        (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(prefix.Length + 20, 60)].ToLowerInvariant();

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}

public enum AzuriteService
{
    Blob,
    Queue,
    Table,
}
