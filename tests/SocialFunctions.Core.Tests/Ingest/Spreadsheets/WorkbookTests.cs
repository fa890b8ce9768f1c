using SocialFunctions.Core.Ingest;
using SocialFunctions.Core.Ingest.Spreadsheets;

namespace SocialFunctions.Core.Tests.Ingest.Spreadsheets;

/// <summary>Which failures count as a damaged workbook (a 422 for the upload) and which stay programming errors.</summary>
public sealed class WorkbookTests
{
    /// <summary>An .xls cut off inside its OLE2 header: ExcelDataReader lets a framework ArgumentException escape.</summary>
    [Fact]
    public void IsReaderFailure_FrameworkExceptionRaisedWhileExcelDataReaderReads_Counts()
    {
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
        var file = ExportFile.FromBytes("cut.xls", header);

        var failure = Record.Exception(() => ExcelDataReader.ExcelReaderFactory.CreateReader(file.OpenRead()).Dispose());

        Assert.NotNull(failure);
        Assert.True(Workbook.IsReaderFailure(failure!), failure!.GetType().Name);
        Assert.Contains("not a readable spreadsheet", Assert.Throws<ExportFormatException>(() => Workbook.Open(file).Dispose()).Reason, StringComparison.Ordinal);
    }

    /// <summary>The same exception types thrown by our own code are bugs, not damaged uploads (catches "all ArgumentExceptions count").</summary>
    [Theory]
    [InlineData(typeof(ArgumentException))]
    [InlineData(typeof(ArgumentNullException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    [InlineData(typeof(FormatException))]
    [InlineData(typeof(IndexOutOfRangeException))]
    [InlineData(typeof(InvalidDataException))]
    public void IsReaderFailure_SameTypeFromOurOwnCode_DoesNotCount(Type type)
    {
        var thrown = Record.Exception(() => Throw((Exception)Activator.CreateInstance(type)!));

        Assert.IsType(type, thrown);
        Assert.False(Workbook.IsReaderFailure(thrown!));
    }

    private static void Throw(Exception ex) => throw ex;

    [Fact]
    public void IsReaderFailure_ExcelDataReadersOwnException_AlwaysCounts() =>
        Assert.True(Workbook.IsReaderFailure(new ExcelDataReader.Exceptions.HeaderException("bad header")));
}
