using System.Text.Json;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;

namespace SocialFunctions.Core.Tests.Brands;

public sealed class BrandNameTests
{
    [Theory]
    [InlineData("acme", true)]
    [InlineData("lumen-coffee-2", true)]
    [InlineData("a", true)]
    [InlineData("ACME", false)]
    [InlineData("acme corp", false)]
    [InlineData("acme_corp", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("a1234567890123456789012345678901234567890", false)] // 41 characters
    public void TryParse_Pattern_LowerCaseDigitsHyphensUpTo40(string? text, bool valid)
    {
        Assert.Equal(valid, BrandName.TryParse(text, out var name));
        Assert.Equal(valid ? text : string.Empty, name.Value);
    }

    [Fact]
    public void Parse_Invalid_ThrowsSayingWhatABrandNameIs()
    {
        var error = Assert.Throws<FormatException>(() => BrandName.Parse("Acme Corp"));

        Assert.Contains("'Acme Corp' is not a brand name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_SettingsRoundTrip_SameTextAsBefore()
    {
        var settings = BrandSettings.CreateDefault(BrandName.Parse("acme")) with
        {
            Clock = BrandClock.Find("Europe/Paris"),
            Locale = ReportLocale.French,
            FunnelFocus = FunnelFocus.Awareness,
            PaperSize = PaperSize.Letter,
            ReportTime = new TimeOnly(6, 30),
        };

        var json = JsonSerializer.Serialize(settings, JsonSerializerOptions.Web);

        Assert.Contains("\"brand\":\"acme\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timeZone\":\"Europe/Paris\"", json, StringComparison.Ordinal);
        Assert.Contains("\"locale\":\"fr\"", json, StringComparison.Ordinal);
        Assert.Contains("\"funnelFocus\":\"awareness\"", json, StringComparison.Ordinal);
        Assert.Contains("\"paperSize\":\"Letter\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reportTime\":\"06:30\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\"", json, StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize<BrandSettings>(json, JsonSerializerOptions.Web)!;
        Assert.Equal(
            (settings.Brand, settings.Clock, settings.Locale, settings.FunnelFocus, settings.PaperSize, settings.ReportTime),
            (read.Brand, read.Clock, read.Locale, read.FunnelFocus, read.PaperSize, read.ReportTime));
    }

    [Theory]
    [InlineData("{\"brand\":\"Not A Brand\"}")]
    [InlineData("{\"brand\":\"acme\",\"timeZone\":\"Mars/Olympus\"}")]
    [InlineData("{\"brand\":\"acme\",\"locale\":\"de\"}")]
    [InlineData("{\"brand\":\"acme\",\"reportTime\":\"7:00\"}")]
    public void Json_InvalidStoredValue_Refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<BrandSettings>(json, JsonSerializerOptions.Web));

    [Fact]
    public void Json_ReportMonth_WrittenAndReadAsYearMonth()
    {
        var month = ReportMonth.Parse("2026-10");

        Assert.Equal("\"2026-10\"", JsonSerializer.Serialize(month));
        Assert.Equal(month, JsonSerializer.Deserialize<ReportMonth>("\"2026-10\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReportMonth>("\"2026-1\""));
    }

    [Theory]
    [InlineData("en", ReportLanguage.English, "en-US")]
    [InlineData("fr", ReportLanguage.French, "fr-FR")]
    public void ReportLocale_Parse_DecidesLanguageAndCultureOnce(string code, ReportLanguage language, string culture)
    {
        var locale = ReportLocale.Parse(code);

        Assert.Equal((language, culture, code), (locale.Language, locale.Culture.Name, locale.ToString()));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("FR")]
    [InlineData("de")]
    public void ReportLocale_NotACode_Refused(string text) => Assert.False(ReportLocale.TryParse(text, out _));
}
