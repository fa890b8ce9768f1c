using System.Text;
using SocialFunctions.Core.Ingest.Csv;

namespace SocialFunctions.Core.Tests.Ingest.Csv;

public sealed class CsvPreviewTests
{
    [Fact]
    public void Parse_SepLineAndBlankLines_LeftOutWithPhysicalLinesKept()
    {
        var preview = CsvPreview.Parse("sep=,\n\"Date\",\"Primary\"\n\n , \n2026-10-01,5\n");

        Assert.Equal([(2, "Date|Primary"), (5, "2026-10-01|5")], preview.Records.Select(r => (r.Line, string.Join('|', r.Fields))));
    }

    [Fact]
    public void Parse_ManyRecords_KeepsTheFirstSixteen()
    {
        var text = new StringBuilder();
        for (var i = 1; i <= 20; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"r{i},x\n");
        }

        var preview = CsvPreview.Parse(text.ToString());

        Assert.Equal(CsvPreview.MaxRecords, preview.Records.Count);
        Assert.Equal("r16", preview.Records[^1].Fields[0]);
    }

    [Fact]
    public void Parse_FirstLineNotSep_IsARecord()
    {
        var preview = CsvPreview.Parse("Date,Views\n2026-10-01,5\n");

        Assert.Equal(["Date", "Views"], preview.Records[0].Fields);
        Assert.Equal(1, preview.Records[0].Line);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    public void FindHeader_PreambleAbove_FoundOnlyWithinTheRecordsAllowed(int within, int? line)
    {
        var preview = CsvPreview.Parse("Report for October\nDate,Views\n2026-10-01,5\n");

        var header = preview.FindHeader(h => h.Has("Views"), within);

        Assert.Equal(line, header?.Line);
    }

    [Fact]
    public void LikelyHeader_MostFieldsAmongTheFirstSix_FirstOfEqualOnes()
    {
        var preview = CsvPreview.Parse("note\na,b,c\nd,e,f\ng,h\ni\nj\nk,l,m,n,o\n");

        Assert.Equal(["a", "b", "c"], preview.LikelyHeader());
        Assert.Empty(CsvPreview.Parse("sep=,\n").LikelyHeader());
    }
}
