using System.Text.Json;
using SocialFunctions.Core.Records;

namespace SocialFunctions.Core.Tests.Records;

/// <summary>The brand name, the workspace key: what it accepts, what it refuses and what it says when it refuses.</summary>
public sealed class BrandNameTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("acme")]
    [InlineData("northwind-coffee-2")]
    [InlineData("0123456789012345678901234567890123456789")] // 40 characters, the maximum
    public void TryParse_ValidName_AcceptedAsIs(string text)
    {
        Assert.True(BrandName.TryParse(text, out var name));
        Assert.Equal(text, name.Value);
        Assert.Equal(text, name.ToString());
        Assert.Equal(text, (string)name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("acme corp")]
    [InlineData("acme_corp")]
    [InlineData("../acme")]
    [InlineData("01234567890123456789012345678901234567890")] // 41 characters
    [InlineData("acme\n")] // a trailing newline: .NET's $ matches before it
    [InlineData(null)]
    public void TryParse_InvalidName_Refused(string? text)
    {
        Assert.False(BrandName.TryParse(text, out var name));
        Assert.Equal(default, name);
        Assert.Equal(string.Empty, name.Value);
    }

    [Fact]
    public void Parse_InvalidName_SaysWhatABrandNameLooksLike()
    {
        var ex = Assert.Throws<FormatException>(() => BrandName.Parse("Acme Corp"));

        Assert.Equal("'Acme Corp' is not a brand name: use 1 to 40 lower-case letters, digits or hyphens ([a-z0-9-]{1,40}).", ex.Message);
    }

    [Fact]
    public void Json_RoundTripsAsText()
    {
        var json = JsonSerializer.Serialize(new { Brand = BrandName.Parse("acme") });

        Assert.Equal("""{"Brand":"acme"}""", json);
        Assert.Equal(BrandName.Parse("acme"), JsonSerializer.Deserialize<BrandName>("\"acme\""));
    }

    [Fact]
    public void Json_InvalidName_RefusedWithTheParserMessage()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BrandName>("\"Acme\""));

        Assert.Equal(BrandName.Problem("Acme"), ex.Message);
        Assert.IsType<FormatException>(ex.InnerException);
    }

    [Fact]
    public void Json_Null_RefusedSayingWhichType()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Brand":null}"""));

        Assert.Contains("A BrandName cannot be null.", ex.Message, StringComparison.Ordinal);
    }

    private sealed record Holder(BrandName Brand);
}
