using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialFunctions.Infrastructure.Storage;

// migrate [--dry-run]: moves posts and daily values stored under an earlier key layout (the first, or 16 buckets a
// month) to the current one; safe to stop (Ctrl+C) and run again.
// Storage comes from the same settings as the app: AzureWebJobsStorage (a connection string) or
// AzureWebJobsStorage__accountName (+ az login / managed identity), and Storage__Prefix.
var dryRun = args.Contains("--dry-run", StringComparer.Ordinal);
if (args.Any(a => a is not "--dry-run"))
{
    Console.Error.WriteLine("Usage: migrate [--dry-run]   (storage from AzureWebJobsStorage or AzureWebJobsStorage__accountName)");
    return 2;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddStorage(configuration).BuildServiceProvider();
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var migration = new TableKeyMigration(services.GetRequiredService<StorageClients>());
    var lastPrinted = DateTimeOffset.MinValue;
    var progress = new SynchronousProgress(p =>
    {
        // A line every few seconds: enough to see a long run moving without flooding a log.
        var now = TimeProvider.System.GetUtcNow();
        if (now - lastPrinted >= TimeSpan.FromSeconds(3))
        {
            lastPrinted = now;
            Console.WriteLine(Line(p, dryRun));
        }
    });
    Console.WriteLine(dryRun ? "Counting rows stored under an earlier key layout (dry run: nothing changes)…" : "Moving rows stored under an earlier key layout to the current one…");
    var summary = await migration.RunAsync(dryRun, progress, cancel.Token);
    Console.WriteLine(Line(summary.Posts, dryRun));
    Console.WriteLine(Line(summary.Daily, dryRun));
    if (dryRun)
    {
        Console.WriteLine("Dry run: nothing was changed.");
        return 0;
    }

    if (!summary.Complete)
    {
        Console.Error.WriteLine("Some rows were left under old keys (unreadable, or changed by others on every attempt); run the command again.");
        return 1;
    }

    Console.WriteLine("Done: no row is left under an earlier key layout. Running it again is harmless.");
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Stopped. Rows moved so far stay moved; run the command again to finish.");
    return 130;
}
catch (Azure.RequestFailedException ex)
{
    Console.Error.WriteLine($"Storage refused a request ({ex.Status} {ex.ErrorCode}): {ex.Message.Split('\n')[0]}. Check AzureWebJobsStorage and the identity's table role, then run again.");
    return 1;
}

static string Line(KeyMigrationProgress p, bool dryRun) => string.Create(
    CultureInfo.InvariantCulture,
    $"  {p.Table,-6} {p.Scanned,10:N0} rows read, {p.Moved,10:N0} {(dryRun ? "to move" : "moved")}, {p.Superseded:N0} replaced by later uploads, {p.Unreadable:N0} unreadable, {p.Failed:N0} failed");

/// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
internal sealed class SynchronousProgress(Action<KeyMigrationProgress> report) : IProgress<KeyMigrationProgress>
{
    public void Report(KeyMigrationProgress value) => report(value);
}
