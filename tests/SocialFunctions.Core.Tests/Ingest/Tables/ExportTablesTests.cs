using System.IO.Compression;
using System.Text;
using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class ExportTablesTests
{
    /// <summary>A workbook opened as text is refused with the reason (catches the reason blanked).</summary>
    [Fact]
    public async Task Text_Workbook_IsRefusedAsNotText()
    {
        var probe = await ExportFixtures.ProbeAsync("linkedin/content-resaved.xlsx");

        var error = Assert.Throws<ExportFormatException>(() => ExportTables.Text(probe));

        Assert.Equal("not a text file (CSV)", error.Reason);
        Assert.Equal("content-resaved.xlsx", error.FileName);
    }

    /// <summary>
    /// A workbook is not an export zip even when its archive holds a .csv entry: no entry is found in it (catches a
    /// file searched as an export zip whatever it is).
    /// </summary>
    [Fact]
    public async Task FindZipEntry_WorkbookHoldingACsvEntry_IsNull()
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "xl/workbook.xml", "<workbook/>");
            Write(zip, "posts.csv", "Date,Views\n2026-10-27,12\n");
        }

        var probe = await ExportProbe.CreateAsync(ExportFile.FromBytes("export.xlsx", bytes.ToArray()), TestContext.Current.CancellationToken);

        Assert.Null(ExportTables.FindZipEntry(probe, (_, _) => true));
    }

    /// <summary>A bare CSV has no zip entry to find.</summary>
    [Fact]
    public async Task FindZipEntry_BareCsv_IsNull()
    {
        var probe = await ExportProbe.CreateAsync(
            ExportFile.FromBytes("export.csv", Encoding.UTF8.GetBytes("Date,Views\n2026-10-27,12\n")), TestContext.Current.CancellationToken);

        Assert.Null(ExportTables.FindZipEntry(probe, (_, _) => true));
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
        writer.Write(text);
    }
}
