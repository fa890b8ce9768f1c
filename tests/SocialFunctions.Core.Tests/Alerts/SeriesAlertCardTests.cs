using System.Text.Json;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Series;

namespace SocialFunctions.Core.Tests.Alerts;

public sealed class SeriesAlertCardTests
{
    private static readonly DateTimeOffset Since = new(2026, 5, 12, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void BuildPayload_Alert_IsWorkflowsMessageWithValidCard15()
    {
        using var document = JsonDocument.Parse(SeriesAlertCard.BuildPayload(Alert(posts: 4)));
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
        var json = System.Text.Encoding.UTF8.GetString(SeriesAlertCard.BuildPayload(Alert(posts: 4)));

        Assert.Contains("Underperforming: Tip Tuesday on Instagram", json, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"−50 % over 4 posts since 12 May; 3 of the 4 below the channel's median for images\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"1.50 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"3.00 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"−50 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"value\":\"99 %\"", json, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://sf.example.com/api/brands/acme/series\"", json, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"https://sf.example.com/api/brands/acme/reports/2026-05.pdf\"", json, StringComparison.Ordinal);
        Assert.Equal(5, CountRows(json)); // header + 4 posts
    }

    [Fact]
    public void BuildPayload_ManyLongPosts_TruncatesTableUnderLimit()
    {
        var alert = Alert(posts: 400, text: new string('x', 500));

        var payload = SeriesAlertCard.BuildPayload(alert);
        var json = System.Text.Encoding.UTF8.GetString(payload);

        Assert.True(payload.Length <= SeriesAlertCard.MaxPayloadBytes, $"{payload.Length} bytes");
        Assert.True(payload.Length > SeriesAlertCard.MaxPayloadBytes - 1000, "the table should fill the space it has");
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
        BrandDisplayName = "Acme",
        ReportMonth = "2026-05",
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
