using SocialFunctions.Core.Ingest;

namespace SocialFunctions.Core.Tests.Ingest;

/// <summary>The message names where: the file, then the line and column when known.</summary>
public sealed class ExportFormatExceptionTests
{
    [Theory]
    [InlineData(3, 2, "posts.csv, line 3, column 2: no such header")]
    [InlineData(3, null, "posts.csv, line 3: no such header")]
    [InlineData(null, 2, "posts.csv, column 2: no such header")]
    [InlineData(null, null, "posts.csv: no such header")]
    public void Message_NamesFileLineAndColumnWhenKnown(int? line, int? column, string expected)
    {
        var error = new ExportFormatException("posts.csv", line, column, "no such header");

        Assert.Equal(expected, error.Message);
        Assert.Equal(("posts.csv", line, column, "no such header"), (error.FileName, error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void StandardConstructors_NameAnUnknownFile()
    {
        var bare = new ExportFormatException();
        var withMessage = new ExportFormatException("cut off");
        var inner = new InvalidDataException("bad");
        var wrapped = new ExportFormatException("damaged", inner);

        Assert.Equal(("(unknown)", "The export could not be read.", "(unknown): The export could not be read."), (bare.FileName, bare.Reason, bare.Message));
        Assert.Equal(("(unknown)", "cut off", "(unknown): cut off"), (withMessage.FileName, withMessage.Reason, withMessage.Message));
        Assert.Equal(("(unknown)", "damaged", "damaged"), (wrapped.FileName, wrapped.Reason, wrapped.Message));
        Assert.Same(inner, wrapped.InnerException);
    }
}
