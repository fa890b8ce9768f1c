using System.Diagnostics;
using System.Globalization;
using System.Text;
using SocialFunctions.Benchmarks.EndToEnd;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Testing;

namespace SocialFunctions.Benchmarks.InProcess;

/// <summary>
/// Parse speed per CSV format, in memory (issue 17: at least 200 MB/s), judged on the <b>CPU time</b> the parse costs:
/// on the shared 2-core machine a wall clock measures the other engineers' load as much as our code, while CPU seconds
/// per MB barely move. Each file is parsed whole (probe, detection, tokenizing, cells, canonical records) after warm-up
/// runs, and the median of the timed runs is reported with the wall-clock rate beside it.
/// </summary>
/// <remarks>
/// The Facebook export and the canonical CSV are the generated files of <see cref="ParseExportBenchmarks"/>. The other
/// formats are the repository's invented fixtures (tests/TestData), their data rows repeated to ~8 MB: small rows like
/// the canonical ones, which is where per-row work shows. Rows the reader rejects are left out of the repetition: the
/// fixtures hold them on purpose, real exports next to none. YouTube is read twice: a lifetime table with rows shaped
/// like real Studio exports (invented titles of 28–66 characters, a few quoted, ~120 bytes a row), and the reader
/// tests' fixture, whose two short rows (~75 bytes) measure the per-row cost alone.
/// </remarks>
public static class ParseSpeed
{
    public const double TargetMegabytesPerSecond = 200;

