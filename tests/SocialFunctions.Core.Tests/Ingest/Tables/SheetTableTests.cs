using System.Globalization;
using SocialFunctions.Core.Ingest.Tables;

namespace SocialFunctions.Core.Tests.Ingest.Tables;

public sealed class SheetTableTests
{
    public static TheoryData<object?, string> TypedCells() => new()
    {
        { null, "" },
        { "Tips", "Tips" },
        { 1203.0, "1203" },
        { 0.045, "0.045" },
        { new DateTime(2026, 10, 27), "2026-10-27" },
        { new DateTime(2026, 10, 27, 14, 5, 9), "2026-10-27 14:05:09" },
        { true, "TRUE" },
        { false, "FALSE" },
        { 1.5m, "1.5" },
        { 42, "42" },
    };

    /// <summary>A re-saved workbook's typed cells read as an export writes them (catches a culture- or format-dependent cell).</summary>
    [Theory]
    [MemberData(nameof(TypedCells))]
    public void Text_TypedCell_IsWrittenTheWayExportsWriteIt(object? value, string expected)
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, SheetTable.Text(value));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
