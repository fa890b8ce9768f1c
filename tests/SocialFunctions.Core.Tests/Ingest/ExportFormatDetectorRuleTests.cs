using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>The detector's rule with readers of known confidence: the threshold, ties, and what an unknown file is told.</summary>
public sealed class ExportFormatDetectorRuleTests
{
    [Theory]
    [InlineData(0.5, "a")]
    [InlineData(0.49, null)]
    public async Task Detect_BestScoreAtTheThreshold_IsAccepted(double score, string? expected)
    {
        var detector = new ExportFormatDetector([new Fixed("a", score, ["Alpha"])]);
        var probe = await ProbeAsync("Alpha,Beta\n1,2\n");

        if (expected is null)
        {
            Assert.Throws<ExportFormatException>(() => detector.Detect(probe));
        }
        else
        {
            Assert.Equal(expected, detector.Detect(probe).Format.Name);
        }
    }

    [Fact]
    public async Task Detect_HighestScoreWins_FirstOfEqualOnes()
    {
        var probe = await ProbeAsync("Alpha,Beta\n1,2\n");

        Assert.Equal("b", new ExportFormatDetector([new Fixed("a", 0.6, []), new Fixed("b", 0.8, []), new Fixed("c", 0.7, [])]).Detect(probe).Format.Name);
        Assert.Equal("a", new ExportFormatDetector([new Fixed("a", 0.8, []), new Fixed("b", 0.8, [])]).Detect(probe).Format.Name);
    }

    [Fact]
    public void Closest_LargestShareOfASignature_WithItsOverlap()
    {
        var detector = new ExportFormatDetector(
        [
            new Fixed("none", 0, []),
            new Fixed("wide", 0, ["Post ID", "Views", "Reach", "Likes", "Shares", "Saves"]),
            new Fixed("narrow", 0, ["Post ID", "Views", "Plays"]),
            new Fixed("later-equal", 0, ["Post ID", "Views", "Clicks"]),
        ]);

        var closest = detector.Closest(["post id", " VIEWS ", ""]);

        Assert.Equal(("narrow", 2), (closest?.Format.Name, closest?.Overlap));
        Assert.Null(detector.Closest(["Something", "Else"]));
    }

    [Fact]
    public async Task Detect_NoHeaderAtAll_SaysNoneSeen()
    {
        var probe = await ProbeAsync("sep=,\n");

        var error = Assert.Throws<ExportFormatException>(() => new ExportFormatDetector([]).Detect(probe));

        Assert.Equal("unknown export format; headers seen: (none)", error.Reason);
        Assert.Equal(1, error.Line);
        Assert.Null(error.ClosestFormat);
    }

    [Fact]
    public async Task Detect_UnknownWithPreamble_NamesTheLikelyHeadersLineAndWhatTheClosestLacks()
    {
        var probe = await ProbeAsync("Report\nPost ID,Views,Reach\n1,2,3\n");
        var detector = new ExportFormatDetector([new Fixed("posts", 0.2, ["Post ID", "Views", "A", "B", "C", "D", "E", "F", "G"]) { Display = "Posts export" }]);

        var error = Assert.Throws<ExportFormatException>(() => detector.Detect(probe));

        Assert.Equal(2, error.Line);
        Assert.Equal(["Post ID", "Views", "Reach"], error.HeadersSeen);
        Assert.Equal("posts", error.ClosestFormat);
        Assert.Equal(
            "unknown export format; headers seen: 'Post ID', 'Views', 'Reach'; closest known format: Posts export (2 of 9 signature headers; missing 'A', 'B', 'C', 'D', 'E', 'F')",
            error.Reason);
    }

    [Fact]
    public async Task Detect_UnknownWithManyHeaders_ListsTheFirst25()
    {
        var names = Enumerable.Range(1, 30).Select(i => $"h{i}").ToArray();
        var probe = await ProbeAsync(string.Join(',', names) + "\n");

        var error = Assert.Throws<ExportFormatException>(() => new ExportFormatDetector([]).Detect(probe));

        Assert.Equal($"unknown export format; headers seen: {string.Join(", ", names.Take(25).Select(n => $"'{n}'"))}", error.Reason);
    }

    [Theory]
    [InlineData("\"Post ID,Account ID,Views\"\n", false)]
    [InlineData("\"Post ID,Account ID,Views,Reach\"\n", true)]
    [InlineData("\"Post ID;Account ID;Views;Reach\"\n", true)]
    [InlineData("\"Post ID\tAccount ID\tViews\tReach\"\n", true)]
    public async Task Detect_OneCellPerLine_ExplainedFromThreeDelimitersOn(string text, bool wrapped)
    {
        var probe = await ProbeAsync(text);

        var error = Assert.Throws<ExportFormatException>(() => new ExportFormatDetector([]).Detect(probe));

        Assert.Equal(wrapped, error.Reason.StartsWith("each line of this file is wrapped in quotes as one cell", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detect_WrappedLineLongerThan60_ShownShortened()
    {
        var cell = "Post ID,Account ID,Views,Reach," + new string('x', 40);
        var probe = await ProbeAsync($"\"{cell}\"\n");

        var error = Assert.Throws<ExportFormatException>(() => new ExportFormatDetector([]).Detect(probe));

        Assert.Contains($"('{cell[..60]}…')", error.Reason, StringComparison.Ordinal);
        Assert.Equal([cell], error.HeadersSeen);
    }

    private static async Task<ExportProbe> ProbeAsync(string text) =>
        await ExportProbe.CreateAsync(ExportFile.FromBytes("upload.csv", Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken);

    /// <summary>A format that claims every file with the same confidence.</summary>
    private sealed class Fixed(string name, double score, string[] signature) : IExportReader
    {
        public string? Display { get; init; }

        public ExportFormatInfo Format => new(name, Display ?? name, "instagram", ExportKind.Posts, signature);

        public double Match(ExportProbe probe) => score;

        public IAsyncEnumerable<ExportRow> ReadAsync(ExportProbe probe, ExportContext context, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
