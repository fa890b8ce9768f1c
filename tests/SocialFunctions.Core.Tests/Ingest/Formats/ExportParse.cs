using SocialFunctions.Core.Ingest;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>Runs a fixture through the real pipeline front: probe → detector → reader, collecting every row.</summary>
internal static class ExportParse
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Upload time of every test: 2026-11-05 09:00 UTC.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    public static ExportContext Context { get; } = new("lumen-coffee", Paris, ReceivedAt, "upload-1");

    public static async Task<ExportProbe> ProbeAsync(string channel, string fileName)
    {
        var path = RepositoryPaths.TestData(channel, fileName);
        return await ExportProbe.CreateAsync(ExportFile.FromPath(fileName, path), TestContext.Current.CancellationToken);
    }

    /// <summary>Detects the format of <c>tests/TestData/{channel}/{fileName}</c> and reads all its rows.</summary>
    public static async Task<ParsedExport> ParseAsync(string channel, string fileName)
    {
        var probe = await ProbeAsync(channel, fileName);
        var reader = ExportFormatDetector.Default.Detect(probe);
        var rows = new List<ExportRow>();
        await foreach (var row in reader.ReadAsync(probe, Context, TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return new ParsedExport(reader.Format.Name, rows);
    }
}

internal sealed record ParsedExport(string Format, IReadOnlyList<ExportRow> Rows)
{
    public IReadOnlyList<Records.CanonicalPost> Posts => [.. Rows.OfType<PostRow>().Select(r => r.Post)];

    public IReadOnlyList<PostRow> PostRows => [.. Rows.OfType<PostRow>()];

    public IReadOnlyList<Records.DailyMetric> Daily => [.. Rows.OfType<DailyRow>().Select(r => r.Value)];

    public IReadOnlyList<RejectedRow> Rejected => [.. Rows.OfType<RejectedRow>()];
}
