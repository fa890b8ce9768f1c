using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Tables;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

/// <summary>The template every reader runs on: header binding, blank lines, cut-off records and held-back rows.</summary>
public sealed class TableExportReaderTests
{
    private static readonly ExportContext Context = new("acme", TimeZoneInfo.Utc, new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero), "u1");

    [Fact]
    public async Task ReadAsync_BlankLinesAndACutOffRecord_OneRowPerDataRecordThenTheHeldBackRows()
    {
        var rows = await ReadAsync(new EchoReader(), "id,text\n1,a\n\n , \n2,b\n3,\"cut off\nhere");

        Assert.Equal(
            ["2:1", "5:2", "rejected 6:2 " + TableExportReader.TruncatedMessage, "complete"],
            rows.Select(Describe));
    }

    [Fact]
    public async Task ReadAsync_MapperSkipsARecord_NoRowForIt()
    {
        var rows = await ReadAsync(new EchoReader { Skip = "total" }, "id,text\n1,a\ntotal,x\n");

        Assert.Equal(["2:1", "complete"], rows.Select(Describe));
    }

    [Fact]
    public async Task ReadAsync_BindReturnsNull_SkipsTheTable()
    {
        var rows = await ReadAsync(new EchoReader { Decline = true }, "id,text\n1,a\n");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task ReadHeaderAsync_EmptyFile_SaysThereIsNoHeaderRow()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ReadAsync(new EchoReader(), "sep=,\n"));

        Assert.Equal("t.csv", error.FileName);
        Assert.Equal("the file has no header row", error.Reason);
    }

    [Fact]
    public async Task ReadHeaderAsync_HeaderCutOff_ThrowsWhereTheQuoteOpened()
    {
        var error = await Assert.ThrowsAsync<ExportFormatException>(() => ReadAsync(new EchoReader(), "id,\"text\n"));

        Assert.Equal(1, error.Line);
        Assert.Equal(2, error.Column);
        Assert.Equal(TableExportReader.TruncatedMessage, error.Reason);
    }

    [Theory]
    [InlineData(3, "3:1")]
    [InlineData(2, null)]
    public async Task ReadHeaderAsync_Preamble_FindsTheHeaderOnlyWithinTheNonBlankRecordsAllowed(int within, string? expected)
    {
        // Two note lines (and a blank one, not counted) above the header.
        var reader = new EchoReader { HeaderWithin = within };

        var rows = await ReadAsync(reader, "Report,Oct\n\nExported,today\nid,text\n1,a\n");

        Assert.Equal(expected is null ? [] : ["5:1", "complete"], rows.Select(Describe));
        Assert.Equal(expected is null ? null : 4, reader.HeaderLine);
    }

    [Fact]
    public async Task Match_DefaultForAnyTextFile_IsZero()
    {
        var probe = await ProbeAsync("id,text\n1,a\n");

        Assert.Equal(0, new EchoReader().Match(probe));
    }

    private static string Describe(ExportRow row) => row switch
    {
        RejectedRow r => $"rejected {r.Line}:{r.Column} {r.Message}",
        PostRow p => p.Post.PostId == "complete" ? "complete" : $"{p.Line}:{p.Post.PostId}",
        _ => row.ToString(),
    };

    private static async Task<ExportProbe> ProbeAsync(string text) =>
        await ExportProbe.CreateAsync(ExportFile.FromBytes("t.csv", Encoding.UTF8.GetBytes(text)), TestContext.Current.CancellationToken);

    private static async Task<List<ExportRow>> ReadAsync(TableExportReader reader, string text)
    {
        var probe = await ProbeAsync(text);
        var rows = new List<ExportRow>();
        await foreach (var row in reader.ReadAsync(probe, Context, TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A format whose rows are posts named by the first cell, with one row held back until the table ends.</summary>
    private sealed class EchoReader : TableExportReader
    {
        public string? Skip { get; init; }

        public bool Decline { get; init; }

        public int? HeaderWithin { get; init; }

        public int? HeaderLine { get; private set; }

        public override ExportFormatInfo Format { get; } = new("echo", "Echo", "instagram", ExportKind.Posts, ["id"]);

        protected override async ValueTask<TableRowMapper?> BindAsync(TableSession session, CancellationToken cancellationToken)
        {
            var header = HeaderWithin is { } within
                ? await session.ReadHeaderAsync(h => h.Has("id"), within, cancellationToken)
                : await session.ReadHeaderAsync(cancellationToken);
            HeaderLine = header?.Line;
            return Decline || header is null ? null : new Mapper(this, session.Context);
        }

        private sealed class Mapper(EchoReader reader, ExportContext context) : TableRowMapper
        {
            public override ExportRow? Map(ExportTable record)
            {
                var id = record.GetString(0);
                return id == reader.Skip ? null : new PostRow(record.Line, context.NewPost("instagram", id, context.ReceivedAt));
            }

            public override IEnumerable<ExportRow> Complete() => [new PostRow(0, context.NewPost("instagram", "complete", context.ReceivedAt))];
        }
    }
}
