using System.Text.Json;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports.Tests.Localization;

public sealed class WeeklyDigestMessagesTests
{
    [Theory]
    [InlineData("en", "ER ")]
    [InlineData("fr", "taux d'engagement ")]
    public void Payload_BestPost_NamesTheRateInTheBrandsLanguage(string code, string rateWord)
    {
        var locale = ReportLocale.Parse(code);
        var json = WeeklyDigestMessages.Payload(Digest(locale));

        var rate = new ReportFormatter(locale).Rate(0.05).Replace('\u00A0', ' ');
        Assert.Contains(rateWord + rate, Texts(json), StringComparison.Ordinal);
        if (locale.Language == ReportLanguage.French)
        {
            Assert.DoesNotContain("ER ", Texts(json), StringComparison.Ordinal);
        }
    }

    private static WeeklyDigest Digest(ReportLocale locale) => new()
    {
        Brand = BrandName.Parse("acme"),
        DisplayName = "Acme",
        Locale = locale,
        Clock = BrandClock.Find("UTC"),
        Week = DigestWeek.Of(new DateOnly(2026, 11, 23)),
        PageUrl = "https://app.example/",
        BestPost = new PostSummary
        {
            Channel = "instagram", PostId = "1", PublishedAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
            Text = "Latte art", Impressions = 1000, Engagements = 50, EngagementRate = 0.05,
        },
    };

    private static string Texts(byte[] json)
    {
        var texts = new List<string>();
        Collect(JsonDocument.Parse(json).RootElement, texts);
        return string.Join('\n', texts);
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "text" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, texts);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }

                break;
        }
    }
}
