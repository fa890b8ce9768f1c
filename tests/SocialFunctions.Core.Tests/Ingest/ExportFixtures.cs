using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Pipeline;
using SocialFunctions.Core.Records;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>Reads fixture exports end to end (probe → detect → read) for parser tests.</summary>
internal static class ExportFixtures
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public static ExportContext Context { get; } = new("lumen-coffee", Paris, ReceivedAt, "upload-1");

    public static ExportFile File(string relativePath) =>
        ExportFile.FromPath(Path.GetFileName(relativePath), RepositoryPaths.TestData(relativePath.Split('/')));

    public static ExportFile Text(string text, string fileName = "export.csv") =>
        ExportFile.FromBytes(fileName, Encoding.UTF8.GetBytes(text));

    /// <summary>A zip of text entries (UTF-8, no BOM), in the order given.</summary>
    public static byte[] Zip(params (string Name, string Text)[] entries) =>
        SocialFunctions.Core.Tests.Ingest.Zip.ZipGuardTests.Zip([.. entries.Select(e => (e.Name, Encoding.UTF8.GetBytes(e.Text)))]);

    public static Task<ExportProbe> ProbeAsync(string relativePath) =>
        ExportProbe.CreateAsync(File(relativePath), TestContext.Current.CancellationToken);

    /// <summary>Detects the format of a fixture and reads all its rows.</summary>
    public static async Task<ReadResult> ReadAsync(string relativePath) => await ReadAsync(File(relativePath));

    /// <summary>Detects the format of a file and reads all its rows, in a fresh copy of <paramref name="context"/> (warnings are per read).</summary>
    public static async Task<ReadResult> ReadAsync(ExportFile file, ExportContext? context = null, UploadHints? hints = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var probe = await ExportProbe.CreateAsync(file, ct);
        var reader = ExportFormatDetector.Default.Detect(probe);
        var template = context ?? Context;
        var read = new ExportContext(template.Brand, template.BrandTimeZone, template.ReceivedAt, template.UploadId)
        {
            ExportedOn = hints?.ExportedOn ?? template.ExportedOn,
            ChannelHint = hints?.Channel ?? template.ChannelHint,
        };
        var rows = new List<ExportRow>();
        await foreach (var row in reader.ReadAsync(probe, read, ct))
        {
            rows.Add(row);
        }

        return new ReadResult(reader.Format.Name, rows, [.. read.Warnings]);
    }
}

internal sealed record ReadResult(string Format, IReadOnlyList<ExportRow> Rows, IReadOnlyList<string> Warnings)
{
    public IReadOnlyList<CanonicalPost> Posts => [.. PostRows.Select(r => r.Post)];

    public IReadOnlyList<PostRow> PostRows => [.. Rows.OfType<PostRow>()];

    public IReadOnlyList<DailyRow> DailyRows => [.. Rows.OfType<DailyRow>()];

    /// <summary>Every daily value, flattened across rows.</summary>
    public IReadOnlyList<DailyMetric> Daily => [.. DailyRows.SelectMany(r => r.Values)];

    public IReadOnlyList<RejectedRow> Rejected => [.. Rows.OfType<RejectedRow>()];

    public CanonicalPost Post(string postId) => Posts.Single(p => p.PostId == postId);
}
