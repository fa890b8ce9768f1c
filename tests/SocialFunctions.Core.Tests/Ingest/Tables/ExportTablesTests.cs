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

    /// <summary>A bare CSV has no zip entry to find (catches a plain file searched as a zip).</summary>
    [Fact]
    public async Task FindZipEntry_BareCsv_IsNull()
    {
        var probe = await ExportProbe.CreateAsync(
            ExportFile.FromBytes("export.csv", Encoding.UTF8.GetBytes("Date,Views\n2026-10-27,12\n")), TestContext.Current.CancellationToken);

        Assert.Null(ExportTables.FindZipEntry(probe, (_, _) => true));
    }
}