    // Readers that combine a file's rows of one post or page (Meta's posts written twice, GA4's page listed twice) would
    // combine every repetition of the fixture: a real export repeats few (15–59 of 2,000 Meta rows), so each repetition
    // gets ids of its own. Meta ids keep their digits (1000 + repetition, then the id without its first four digits).
    private static readonly System.Text.RegularExpressions.Regex MetaId = new(@"(?m)^(\d{15,19}),", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    private static readonly System.Text.RegularExpressions.Regex Ga4Path = new(@"(?m)^(/[^,\n]*),", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static string UniqueMetaIds(string data, int repetition) =>
        MetaId.Replace(data, m => (1000 + repetition).ToString(CultureInfo.InvariantCulture) + m.Groups[1].Value[4..] + ",");

    private static string UniqueGa4Paths(string data, int repetition) =>
        Ga4Path.Replace(data, m => m.Groups[1].Value + "-" + repetition.ToString(CultureInfo.InvariantCulture) + ",");

    private static readonly (string Name, string[] Fixture, Func<string, int, string>? Unique)[] Fixtures =
    [
        ("Instagram posts", ["instagram", "posts.csv"], UniqueMetaIds),
        ("X tweet activity", ["x", "tweet-activity-en.csv"], null),
        ("X Premium content", ["x", "premium-content.csv"], null),
        ("TikTok Studio content", ["tiktok", "content-business-timestamps.csv"], null),
        ("YouTube table data", ["youtube", "Table data lifetime.csv"], null),
        ("YouTube table data (short fixture rows)", ["youtube", "Table data.csv"], null),
        ("GA4 pages", ["ga4", "pages.csv"], UniqueGa4Paths),
        ("Facebook posts (fixture rows)", ["facebook", "posts.csv"], UniqueMetaIds),
    ];

    public static List<Figure> Run(bool quick)
    {
        var runs = quick ? 3 : 9;
        var files = new List<(string Name, string FileName, byte[] Bytes)>
        {
            ("Facebook posts, generated (long captions)", "Feb-01-2026_Oct-31-2026_108234567890123.csv", FacebookExport.Generate((quick ? 20L : 90L) * 1024 * 1024, seed: 17)),
            ("canonical CSV, 100,000 rows", "bench.canonical.csv", ParseExportBenchmarks.CanonicalCsv(100_000)),
        };
        foreach (var (name, fixture, unique) in Fixtures)
        {
            var path = RepositoryPaths.TestData(fixture);
            files.Add((name, Path.GetFileName(path), Scale(path, 8L * 1024 * 1024, unique)));
        }

        // SF_PARSE_ONLY=GA4 measures the inputs whose name contains it (a quick A/B while working on one reader).
        var only = Environment.GetEnvironmentVariable("SF_PARSE_ONLY");
        var figures = new List<Figure>();
        foreach (var (name, fileName, bytes) in files.Where(f => string.IsNullOrEmpty(only) || f.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            figures.Add(Measure(name, fileName, bytes, runs));
        }

        return figures;
    }

    private static Figure Measure(string name, string fileName, byte[] bytes, int runs)
    {
        var megabytes = bytes.Length / 1048576.0;
        var rows = ReadAll(fileName, bytes);
        ReadAll(fileName, bytes);
        var cpuRates = new List<double>();
        var wallRates = new List<double>();
        long allocated = 0;
        for (var run = 0; run < runs; run++)
        {
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var wall = Stopwatch.StartNew();
            ReadAll(fileName, bytes);
            var wallSeconds = wall.Elapsed.TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            process.Refresh();
            var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            cpuRates.Add(megabytes / Math.Max(cpuSeconds, 1e-3));
            wallRates.Add(megabytes / wallSeconds);
        }

        var cpuRate = EndToEndBenchmarks.Median(cpuRates);
        var wallRate = EndToEndBenchmarks.Median(wallRates);
        Console.WriteLine($"    {name}: {megabytes:N1} MB, {rows:N0} rows: {cpuRate:N0} MB/s CPU, {wallRate:N0} MB/s wall");
        return new Figure(
            $"Parse speed in memory, {name} ({megabytes:N1} MB, {rows:N0} rows)",
            $"{cpuRate:N0} MB/s of CPU time (wall {wallRate:N0} MB/s), {allocated / (double)bytes.Length:N1} B allocated per input byte",
            $"≥ {TargetMegabytesPerSecond:N0} MB/s",
            cpuRate >= TargetMegabytesPerSecond,
            $"median of {runs} runs (CPU s per MB, process-wide: GC included); CPU per run: {string.Join(", ", cpuRates.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} MB/s");
    }

    /// <summary>Every row the reader yields (posts, days, rejections): the work is the same for each.</summary>
    private static int ReadAll(string fileName, byte[] content)
    {
        var file = ExportFile.FromBytes(fileName, content);
        var probe = ExportProbe.CreateAsync(file, CancellationToken.None).GetAwaiter().GetResult();
        var reader = ExportFormatDetector.Default.Detect(probe);
        var context = new ExportContext("bench", TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"), new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), "bench");
        return CountAsync(reader.ReadAsync(probe, context, CancellationToken.None)).GetAwaiter().GetResult();
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<ExportRow> rows)
    {
        var count = 0;
        await foreach (var _ in rows)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The fixture with its data lines (from the first row the reader yields) repeated up to <paramref name="targetBytes"/>,
    /// less the lines it rejects: fixtures hold a bad row on purpose (YouTube's one in three, <c>abc</c> in Views), real
    /// exports next to none, and the error path is not what an upload spends its time on.
    /// </summary>
    private static byte[] Scale(string path, long targetBytes, Func<string, int, string>? unique)
    {
        var original = File.ReadAllBytes(path);
        var (firstRowLine, rejectedLines) = Rows(Path.GetFileName(path), original);
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var head = string.Join('\n', lines[..(firstRowLine - 1)]) + "\n";
        var data = string.Join('\n', lines[(firstRowLine - 1)..].Where((_, i) => !rejectedLines.Contains(firstRowLine + i))).TrimEnd('\r', '\n') + "\n";
        var encoding = new UTF8Encoding(original.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
        var builder = new StringBuilder(head, (int)targetBytes + data.Length);
        for (var repetition = 0; builder.Length < targetBytes; repetition++)
        {
            builder.Append(unique is null || repetition == 0 ? data : unique(data, repetition));
        }

        return [.. encoding.GetPreamble(), .. encoding.GetBytes(builder.ToString().TrimStart('\uFEFF'))];
    }

    /// <summary>The line of the first row the reader yields, and the lines of the rows it rejects (one-line records in the fixtures).</summary>
    private static (int FirstRowLine, HashSet<int> RejectedLines) Rows(string fileName, byte[] content)
    {
        var file = ExportFile.FromBytes(fileName, content);
        var probe = ExportProbe.CreateAsync(file, CancellationToken.None).GetAwaiter().GetResult();
        var reader = ExportFormatDetector.Default.Detect(probe);
        var context = new ExportContext("bench", TimeZoneInfo.Utc, new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), "bench");
        var rows = ListAsync(reader.ReadAsync(probe, context, CancellationToken.None)).GetAwaiter().GetResult();
        return rows.Count == 0
            ? throw new InvalidOperationException($"{fileName}: the reader yields no row.")
            // The earliest line, not the first row yielded: a reader that combines a page's rows (GA4) yields them at the end.
            : (rows.Min(r => r.Line), rows.OfType<RejectedRow>().Select(r => r.Line).ToHashSet());
    }

    private static async Task<List<ExportRow>> ListAsync(IAsyncEnumerable<ExportRow> rows)
    {
        var list = new List<ExportRow>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
