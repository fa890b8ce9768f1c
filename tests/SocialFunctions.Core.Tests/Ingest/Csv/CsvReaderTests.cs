using System.Text;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

public sealed class CsvReaderTests
{
    /// <summary>
    /// The cell scan (eight characters at a time up to 32, the last load overlapping, then the general search) against
    /// the plain search, for every length up to 72, every position of each stop character, a second stop after it, and
    /// fillers whose low byte is a stop's (U+010A, U+012C): catches a hit lost in the overlapping last load or at the
    /// hand-over at 32, a lane off by one, a later stop returned first, a stop character left out, or characters
    /// compared by their low byte only.
    /// </summary>
    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    public void FieldLength_AgreesWithIndexOfAny_AtEveryPositionAndLength(char delimiter)
    {
        const string Filler = "ab\"é1 x\u010A\u012Cq";
        foreach (var stop in new[] { delimiter, '\n', '\r' })
        {
            for (var length = 0; length <= 72; length++)
            {
                var chars = Enumerable.Range(0, length).Select(i => Filler[i % Filler.Length]).ToArray();
                Assert.Equal(-1, CsvReader.FieldLength(chars, delimiter));
                for (var at = 0; at < length; at++)
                {
                    var text = (char[])chars.Clone();
                    text[at] = stop;
                    if (at + 3 < length)
                    {
                        text[at + 3] = delimiter;
                    }

                    Assert.Equal(at, CsvReader.FieldLength(text, delimiter));
                    Assert.Equal(text.AsSpan().IndexOfAny(delimiter, '\n', '\r'), CsvReader.FieldLength(text, delimiter));
                }
            }
        }
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n1,2")]
    [InlineData("\uFEFFa,b\n1,2\n")]
    public async Task ReadAsync_AnyLineEnding_YieldsSameRecordsAndLines(string text)
    {
        var records = await ReadAllAsync(text);

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["1", "2"], records[1].Fields);
        Assert.Equal([1, 2], records.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadAsync_MultiLineQuotedField_TracksPhysicalLinesOfRecordsAndFields()
    {
        var text = "id,caption,n\n1,\"line one\nline two\r\n\nline four\",7\n2,plain,8\n";

        var records = await ReadAllAsync(text);

        Assert.Equal(3, records.Count);
        Assert.Equal("line one\nline two\r\n\nline four", records[1].Fields[1]);
        Assert.Equal(2, records[1].Line);
        Assert.Equal([2, 2, 5], records[1].FieldLines);
        Assert.Equal(6, records[2].Line);
    }

    [Theory]
    [InlineData("\"a \"\"quoted\"\" word\",x", "a \"quoted\" word")]
    [InlineData("\"Reactions, comments and shares\",x", "Reactions, comments and shares")]
    [InlineData("5\" screen,x", "5\" screen")]
    [InlineData("\"abc\"def,x", "abcdef")]
    [InlineData("\"\",x", "")]
    public async Task ReadAsync_Quotes_UnescapedLeniently(string text, string expected)
    {
        var records = await ReadAllAsync(text);

        Assert.Equal(expected, records[0].Fields[0]);
        Assert.Equal("x", records[0].Fields[1]);
    }

    [Fact]
    public async Task ReadAsync_FileEndsInsideQuotedField_LastRecordIsTruncatedWithQuoteLine()
    {
        var records = await ReadAllAsync("id,text\n1,ok\n2,\"cut off\nhere");

        Assert.Equal(3, records.Count);
        Assert.False(records[1].Truncated);
        Assert.True(records[2].Truncated);
        Assert.Equal(3, records[2].TruncatedLine);
        Assert.Equal(1, records[2].TruncatedField);
    }

    [Fact]
    public async Task ReadAsync_SemicolonDelimiter_SplitsOnSemicolonOnly()
    {
        var records = await ReadAllAsync("a;b,c;d\n", ';');

        Assert.Equal(["a", "b,c", "d"], records[0].Fields);
    }

    [Fact]
    public async Task ReadAsync_OneCharacterAtATime_SameResultAsWholeBuffer()
    {
        var text = "id,caption\r\n1,\"x\"\"y\r\nz\"\r\n2,\"\"\"\"\r\n3,end";
        var expected = await ReadAllAsync(text);

        var trickled = await ReadAllAsync(new TrickleReader(text));

        Assert.Equal(expected.Select(r => string.Join("|", r.Fields)), trickled.Select(r => string.Join("|", r.Fields)));
        Assert.Equal(expected.Select(r => r.Line), trickled.Select(r => r.Line));
        Assert.Equal(["id|caption", "1|x\"y\r\nz", "2|\"", "3|end"], trickled.Select(r => string.Join("|", r.Fields)));
    }

    [Fact]
    public async Task ReadAsync_RecordLargerThanBuffer_ReadsWholeField()
    {
        var caption = new string('é', 200_000);
        var records = await ReadAllAsync($"id,caption\n1,\"{caption}\"\n2,b\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(caption, records[1].Fields[1]);
        Assert.Equal(3, records[2].Line);
    }

    [Fact]
    public async Task ReadAsync_QuoteNeverClosedInHugeFile_ThrowsAtRecordLineInsteadOfBuffering()
    {
        var rows = string.Concat(Enumerable.Repeat("2,plain text row\n", (CsvReader.MaxRecordChars / 17) + 10));
        var text = $"id,caption\n1,ok\n2,\"stray quote\n{rows}";

        var error = await Assert.ThrowsAsync<SocialFunctions.Core.Ingest.ExportFormatException>(() => ReadAllAsync(text));

        Assert.Equal(3, error.Line);
        Assert.Contains("probably a quote that is never closed", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Synchronous_MatchesAsync()
    {
        using var csv = new CsvReader(new StringReader("a,b\n\"1\",2\n"), ',');

        Assert.True(csv.Read());
        Assert.True(csv.Read());
        Assert.Equal("1", csv.GetString(0));
        Assert.Equal(2, csv.Line);
        Assert.False(csv.Read());
    }

    [Fact]
    public async Task IsBlank_EmptyLineBetweenRecords_IsTrue()
    {
        var records = await ReadAllAsync("a\n\nb\n");

        Assert.Equal([false, true, false], records.Select(r => r.Blank));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public async Task ReadAsync_TwoUnescapedFieldsInARecord_EachKeepsItsOwnText()
    {
        var records = await ReadAllAsync("\"a\"\"b\",\"c\"\"d\"\"e\",\"f\"g\n");

        Assert.Equal(["a\"b", "c\"d\"e", "fg"], records[0].Fields);
    }

    /// <summary>An unescaped field far longer than the unescape buffer's first size (1,024) and than its doubling.</summary>
    [Fact]
    public async Task ReadAsync_LongUnescapedField_GrowsTheUnescapeBuffer()
    {
        var text = "x\"\"" + new string('y', 5000);

        var records = await ReadAllAsync($"\"{text}\",\"{text}\"\n");

        Assert.Equal([text.Replace("\"\"", "\"", StringComparison.Ordinal), text.Replace("\"\"", "\"", StringComparison.Ordinal)], records[0].Fields);
    }

    /// <summary>A shorter record after a longer one: the fields past its end are empty, and their line is the record's.</summary>
    [Fact]
    public async Task GetSpanAndFieldLine_PastTheRecordsEnd_EmptyAndTheRecordsLine()
    {
        using var csv = new CsvReader(new StringReader("a,b,\"c\nc\"\nd,e\n"), ',');

        Assert.True(await csv.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, csv.GetFieldLine(2));
        Assert.True(await csv.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal((2, "", 3), (csv.FieldCount, csv.GetString(2), csv.GetFieldLine(2)));
        Assert.Equal(3, csv.GetFieldLine(-1));
        Assert.Equal("", csv.GetString(-1));
    }

    [Fact]
    public void TruncatedField_BeforeAnyRead_IsNone()
    {
        using var csv = new CsvReader(new StringReader("a\n"), ',');

        Assert.Equal((false, -1), (csv.IsTruncated, csv.TruncatedField));
    }

    [Fact]
    public async Task ReadAsync_FileEndsInsideTheFirstField_TruncatedAtFieldZero()
    {
        var records = await ReadAllAsync("\"never closed,x\n");

        Assert.Equal((true, 0, 1), (records[0].Truncated, records[0].TruncatedField, records[0].TruncatedLine));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dispose_ClosesTheReaderOnlyWhenItOwnsIt(bool owns)
    {
        var reader = new StringReader("a\n");
        new CsvReader(reader, ',', ownsReader: owns).Dispose();

        if (owns)
        {
            Assert.Throws<ObjectDisposedException>(() => reader.Peek());
        }
        else
        {
            Assert.Equal('a', reader.Peek());
        }
    }

    /// <summary>Many short records far beyond the buffer: each read compacts it instead of growing it to the record cap.</summary>
    [Fact]
    public async Task ReadAsync_FileLongerThanTheRecordCap_ShortRecordsReadToTheEnd()
    {
        var count = (CsvReader.MaxRecordChars / 10) + 1000;
        var text = string.Concat(Enumerable.Repeat("1234,6789\n", count));
        using var csv = new CsvReader(new StringReader(text), ',');

        var read = 0;
        while (await csv.ReadAsync(TestContext.Current.CancellationToken))
        {
            read++;
        }

        Assert.Equal(count, read);
    }

    /// <summary>One record just over the cap is refused, naming the cap in millions and "(unknown)" when no file name was given.</summary>
    [Fact]
    public async Task ReadAsync_RecordJustOverTheCap_RefusedWithTheCapInMillions()
    {
        var text = "id\n\"" + new string('x', CsvReader.MaxRecordChars + 1000) + "\"\n";
        using var csv = new CsvReader(new StringReader(text), ',');

        Assert.True(await csv.ReadAsync(TestContext.Current.CancellationToken));
        var error = await Assert.ThrowsAsync<SocialFunctions.Core.Ingest.ExportFormatException>(async () => await csv.ReadAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("(unknown)", 2), (error.FileName, error.Line));
        Assert.Contains("longer than 4 million characters", error.Reason, StringComparison.Ordinal);
    }

    /// <summary>A byte order mark is skipped at the file's start only, even when the start arrives one character at a time.</summary>
    [Fact]
    public async Task ReadAsync_ByteOrderMark_SkippedAtTheStartOnly()
    {
        var records = await ReadAllAsync(new TrickleReader("\uFEFFa,\uFEFFb\n"));

        Assert.Equal(["a", "\uFEFFb"], records[0].Fields);
    }

    private static Task<List<Record>> ReadAllAsync(string text, char delimiter = ',') => ReadAllAsync(new StringReader(text), delimiter);

    private static async Task<List<Record>> ReadAllAsync(TextReader reader, char delimiter = ',')
    {
        using var csv = new CsvReader(reader, delimiter);
        var records = new List<Record>();
        while (await csv.ReadAsync(TestContext.Current.CancellationToken))
        {
            records.Add(new Record(
                csv.Line,
                csv.GetFields(),
                [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetFieldLine)],
                csv.IsTruncated,
                csv.TruncatedLine,
                csv.TruncatedField,
                csv.IsBlank));
        }

        return records;
    }

    private sealed record Record(int Line, string[] Fields, int[] FieldLines, bool Truncated, int TruncatedLine, int TruncatedField, bool Blank);

    /// <summary>Returns one character per read, to exercise every buffer boundary.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _position;

        public override int Read(Span<char> buffer)
        {
            if (_position >= text.Length || buffer.IsEmpty)
            {
                return 0;
            }

            buffer[0] = text[_position++];
            return 1;
        }

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));
    }
}
