using System.Text.Json;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;
using SocialFunctions.Reports.Localization;

namespace SocialFunctions.Reports.Tests.Localization;

public sealed class SeriesAlertMessagesTests
{
    private static readonly DateTimeOffset Since = new(2026, 5, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BuildPayload_Alert_IsWorkflowsMessageWithValidCard15()
    {
        using var document = JsonDocument.Parse(SeriesAlertMessages.BuildPayload(Alert(posts: 4)));
        var root = document.RootElement;

        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal(JsonValueKind.Null, attachment.GetProperty("contentUrl").ValueKind);
        var card = attachment.GetProperty("content");
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Empty(AdaptiveCardSchemaSubset.Validate(card));
    }

    [Fact]
    public void BuildPayload_Alert_ShowsEvidenceAndLinks()
    {
        var json = System.Text.Encoding.UTF8.GetString(SeriesAlertMessages.BuildPayload(Alert(posts: 4)));

        Assert.Contains("Underperforming: Tip Tuesday on Instagram", json, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"−50 % over 4 posts since 12 May; 3 of the 4 below the channel's median for images\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"1.50 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"3.00 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"−50 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"99 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://sf.example.com/api/brands/acme/series\"", json, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://sf.example.com/api/brands/acme/reports/2026-05.pdf\"", json, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Report May 2026\"", json, StringComparison.Ordinal);
        Assert.Equal(5, CountRows(json)); // header + 4 posts
    }

    [Fact]
    public void BuildPayload_FrenchBrand_FrenchWordsAndNumbers()
    {
        var json = System.Text.Encoding.UTF8.GetString(SeriesAlertMessages.BuildPayload(Alert(posts: 4) with { Locale = ReportLocale.French }));

        Assert.Contains("Sous-performe : Tip Tuesday sur Instagram", json, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Taux récent\",\"value\":\"1,50 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Rapport mai 2026\"", json, StringComparison.Ordinal);
        Assert.Contains("Dernières publications", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Recent ER", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", AlertKind.Started, "Underperforming: Tip Tuesday on Instagram", "Recent ER")]
    [InlineData("en", AlertKind.Recovered, "Recovered: Tip Tuesday on Instagram is back near its baseline", "Baseline ER")]
    [InlineData("fr", AlertKind.Reminder, "Toujours sous la référence : Tip Tuesday sur Instagram", "Taux de référence")]
    public void Mail_Alert_SameTitleFactsAndLinksAsTheCard(string locale, string kind, string subject, string fact)
    {
        var alert = Alert(posts: 4) with { Kind = kind, Locale = ReportLocale.Parse(locale), BrandDisplayName = "Acme <Labs>" };

        var mail = SeriesAlertMessages.Mail(alert);

        Assert.Equal(subject, mail.Subject);
        Assert.Contains($"<th align=\"left\">{System.Net.WebUtility.HtmlEncode(fact)}</th>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Acme &lt;Labs&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://sf.example.com/api/brands/acme/reports/2026-05.pdf\"", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildPayload_ManyLongPosts_TruncatesTableUnderLimit()
    {
        var alert = Alert(posts: 400, text: new string('x', 500));

        var payload = SeriesAlertMessages.BuildPayload(alert);
        var json = System.Text.Encoding.UTF8.GetString(payload);

        Assert.True(payload.Length <= SeriesAlertMessages.MaxPayloadBytes, $"{payload.Length} bytes");
        Assert.True(payload.Length > SeriesAlertMessages.MaxPayloadBytes - 1000, "the table should fill the space it has");
        Assert.Contains("older posts not shown.", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(payload);
        Assert.Empty(AdaptiveCardSchemaSubset.Validate(document.RootElement.GetProperty("attachments")[0].GetProperty("content")));
    }

    [Fact]
    public void Validate_CardWithUnknownEnumAndMissingUrl_ReportsBoth()
    {
        using var document = JsonDocument.Parse("""
            {"type":"AdaptiveCard","version":"1.6","body":[{"type":"TextBlock","text":"x","size":"huge"}],"actions":[{"type":"Action.OpenUrl","title":"t"}]}
            """);

        var errors = AdaptiveCardSchemaSubset.Validate(document.RootElement);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("$.version", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.body[0].size", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "$.actions[0]: required property 'url' is missing");
    }

    private static int CountRows(string json) => json.Split("\"TableRow\"").Length - 1;

    private static SeriesAlert Alert(int posts, string text = "Tip: save your drafts #TipTuesday") => new()
    {
        Kind = AlertKind.Started,
        Brand = BrandName.Parse("acme"),
        BrandDisplayName = "Acme",
        ReportMonth = new ReportMonth(2026, 5),
        PublicBaseUrl = "https://sf.example.com",
        Id = "series-test",
        Health = new SeriesHealth
        {
            Brand = "acme",
            Channel = "instagram",
            Series = "Tip Tuesday",
            Status = SeriesStatus.Underperforming,
            RecentEngagementRate = 0.015,
            BaselineEngagementRate = 0.030,
            RelativeGap = -0.5,
            Posts = 4,
            OnsetAt = Since,
            PostsBelowMedian = 3,
            BaselineBasis = SeriesBaselineBasis.ContentType,
            BaselineContentType = "image",
            BaselinePosts = 120,
            Confidence = 0.993,
            Since = Since,
            RecentPosts = [.. Enumerable.Range(0, posts).Select(i => new SeriesPostPoint($"p{i}", Since.AddDays(i), 10_000, 150, 0.015, $"https://instagram.com/p/{i}", text))],
        },
    };
}
