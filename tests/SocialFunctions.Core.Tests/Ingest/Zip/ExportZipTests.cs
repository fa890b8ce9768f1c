using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Zip;

namespace SocialFunctions.Core.Tests.Ingest.Zip;

public sealed class ExportZipTests
{
    /// <summary>Only .csv entries are previewed, and neither macOS's shadow folder nor its "._" resource forks.</summary>
    [Fact]
    public void CsvPreviews_CsvEntriesOnly_WithoutMacShadows()
    {
        var file = ExportFile.FromBytes("export.zip", ExportFixtures.Zip(
            ("Table data.csv", "\uFEFFContent,Views\nabc,12\n"),
            ("TABLE DATA 2.CSV", "Content,Views\ndef,3\n"),
            ("notes.txt", "Content,Views\n"),
            ("__MACOSX/Table data.csv", "Content,Views\n"),
            ("sub/._Table data.csv", "Content,Views\n")));

        var previews = ExportZip.CsvPreviews(file);

        Assert.Equal(["TABLE DATA 2.CSV", "Table data.csv"], previews.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Content", "Views"], previews["Table data.csv"].Records[0].Fields);
    }

    [Fact]
    public void CsvPreviews_DamagedArchive_None()
    {
        var bytes = ExportFixtures.Zip(("a.csv", "x,y\n1,2\n"));

        Assert.Empty(ExportZip.CsvPreviews(ExportFile.FromBytes("cut.zip", bytes[..(bytes.Length / 2)])));
    }

    [Fact]
    public void FindCsvEntry_FirstMatchInArchiveOrder()
    {
        var file = ExportFile.FromBytes("export.zip", ExportFixtures.Zip(("a.csv", "Alpha\n1\n"), ("b.csv", "Beta\n2\n"), ("c.csv", "Beta\n3\n")));

        Assert.Equal("b.csv", ExportZip.FindCsvEntry(file, (_, preview) => preview.Records[0].Fields[0] == "Beta"));
        Assert.Null(ExportZip.FindCsvEntry(file, (_, _) => false));
    }

    [Fact]
    public async Task OpenText_ReadsTheEntry_AndNamesAMissingOne()
    {
        var file = ExportFile.FromBytes("export.zip", ExportFixtures.Zip(("Table data.csv", "Content,Views\nabc,12\n")));

        using (var reader = ExportZip.OpenText(file, "Table data.csv"))
        {
            Assert.Equal("Content,Views\nabc,12\n", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
        }

        var error = Assert.Throws<ExportFormatException>(() => ExportZip.OpenText(file, "Chart data.csv"));
        Assert.Equal(("export.zip", "the zip has no entry 'Chart data.csv'."), (error.FileName, error.Reason));
    }

    [Fact]
    public void OpenText_DamagedArchive_SaysSo()
    {
        var error = Assert.Throws<ExportFormatException>(() => ExportZip.OpenText(ExportFile.FromBytes("cut.zip", "PK\u0003\u0004 not really"u8.ToArray()), "a.csv"));

        Assert.StartsWith("the zip archive is damaged: ", error.Reason, StringComparison.Ordinal);
    }
}
