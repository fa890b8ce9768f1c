using System.Text;
using System.Text.Json;
using SocialFunctions.Core.Alerts;
using SocialFunctions.Core.Brands;
using SocialFunctions.Core.Digest;
using SocialFunctions.Core.Records;
using SocialFunctions.Core.Reporting;
using SocialFunctions.Core.Series;
using SocialFunctions.Reports.Localization;
using SocialFunctions.Reports.Tests.Fixtures;

namespace SocialFunctions.Reports.Tests.Localization;

/// <summary>
/// Text the team or a platform wrote (post texts, series and brand names) reaches people as that text: never as a link,
/// emphasis or markup in a Teams card, never as HTML in a mail.
/// </summary>
public sealed class HostileTextTests
{
    private const string Phishing = "[Reset your password](https://evil.example/login)";
    private const string Markup = "<img src=x onerror=alert(1)> **urgent** & \"quoted\"";

    [Fact]
    public void TeamsCard_SeriesBrandAndPostTextsWithMarkdown_RenderAsTheirOwnText()
    {
        var json = Encoding.UTF8.GetString(SeriesAlertMessages.BuildPayload(Alert(series: Phishing, brand: Markup, postText: Phishing + " " + Markup, permalink: null)));
        var texts = TextBlocks(JsonDocument.Parse(json).RootElement).ToList();

        Assert.DoesNotContain(texts, t => t.Contains("](https://evil", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("**", StringComparison.Ordinal));

        // Still readable: the same characters once the zero-width spaces are dropped.
        Assert.Contains(texts, t => t.Replace("\u200B", "", StringComparison.Ordinal).Contains(Phishing, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Replace("\u200B", "", StringComparison.Ordinal).Contains("<img src=x onerror=alert(1)>", StringComparison.Ordinal));
    }

    [Fact]
    public void DigestCard_BestPostTextWithMarkdown_RendersAsItsOwnText()
    {
        var digest = new WeeklyDigest
        {
            Brand = BrandName.Parse("acme"),
            DisplayName = "Acme",
            Locale = ReportLocale.English,
            Clock = BrandClock.Find("UTC"),
            Week = DigestWeek.Of(new DateOnly(2026, 11, 23)),
            PageUrl = "https://app.example/",
            BestPost = new PostSummary
            {
                Channel = "instagram", PostId = "1", PublishedAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
                Text = Phishing + " **urgent**", Impressions = 1000, Engagements = 50, EngagementRate = 0.05,
            },
        };

        var texts = TextBlocks(JsonDocument.Parse(WeeklyDigestMessages.Payload(digest)).RootElement).ToList();

        Assert.DoesNotContain(texts, t => t.Contains("](https://evil", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("**", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Replace("\u200B", "", StringComparison.Ordinal).Contains(Phishing, StringComparison.Ordinal));
    }

    [Fact]
    public void TeamsCard_PostWithPermalink_LinksOnlyToThePermalink()
    {
        var json = Encoding.UTF8.GetString(SeriesAlertMessages.BuildPayload(Alert(series: "Tips", brand: "Acme", postText: Phishing, permalink: "https://instagram.com/p/1")));
        var label = Assert.Single(TextBlocks(JsonDocument.Parse(json).RootElement), t => t.Contains("instagram.com/p/1", StringComparison.Ordinal));

        Assert.EndsWith("](https://instagram.com/p/1)", label, StringComparison.Ordinal);
        Assert.Equal(1, label.Split("](").Length - 1);
    }

    [Fact]
    public void AlertMail_SeriesAndBrandWithMarkup_HtmlEncoded()
    {
        var mail = SeriesAlertMessages.Mail(Alert(series: Markup, brand: Markup, postText: "x", permalink: null));

        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", mail.HtmlBody, StringComparison.Ordinal);
    }

    private static IEnumerable<string> TextBlocks(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "TextBlock")
            {
                yield return element.GetProperty("text").GetString()!;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var text in TextBlocks(property.Value))
                {
                    yield return text;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var text in TextBlocks(item))
                {
                    yield return text;
                }
            }
        }
    }

    private static SeriesAlert Alert(string series, string brand, string postText, string? permalink) => new()
    {
        Kind = AlertKind.Started,
        Brand = BrandName.Parse("acme"),
        BrandDisplayName = brand,
        ReportMonth = new ReportMonth(2026, 5),
        PublicBaseUrl = "https://sf.example.com",
        Id = "series-test",
        Health = new SeriesHealth
        {
            Brand = "acme",
            Channel = "instagram",
            Series = series,
            Status = SeriesStatus.Underperforming,
            RecentEngagementRate = 0.015,
            BaselineEngagementRate = 0.030,
            RelativeGap = -0.5,
            Posts = 1,
            BaselinePosts = 120,
            Confidence = 0.993,
            Since = new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero),
            RecentPosts = [new SeriesPostPoint("p1", new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero), 10_000, 150, 0.015, permalink, postText)],
        },
    };
}

/// <summary>The PDF draws user text as glyphs: markup in a post, a series name or the pivot plan prints as itself.</summary>
public sealed class HostileTextPdfTests
{
    [Fact]
    public void Render_MarkupInPostSeriesAndCommentary_PrintedLiterally()
    {
        const string Markup = "<b>bold</b>&amp;<script>x</script>";
        var baseline = ReportModelBuilder.Build(topPosts: 3, commentaryParagraphs: 1);
        var model = baseline with
        {
            Commentary = "Plan: " + Markup,
            TopPosts = [baseline.TopPosts[0] with { Text = Markup }],
            Series = [baseline.Series[0] with { Series = "S" + Markup }],
        };

        var text = string.Concat(RenderedReports.Render(model).All.Where(c => !char.IsWhiteSpace(c)));

        Assert.Contains("<b>bold</b>&amp;<script>x</script>", text, StringComparison.Ordinal);
    }
}
