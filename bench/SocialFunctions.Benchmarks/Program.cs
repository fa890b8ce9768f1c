using BenchmarkDotNet.Running;
using SocialFunctions.Benchmarks;

// ./run.sh bench ingest [rows]        — HTTP upload vs raw batched upserts into the same Azurite
// ./run.sh bench [BenchmarkDotNet arguments], e.g. ./run.sh bench --filter '*Parse*'
if (args.Length > 0 && args[0] == "ingest")
{
    var rows = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    await IngestThroughputBench.RunAsync(rows, CancellationToken.None);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ParseExportBenchmarks).Assembly).Run(args);
