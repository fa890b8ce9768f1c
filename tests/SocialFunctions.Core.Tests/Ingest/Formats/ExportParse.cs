using SocialFunctions.Core.Ingest;
using SocialFunctions.Testing;

namespace SocialFunctions.Core.Tests.Ingest.Formats;

/// <summary>The fixtures of tests/TestData/{channel}/ read as uploaded on 2026-11-05 09:00 UTC (see <see cref="ExportFixtures"/>).</summary>
internal static class ExportParse
{
    public static readonly TimeZoneInfo Paris = ExportFixtures.Paris;

    /// <summary>Upload time of every test: 2026-11-05 09:00 UTC.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    public static ExportContext Context { get; } = new("lumen-coffee", Paris, ReceivedAt, "upload-1");

    public static async Task<ExportProbe> ProbeAsync(string channel, string fileName) =>
        await ExportProbe.CreateAsync(ExportFile.FromPath(fileName, RepositoryPaths.TestData(channel, fileName)), TestContext.Current.CancellationToken);

    /// <summary>Detects the format of <c>tests/TestData/{channel}/{fileName}</c> and reads all its rows.</summary>
    public static Task<ReadResult> ParseAsync(string channel, string fileName, ExportContext? context = null) =>
        ExportFixtures.ReadAsync(ExportFile.FromPath(fileName, RepositoryPaths.TestData(channel, fileName)), context ?? Context);
}
