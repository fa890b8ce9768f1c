using SocialFunctions.Infrastructure.Storage;

namespace SocialFunctions.Infrastructure.Tests.Storage;

/// <summary>
/// User text (brand, series, post ids) never reaches a table key raw: what the service forbids, our separator and our
/// escape are escaped, and a value too long for Azurite's 512-character keys is replaced by its hash.
/// </summary>
public sealed class TableKeysTests
{
    [Theory]
    [InlineData("acme", "acme")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("#1?", "%231%3F")]
    [InlineData("50%|off", "50%25%7Coff")]
    [InlineData("line\nbreak\ttab", "line%0Abreak%09tab")]
    [InlineData("del\u007f c1\u0080 last\u009f", "del%7F c1%80 last%9F")]
    [InlineData("~ caf\u00e9 \u00a0nbsp ../x", "~ caf\u00e9 \u00a0nbsp ..%2Fx")] // '~' and what follows U+009F are allowed
    public void Escape_ForbiddenSeparatorEscapeAndControlCharacters_PercentHex(string value, string expected) =>
        Assert.Equal(expected, TableKeys.Escape(value));

    [Fact]
    public void Escape_UpTo400CharactersKept_LongerReplacedByItsHash()
    {
        // Catches: the bound moved, the hash not applied, or hashes that do not tell values apart.
        var exactly = new string('a', 400);
        var over = new string('a', 401);
        var escapedOver = new string('/', 134); // 134 characters that escape to 402

        Assert.Equal(exactly, TableKeys.Escape(exactly));
        var hashed = TableKeys.Escape(over);
        Assert.StartsWith("sha256-", hashed, StringComparison.Ordinal);
        Assert.Equal(7 + 64, hashed.Length);
        Assert.Matches("^sha256-[0-9a-f]{64}$", hashed);
        Assert.Equal(hashed, TableKeys.Escape(new string('a', 401)));
        Assert.NotEqual(hashed, TableKeys.Escape(new string('b', 401)));
        Assert.StartsWith("sha256-", TableKeys.Escape(escapedOver), StringComparison.Ordinal);
        Assert.Equal(new string('/', 133).Replace("/", "%2F", StringComparison.Ordinal), TableKeys.Escape(new string('/', 133)));
    }

    [Fact]
    public void Join_ComponentsWithTheSeparator() => Assert.Equal("acme|m2026-10|07", TableKeys.Join("acme", "m2026-10", "07"));

    [Fact]
    public void PrefixEnd_AfterEveryKeyWithThePrefixAndBeforeTheNext()
    {
        var end = TableKeys.PrefixEnd("acme|");

        Assert.Equal("acme}", end);
        Assert.All(["acme|", "acme|m2026-10|07", "acme|" + new string('\uffff', 3)], key => Assert.True(string.CompareOrdinal(key, end) < 0, key));
        // Other brands' keys stay outside [prefix, end): before it or at/after its end.
        Assert.All(["acme2|x", "acmf|x", "acme}x"], key => Assert.True(string.CompareOrdinal(key, "acme|") < 0 || string.CompareOrdinal(key, end) >= 0, key));
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("")]
    public void PrefixEnd_PrefixNotEndingInTheSeparator_RefusedSayingSo(string prefix)
    {
        var error = Assert.Throws<ArgumentException>(() => TableKeys.PrefixEnd(prefix));

        Assert.StartsWith("A key prefix must end with '|'.", error.Message, StringComparison.Ordinal);
        Assert.Equal("prefix", error.ParamName);
    }
}
