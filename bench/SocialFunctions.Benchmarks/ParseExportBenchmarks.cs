using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Benchmarks;

/// <summary>Parsing speed and allocations of the canonical CSV reader (the floor under ingest throughput).</summary>
[MemoryDiagnoser]
public class ParseExportBenchmarks
{
    private byte[] _file = [];

    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder("channel,postId,publishedAt,text,permalink,contentType,impressions,reach,reactions,comments,shares,saves,clicks\n");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"reddit,p{i},{start.AddMinutes(i * 7):yyyy-MM-ddTHH:mm:ssZ},\"Post number {i}, with a comma\",https://example.com/p/{i},text,{1000 + (i % 977)},{800 + (i % 500)},{i % 50},{i % 9},{i % 4},{i % 3},{i % 20}\n");
        }

        _file = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Benchmark]
    public async Task<int> ParseCanonicalCsv()
    {
        var file = ExportFile.FromBytes("bench.csv", _file);
        var probe = await ExportProbe.CreateAsync(file, CancellationToken.None);
        var reader = ExportFormatDetector.Default.Detect(probe);
        var context = new ExportContext("bench", TimeZoneInfo.Utc, DateTimeOffset.UnixEpoch, "bench");
        var rows = 0;
        await foreach (var row in reader.ReadAsync(probe, context, CancellationToken.None))
        {
            if (row is PostRow)
            {
                rows++;
            }
        }

        return rows;
    }
}
