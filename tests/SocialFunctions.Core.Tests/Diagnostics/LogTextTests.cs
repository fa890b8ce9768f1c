using SocialFunctions.Core.Diagnostics;

namespace SocialFunctions.Core.Tests.Diagnostics;

/// <summary>
/// User text in a log line: one value can never forge another line (line breaks and control characters escaped), bidi
/// overrides cannot reorder what an operator reads, and a long value is cut with its length noted.
/// </summary>
public sealed class LogTextTests
{
    [Fact]
    public void Safe_Null_SaysNone()
    {
        Assert.Equal("(none)", LogText.Safe(null));
    }

    [Fact]
    public void Safe_PlainText_Unchanged()
    {
        // Quotes and non-ASCII letters stay as they are: they cannot forge a line and an operator must read them.
        Assert.Equal("Café \"Lundi\" 'série' / ..", LogText.Safe("Café \"Lundi\" 'série' / .."));
        Assert.Equal(string.Empty, LogText.Safe(string.Empty));
    }

    [Fact]
    public void Safe_LineBreaksAndControlCharacters_EscapedAsUnicode()
    {
        // A forged second line ("\n2026-12-01 INFO ...") stays on the first one.
        Assert.Equal(@"a\u000D\u000Afake INFO line\u0009x\u0000y\u007F\u001B[31m", LogText.Safe("a\r\nfake INFO line\tx\0y\u007F\u001B[31m"));
    }

    [Theory]
    [InlineData('\u2028', @"\u2028")] // line separator
    [InlineData('\u2029', @"\u2029")] // paragraph separator
    [InlineData('\u200E', @"\u200E")] // left-to-right mark
    [InlineData('\u200F', @"\u200F")] // right-to-left mark
    [InlineData('\u202A', @"\u202A")] // bidi embeddings and overrides
    [InlineData('\u202B', @"\u202B")]
    [InlineData('\u202C', @"\u202C")]
    [InlineData('\u202D', @"\u202D")]
    [InlineData('\u202E', @"\u202E")]
    public void Safe_SeparatorsAndBidiControls_Escaped(char c, string escaped)
    {
        Assert.Equal("x" + escaped + "y", LogText.Safe("x" + c + "y"));
    }

    [Fact]
    public void Safe_NeighboursOfTheEscapedRange_Kept()
    {
        // Zero-width space and joiner, and the characters around the bidi block, are printable: not escaped.
        Assert.Equal("\u200B\u200D\u2027\u202F\u2066", LogText.Safe("\u200B\u200D\u2027\u202F\u2066"));
    }

    [Fact]
    public void Safe_EscapeUsesFourUppercaseHexDigits()
    {
        Assert.Equal(@"\u001F", LogText.Safe("\u001F"));
        Assert.Equal(@"\u009F", LogText.Safe("\u009F"));
    }

    [Fact]
    public void Safe_AtMaxLength_NotCut()
    {
        var value = new string('a', LogText.MaxLength);

        Assert.Equal(value, LogText.Safe(value));
    }

    [Fact]
    public void Safe_OneOverMaxLength_CutWithLengthNoted()
    {
        var value = new string('a', LogText.MaxLength) + "b";

        Assert.Equal(new string('a', LogText.MaxLength) + "… (201 chars)", LogText.Safe(value));
    }

    [Fact]
    public void Safe_LongValue_EscapesOnlyTheKeptPart()
    {
        var value = new string('a', LogText.MaxLength - 1) + "\n" + new string('\n', 1000);

        Assert.Equal(new string('a', LogText.MaxLength - 1) + @"\u000A… (1200 chars)", LogText.Safe(value));
    }
}
