using SocialFunctions.Documents.Drawing;

namespace SocialFunctions.Documents.Tests.Drawing;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("Launch day 🎉🚀 is here", "Launch day is here")]
    [InlineData("Family 👨‍👩‍👧 time", "Family time")]
    [InlineData("Cafe\u0301 crème", "Café crème")]
    [InlineData("Tip\tTuesday\r\nline two", "Tip Tuesday\nline two")]
    [InlineData("❤️ love", " love")]
    [InlineData("\u221241 % over 9 posts", "-41 % over 9 posts")]
    public void Sanitize_UnsupportedGlyphsAndDecomposedAccents_ReturnsDrawableText(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Sanitize(input, FontLibrary.Default.Regular));
    }

    [Fact]
    public void Sanitize_Null_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, TextSanitizer.Sanitize(null, FontLibrary.Default.Regular));
    }
}
